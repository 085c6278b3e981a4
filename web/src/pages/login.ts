// Sign in: POST /api/v1/session with JSON, then go to the page the user asked for or their home.
import { h, fill } from '../dom'
import { heading, errorSummary, notification, type ErrorItem } from '../components'
import { get, post, ApiError, readCookie } from '../api'
import { setSession, loadSession, homeFor, session } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import { rememberIdleLimit } from '../idle'

/** Only same-site paths are followed after signing in. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/api/')) return null
  return next
}

/** What the sign-in page says when single sign-on sent the browser back refused
 * (/auth/oidc/callback's ?sso_error=; the reason itself is in the audit log). */
const SSO_ERRORS: Record<string, string> = {
  cancelled: 'You cancelled signing in with your council account.',
  expired: 'Signing in with your council account took too long, or the link was used already. Try again.',
  refused: 'Hearth could not check your council account’s sign-in, so you are not signed in. Try again. If it happens again, tell your IT service desk.',
  no_account: 'There is no Hearth account for your council account. Ask a Hearth administrator to add you.',
  not_staff: 'Young people sign in with the username and password their worker gave them, not a council account.',
  linked_elsewhere: 'Your Hearth account is linked to a different council account. Ask a Hearth administrator to check it.',
  disabled: 'Your Hearth account is disabled. Ask a Hearth administrator if you need it.',
  no_role: 'Your council account is not in a group that may use Hearth. Ask a Hearth administrator or your IT service desk.',
  unavailable: 'Signing in with your council account is not working at the moment. Try again in a few minutes.'
}

interface SsoOption { label: string; start: string }

// the single sign-on button as last drawn, kept when the form is drawn again with its errors
let ssoShown: SsoOption | null = null

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60)
  return m <= 1 ? '1 minute' : `${m} minutes`
}

export async function loginPage(ctx: Ctx): Promise<void> {
  setTitle('Sign in')
  const next = safeNext(ctx.query.get('next'))
  // Already signed in: go on. The server is asked only when the browser holds a session's
  // CSRF cookie (set beside the HttpOnly session cookie at sign-in, removed at sign-out):
  // without it there is no session to find, and asking would only log a refusal (401) in the
  // console. The cookie is a hint about whether to ask, never a reason to let anyone in: the
  // server still checks the session on every request. After a sign-out or an ended session the
  // page does not ask either.
  const ssoError = ctx.query.get('sso_error')
  const ended = ctx.query.get('expired') || ctx.query.get('signed_out') || ctx.query.get('idle') || ssoError
  const hinted = !ended && !session() && !!readCookie('hearth_csrf')
  const existing = ended ? null : session() ?? (hinted ? await loadSession().catch(() => null) : null)
  if (!ctx.live()) return
  // the session behind the cookie has ended: drop the stale hint so the next visit need not ask
  if (hinted && !existing) document.cookie = 'hearth_csrf=; Path=/; Max-Age=0; SameSite=Strict'
  if (existing) {
    navigate(next ?? homeFor(existing), { replace: true })
    return
  }
  // whether the council's single sign-on is offered here (asked of the server: nobody is signed in)
  const options = await get('/sign-in-options').catch(() => null)
  if (!ctx.live()) return
  const errors: ErrorItem[] = ssoError
    ? [{ text: SSO_ERRORS[ssoError] ?? SSO_ERRORS.refused, href: options?.sso ? '#sso-start' : '#username' }]
    : []
  draw(ctx, { username: '', errors, fieldErrors: {}, sso: options?.sso ?? null }, next)
}

interface State {
  username: string
  errors: ErrorItem[]
  fieldErrors: { username?: string; password?: string }
  sso: SsoOption | null
}

function draw(ctx: Ctx, st: State, next: string | null): void {
  const idle = Number(ctx.query.get('idle') ?? '')
  const banner = idle > 0
    ? notification(`You were signed out after ${minutes(idle * 60)} without activity`, 'Sign in again to go back to the page you were on.')
    : ctx.query.get('expired')
    ? notification('Your session has ended', 'For your security, Hearth signs you out after a period of inactivity. Sign in again to continue.')
    : ctx.query.get('signed_out')
      ? notification('You have signed out', null, true)
      : null

  const userErr = st.fieldErrors.username
  const passErr = st.fieldErrors.password
  const form = h('form', { method: 'post', action: '/api/v1/session', novalidate: true },
    h('div', { class: `govuk-form-group${userErr ? ' govuk-form-group--error' : ''}` },
      h('label', { class: 'govuk-label govuk-label--s', for: 'username' }, 'Username'),
      userErr ? h('p', { class: 'govuk-error-message', id: 'username-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), userErr) : null,
      h('input', {
        class: `govuk-input govuk-!-width-one-half${userErr ? ' govuk-input--error' : ''}`, id: 'username', name: 'username', type: 'text',
        autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none', value: st.username, 'aria-describedby': userErr ? 'username-error' : undefined
      })),
    h('div', { class: `govuk-form-group govuk-password-input${passErr ? ' govuk-form-group--error' : ''}`, 'data-module': 'govuk-password-input' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'password' }, 'Password'),
      passErr ? h('p', { class: 'govuk-error-message', id: 'password-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), passErr) : null,
      h('div', { class: 'govuk-input__wrapper govuk-password-input__wrapper' },
        h('input', {
          class: `govuk-input govuk-password-input__input govuk-js-password-input-input govuk-!-width-one-half${passErr ? ' govuk-input--error' : ''}`,
          id: 'password', name: 'password', type: 'password', spellcheck: 'false', autocomplete: 'current-password', autocapitalize: 'none',
          'aria-describedby': passErr ? 'password-error' : undefined
        }),
        h('button', {
          type: 'button', class: 'govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle',
          'data-module': 'govuk-button', 'aria-controls': 'password', 'aria-label': 'Show password', hidden: true
        }, 'Show'))),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Sign in'))

  ssoShown = st.sso
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void submit(ctx, form, next)
  })

  // With single sign-on, staff use their council account; the password form stays for young
  // people and anyone the council gave a Hearth password.
  const sso = st.sso
  const start = sso ? `${sso.start}${next ? `?next=${encodeURIComponent(next)}` : ''}` : ''
  fill(ctx.main,
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' },
        st.errors.length ? errorSummary(st.errors) : null,
        banner,
        heading('Sign in to Hearth'),
        sso
          ? [
              h('p', { class: 'govuk-body' }, 'Council staff sign in with the account they use for their council email.'),
              h('a', { class: 'govuk-button', id: 'sso-start', href: start, role: 'button', draggable: 'false', 'data-module': 'govuk-button', 'data-router': 'off' }, sso.label),
              h('h2', { class: 'govuk-heading-m' }, 'Sign in with a Hearth password'),
              h('p', { class: 'govuk-body' }, 'If Hearth gave you a username and password, use them here.')
            ]
          : h('p', { class: 'govuk-body' }, 'Use the username and password your council gave you.'),
        form)))
}

async function submit(ctx: Ctx, form: HTMLFormElement, next: string | null): Promise<void> {
  const data = new FormData(form)
  const username = String(data.get('username') ?? '').trim()
  const password = String(data.get('password') ?? '')
  const st: State = { username, errors: [], fieldErrors: {}, sso: ssoShown }
  if (!username) {
    st.fieldErrors.username = 'Enter your username'
    st.errors.push({ text: 'Enter your username', href: '#username' })
  }
  if (!password) {
    st.fieldErrors.password = 'Enter your password'
    st.errors.push({ text: 'Enter your password', href: '#password' })
  }
  if (st.errors.length) return redraw(ctx, st, next)
  try {
    const s = await post('/session', {}, { username, password }, { allow401: true })
    rememberIdleLimit(s.idle_seconds)
    setSession(s)
    navigate(next ?? homeFor(s), { replace: true })
  } catch (e) {
    if (e instanceof ApiError && e.status === 429) {
      // locked (this account) or rate_limited (this address): say which, and how long to wait
      const wait = Number(e.details.retry_after ?? 0)
      const what = e.code === 'rate_limited'
        ? 'Too many failed attempts to sign in from this computer.'
        : 'Too many failed attempts to sign in. This account is locked.'
      const text = wait > 0 ? `${what} Try again in ${minutes(wait)}.` : `${what} Try again later.`
      st.errors.push({ text, href: '#username' })
    } else if (e instanceof ApiError && e.status === 403 && e.code !== 'csrf') {
      // a disabled account, or a demo account on a store that is not the demo's: the server says which
      st.errors.push({ text: e.message, href: '#username' })
    } else if (e instanceof ApiError && (e.status === 401 || e.status === 400 || e.status === 403)) {
      st.errors.push({ text: 'The username or password is not right. Check them and try again.', href: '#username' })
      st.fieldErrors.password = 'Enter a correct username and password'
    } else {
      st.errors.push({ text: e instanceof Error ? e.message : 'Sign in failed. Try again.' })
    }
    redraw(ctx, st, next)
  }
}

function redraw(ctx: Ctx, st: State, next: string | null): void {
  setTitle('Error: Sign in')
  draw(ctx, st, next)
  refreshComponents(ctx.main)
}
