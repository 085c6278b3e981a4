// Administrators manage the council's users in the browser: add one (they get a one-time set-up
// link to choose their own password: nobody else ever sees it), change a user's role and what it
// links them to, disable, enable or reset them. The worker, team and child a user is linked to
// must be in the council's records (the server checks, as `hearth user add` does); a link that
// holds no child today comes back as a warning. Also the set-up page the link opens.
import { h, fill } from '../dom'
import { heading, p, errorSummary, notification, summaryList, textInput, radios, backLink, warning, withQuery, type ErrorItem } from '../components'
import { get, post, put, ApiError } from '../api'
import { dateTime } from '../format'
import { councilFrom, ROLE_NAMES } from '../session'
import { setTitle, refreshComponents, type Ctx } from '../router'
import type { CouncilUser, Role, SetupLink } from '../types'

const ROLES: Role[] = ['worker', 'manager', 'iro', 'analyst', 'board', 'board_officer', 'participation', 'young_person', 'admin']
const roleText = (r: Role) => ROLE_NAMES[r].charAt(0).toUpperCase() + ROLE_NAMES[r].slice(1)
const ROLE_HINT: Partial<Record<Role, string>> = {
  worker: 'Needs their professional ID: it links them to the children whose cases they hold',
  iro: 'Needs their professional ID: it links them to the children whose plans they review',
  manager: 'Needs the team or teams they manage',
  young_person: 'Needs their CHILD identifier: they see only their own record',
  board_officer: 'Runs the Board: its meetings, actions and reporting calendar; sees figures, never a child'
}

// The form's fields, in order, and the server's parameter names they answer to.
const FIELD_ID: Record<string, string> = { username: 'username', display_name: 'display-name', role: 'role-radio', worker: 'worker', team: 'teams', teams: 'teams', child: 'child', sso_only: 'signs_in-radio' }

interface Values { username: string; display_name: string; role: string; worker: string; teams: string; child: string; signs_in: string }

/** Whether the council's single sign-on is set up here (then an account may use only it). */
async function ssoConfigured(): Promise<boolean> {
  const options = await get('/sign-in-options').catch(() => null)
  return !!options?.sso
}

const SIGN_IN_OPTIONS = [
  { value: 'password', text: 'A Hearth password', hint: 'They get a one-time link to choose it' },
  { value: 'sso', text: 'Their council account only (single sign-on)', hint: 'No Hearth password: for staff whose council account Hearth accepts' }
]

function linkPanel(title: string, link: SetupLink): HTMLElement {
  const url = `${location.origin}${link.path}`
  const input = h('input', { class: 'govuk-input', id: 'setup-link', type: 'text', readonly: true, value: url, spellcheck: 'false' })
  const copy = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Copy the link')
  copy.addEventListener('click', () => {
    input.select()
    void navigator.clipboard?.writeText(url).then(() => { copy.textContent = 'Copied' }, () => undefined)
  })
  return h('div', null,
    notification(title, `Give them this link privately. It works once, until ${dateTime(link.expires)}, and lets them choose their own password. It is not shown again.`, true),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'setup-link' }, 'Set-up link'),
      input),
    copy)
}

function warningsOf(list: string[]): HTMLElement[] {
  return list.map((w) => warning(`${w.charAt(0).toUpperCase()}${w.slice(1)}.`))
}

/** The error summary's items and the field errors from a refusal (its details name the field). */
function refusal(err: unknown): { items: ErrorItem[]; fields: Record<string, string> } {
  if (!(err instanceof ApiError)) throw err
  const param = String(err.details.parameter ?? '')
  const field = FIELD_ID[param]
  const text = err.message.charAt(0).toUpperCase() + err.message.slice(1)
  return { items: [{ text, href: field ? `#${field}` : undefined }], fields: field ? { [param === 'team' ? 'teams' : param]: text } : {} }
}

function linkFields(v: Values, fields: Record<string, string>): HTMLElement[] {
  return [
    textInput('worker', 'worker', 'Professional ID (optional unless the role needs one)', v.worker, { hint: 'As the council’s records give it, for a social worker, reviewing officer or manager', cls: 'govuk-!-width-one-third', error: fields.worker, spellcheck: false }),
    textInput('teams', 'teams', 'Teams they manage (for a team manager)', v.teams, { hint: 'As the records name them; separate two or more with commas', error: fields.teams }),
    textInput('child', 'child', 'CHILD identifier (for a young person)', v.child, { cls: 'govuk-!-width-one-third', error: fields.child, spellcheck: false })
  ]
}

function read(form: HTMLFormElement): Values {
  const d = new FormData(form)
  const s = (k: string) => String(d.get(k) ?? '').trim()
  return { username: s('username'), display_name: s('display_name'), role: s('role'), worker: s('worker'), teams: s('teams'), child: s('child'), signs_in: s('signs_in') || 'password' }
}

const teamsOf = (v: Values) => v.teams.split(',').map((t) => t.trim()).filter(Boolean)

export async function newUserPage(ctx: Ctx): Promise<void> {
  const sso = await ssoConfigured()
  if (!ctx.live()) return
  drawNew(ctx, { username: '', display_name: '', role: '', worker: '', teams: '', child: '', signs_in: 'password' }, [], {}, sso)
}

function drawNew(ctx: Ctx, v: Values, items: ErrorItem[], fields: Record<string, string>, sso: boolean): void {
  const la = councilFrom(ctx.query)
  setTitle(items.length ? 'Error: Add a user' : 'Add a user')
  const form = h('form', { method: 'post', action: '/api/v1/users', novalidate: true },
    textInput('username', 'username', 'Username', v.username, { hint: 'What they type to sign in: no spaces', cls: 'govuk-!-width-one-half', error: fields.username, autocomplete: 'off', spellcheck: false }),
    textInput('display-name', 'display_name', 'Full name', v.display_name, { cls: 'govuk-!-width-two-thirds', autocomplete: 'off' }),
    radios('role', 'Role', ROLES.map((r) => ({ value: r, text: roleText(r), hint: ROLE_HINT[r] })), v.role, { error: fields.role }),
    ...linkFields(v, fields),
    sso ? radios('signs_in', 'How they sign in', SIGN_IN_OPTIONS, v.signs_in, { error: fields.sso_only }) : null,
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Add the user'))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const values = read(form)
    if (!values.role) return drawNew(ctx, values, [{ text: 'Choose the user’s role', href: '#role-radio' }], { role: 'Choose the user’s role' }, sso)
    try {
      const added = await post('/users', { la }, { username: values.username, display_name: values.display_name, role: values.role, worker: values.worker, teams: teamsOf(values), child: values.child, sso_only: values.signs_in === 'sso' })
      if (!ctx.live()) return
      setTitle('User added')
      fill(ctx.main,
        backLink(withQuery('/users', { la: ctx.query.get('la') }), 'Back to users'),
        heading(added.setup_link ? `${added.user.display_name} can now be given their link` : `${added.user.display_name} can now sign in with their council account`, `Council ${la}`),
        ...warningsOf(added.warnings),
        added.setup_link
          ? linkPanel(`${added.user.username} was added as ${ROLE_NAMES[added.user.role]}`, added.setup_link)
          : notification(`${added.user.username} was added as ${ROLE_NAMES[added.user.role]}`, 'They have no Hearth password: they sign in with “Sign in with your council account”.', true))
      refreshComponents(ctx.main)
      ;(ctx.main.querySelector('.govuk-notification-banner') as HTMLElement | null)?.focus()
    } catch (err) {
      const r = refusal(err)
      drawNew(ctx, values, r.items, r.fields, sso)
    }
  })
  fill(ctx.main,
    backLink(withQuery('/users', { la: ctx.query.get('la') }), 'Back to users'),
    h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      items.length ? errorSummary(items) : null,
      heading('Add a user', `Council ${la}`),
      p(sso ? 'Staff may sign in with their council account; otherwise they get a one-time link to choose their own password. A social worker' : 'They get a one-time link to choose their own password. A social worker, reviewing officer, manager or young person is linked to the council’s records: Hearth checks the link exists.'),
      form)))
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
}

// Whether single sign-on is set up, as the user's page last asked (its redraws keep it).
let ssoHere = false

export async function userPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const name = ctx.params.username
  // the list holds every field an administrator sees; a council has hundreds of users at most
  const [list, sso] = await Promise.all([get('/users', { la, per_page: 500 }), ssoConfigured()])
  if (!ctx.live()) return
  ssoHere = sso
  const u = list.items.find((x) => x.username === name)
  if (!u) throw new ApiError(404, { code: 'not_found', message: `There is no user ${name}` })
  drawUser(ctx, la, u, [], {}, null)
}

function drawUser(ctx: Ctx, la: string, u: CouncilUser, items: ErrorItem[], fields: Record<string, string>, after: { title: string; link?: SetupLink; warnings: string[] } | null): void {
  setTitle(items.length ? `Error: ${u.display_name || u.username}` : u.display_name || u.username)
  const v: Values = { username: u.username, display_name: u.display_name, role: u.role, worker: u.worker, teams: u.teams.join(', '), child: u.child, signs_in: u.sso_only ? 'sso' : 'password' }
  const back = withQuery('/users', { la: ctx.query.get('la') })
  const act = async (what: 'disable' | 'enable' | 'reset') => {
    try {
      const res = await post(`/users/{username}/${what}`, { username: u.username, la })
      if (!ctx.live()) return
      const titles = { disable: `${u.username} is disabled: they cannot sign in`, enable: `${u.username} is enabled`, reset: `${u.username} was reset: their password no longer works` }
      drawUser(ctx, la, res.user, [], {}, { title: titles[what], link: res.setup_link, warnings: res.warnings })
    } catch (err) {
      const r = refusal(err)
      drawUser(ctx, la, u, r.items, r.fields, null)
    }
  }
  const form = h('form', { method: 'post', novalidate: true },
    radios('role', 'Role', ROLES.map((r) => ({ value: r, text: roleText(r), hint: ROLE_HINT[r] })), v.role, { error: fields.role }),
    ...linkFields(v, fields),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Save the role and links'))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const values = read(form)
    try {
      const res = await put('/users/{username}', { username: u.username, la }, { role: values.role, worker: values.worker, teams: teamsOf(values), child: values.child })
      if (!ctx.live()) return
      drawUser(ctx, la, res.user, [], {}, { title: `${u.username}’s role and links are saved; they sign in again to use them`, warnings: res.warnings })
    } catch (err) {
      const r = refusal(err)
      drawUser(ctx, la, { ...u, role: values.role as Role, worker: values.worker, teams: teamsOf(values), child: values.child }, r.items, r.fields, null)
    }
  })
  // Only their council account, or a Hearth password again (through a set-up link)
  const setSsoOnly = async (ssoOnly: boolean) => {
    try {
      const res = await put('/users/{username}', { username: u.username, la }, { role: u.role, worker: u.worker, teams: u.teams, child: u.child, sso_only: ssoOnly })
      if (!ctx.live()) return
      const title = ssoOnly ? `${u.username} now signs in only with their council account: their password no longer works` : `${u.username} may now have a Hearth password`
      drawUser(ctx, la, res.user, [], {}, { title, link: res.setup_link, warnings: res.warnings })
    } catch (err) {
      const r = refusal(err)
      drawUser(ctx, la, u, r.items, r.fields, null)
    }
  }
  const ssoButton = () => {
    const b = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' },
      u.sso_only ? 'Let them use a Hearth password' : 'Make them sign in with their council account only')
    b.addEventListener('click', () => void setSsoOnly(!u.sso_only))
    return b
  }
  const button = (text: string, what: 'disable' | 'enable' | 'reset', cls = 'govuk-button--secondary') => {
    const b = h('button', { type: 'button', class: `govuk-button ${cls}`, 'data-module': 'govuk-button' }, text)
    b.addEventListener('click', () => void act(what))
    return b
  }
  const status = u.disabled ? 'Disabled' : u.locked ? 'Locked after wrong passwords' : u.awaiting_setup ? 'Waiting for them to use their set-up link' : 'Active'
  fill(ctx.main,
    backLink(back, 'Back to users'),
    h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      items.length ? errorSummary(items) : null,
      after ? (after.link ? linkPanel(after.title, after.link) : notification(after.title, null, true)) : null,
      ...(after ? warningsOf(after.warnings) : []),
      heading(u.display_name || u.username, `Council ${la}`),
      summaryList([
        ['Username', u.username],
        ['Role', roleText(u.role)],
        ['Status', status],
        ['Signs in with', u.sso_only ? 'Their council account only (single sign-on)' : ssoHere && u.role !== 'young_person' ? 'A Hearth password, or their council account' : 'A Hearth password'],
        ['Last signed in', u.last_login_at ? dateTime(u.last_login_at) : 'Never']
      ]),
      h('h2', { class: 'govuk-heading-m' }, 'Role and links'),
      form,
      h('h2', { class: 'govuk-heading-m' }, 'Access'),
      u.sso_only
        ? p('They have no Hearth password to reset: they sign in with their council account.')
        : p('Resetting stops their password working, ends their sessions and locks, and makes a new one-time set-up link.'),
      h('div', { class: 'govuk-button-group' },
        u.disabled ? button('Enable', 'enable') : button('Disable', 'disable', 'govuk-button--warning'),
        u.sso_only ? null : button('Reset and make a set-up link', 'reset'),
        (ssoHere || u.sso_only) && u.role !== 'young_person' ? ssoButton() : null))))
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary, .govuk-notification-banner') as HTMLElement | null)?.focus()
}

/** The page a set-up link opens (no session): the token is after '#', so no server logs it. */
export function setupPage(ctx: Ctx): void {
  drawSetup(ctx, location.hash.slice(1), [], '')
}

function drawSetup(ctx: Ctx, token: string, items: ErrorItem[], fieldError: string): void {
  setTitle(items.length ? 'Error: Choose your password' : 'Choose your password')
  if (!token) {
    fill(ctx.main, heading('Choose your password'), p('This page needs the set-up link your administrator gave you. Open the whole link, or ask them for a new one.'))
    return
  }
  const form = h('form', { method: 'post', action: '/api/v1/setup', novalidate: true },
    textInput('password', 'password', 'New password', '', { type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters. A few words you will remember make a good one.', cls: 'govuk-!-width-one-half', error: fieldError, spellcheck: false }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Set my password'))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const password = String(new FormData(form).get('password') ?? '')
    try {
      const done = await post('/setup', {}, { token, password }, { allow401: true })
      if (!ctx.live()) return
      history.replaceState(null, '', '/setup')  // the used token leaves the address bar
      setTitle('Your password is set')
      fill(ctx.main,
        notification('Your password is set', `Sign in as ${done.username} with your new password.`, true),
        h('a', { class: 'govuk-button', href: '/login', 'data-module': 'govuk-button', role: 'button', draggable: 'false' }, 'Sign in'))
      refreshComponents(ctx.main)
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      const onPassword = err.details.parameter === 'password'
      const text = err.message.charAt(0).toUpperCase() + err.message.slice(1)
      drawSetup(ctx, onPassword ? token : '', [{ text, href: onPassword ? '#password' : undefined }], onPassword ? text : '')
      if (!onPassword) fill(ctx.main, errorSummary([{ text }]), heading('Choose your password'), p(text))
    }
  })
  fill(ctx.main,
    h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      items.length ? errorSummary(items) : null,
      heading('Choose your password'),
      p('Your administrator added you to Hearth. Choose the password you will sign in with.'),
      form)))
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
}
