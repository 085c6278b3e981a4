// The council's users, for administrators (GET /api/v1/users): who can sign in, in what role,
// what they are linked to, and whether the account is disabled or locked.
import { h, fill } from '../dom'
import { heading, p, link, table, tag, select, pagination, withQuery } from '../components'
import { get } from '../api'
import { dateTime, plural } from '../format'
import { councilFrom, session, ROLE_NAMES } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { CouncilUser, Role } from '../types'

function roleName(role: Role): string {
  const name = ROLE_NAMES[role]
  return name.charAt(0).toUpperCase() + name.slice(1)
}

function linkedTo(u: CouncilUser): string {
  const parts: string[] = []
  if (u.worker) parts.push(`Professional ID ${u.worker}`)
  if (u.teams.length) parts.push(`${u.teams.length === 1 ? 'Team' : 'Teams'}: ${u.teams.join(', ')}`)
  return parts.join('; ') || 'None'
}

function statusOf(u: CouncilUser): HTMLElement {
  if (u.disabled) return tag('Disabled', 'govuk-tag--grey')
  if (u.locked) return tag('Locked', 'govuk-tag--red')
  if (u.awaiting_setup) return tag('Set-up link sent', 'govuk-tag--yellow')
  if (u.sso_only) return tag('Council account', 'govuk-tag--blue')
  return tag('Active', 'govuk-tag--green')
}

export async function usersPage(ctx: Ctx): Promise<void> {
  const q = ctx.query
  const la = councilFrom(q)
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1)
  const perPage = 50
  const list = await get('/users', { la, page, per_page: perPage })
  if (!ctx.live()) return
  setTitle(page > 1 ? `Users (page ${page})` : 'Users')

  const councils = session()?.user.councils ?? []
  let form: HTMLFormElement | null = null
  if (councils.length > 1) {
    const f = h('form', { method: 'get', action: '/users', class: 'app-filter', 'aria-label': 'Choose a council' },
      h('div', { class: 'app-filter__row' },
        select('users-la', 'la', 'Council', councils.map((c) => ({ value: c, text: c })), la),
        h('div', { class: 'govuk-form-group' },
          h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Show users'))))
    f.addEventListener('submit', (e) => {
      e.preventDefault()
      navigate(withQuery('/users', { la: String(new FormData(f).get('la') ?? '') }))
    })
    form = f
  }

  const from = (list.page - 1) * list.per_page + 1
  const to = Math.min(list.total, from + list.items.length - 1)
  fill(ctx.main,
    heading('Users', `Council ${la}`),
    p('Everyone who can sign in to Hearth for this council, their role and what it links them to. Choose a user to change their role, disable, enable or reset them.'),
    h('a', { class: 'govuk-button', href: withQuery('/users/new', { la: q.get('la') }), 'data-module': 'govuk-button', role: 'button', draggable: 'false' }, 'Add a user'),
    form,
    list.items.length
      ? [
          p(`Showing ${from} to ${to} of ${plural(list.total, 'user')}.`),
          table(`Users of council ${la}`, [
            { head: 'Name', cell: (u: CouncilUser) => link(withQuery(`/users/${encodeURIComponent(u.username)}`, { la: q.get('la') }), u.display_name || u.username), rowHeader: true },
            { head: 'Username', cell: (u) => u.username },
            { head: 'Role', cell: (u) => roleName(u.role) },
            { head: 'Linked to', cell: (u) => linkedTo(u) },
            { head: 'Status', cell: (u) => statusOf(u) },
            { head: 'Last signed in', cell: (u) => (u.last_login_at ? dateTime(u.last_login_at) : 'Never') }
          ], list.items, { small: true })
        ]
      : p('This council has no users yet.'),
    pagination(list.page, list.per_page, list.total, (n) => withQuery('/users', { la: q.get('la') ?? '', page: n > 1 ? n : '' })) ?? '')
}
