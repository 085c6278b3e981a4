// The children the user may see, with search, filters and pagination.
import { h, fill } from '../dom'
import { heading, p, link, table, select, textInput, pagination, withQuery, tag } from '../components'
import { get } from '../api'
import { CHILD_STATUS, plural } from '../format'
import { councilFrom } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { ChildSummary, Coded } from '../types'

export function codedText(c: Coded | null): string {
  if (!c) return 'Not recorded'
  return c.label ? `${c.label} (${c.code})` : c.code
}

/** The words for a coded value, without the code. */
export function labelOf(c: Coded | null): string {
  if (!c) return 'Not recorded'
  return c.label || c.code
}

export async function childrenPage(ctx: Ctx): Promise<void> {
  const q = ctx.query
  const la = councilFrom(q)
  const f = {
    la: q.get('la') ?? '',
    q: q.get('q') ?? '',
    status: q.get('status') ?? 'looked_after',
    team: q.get('team') ?? '',
    worker: q.get('worker') ?? ''
  }
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1)
  const perPage = 25
  const list = await get('/children', { la, q: f.q, status: f.status, team: f.team, worker: f.worker, page, per_page: perPage })
  if (!ctx.live()) return
  setTitle(page > 1 ? `Children (page ${page})` : 'Children')

  const form = h('form', { method: 'get', action: '/children', class: 'app-filter', role: 'search', 'aria-label': 'Find children' },
    h('div', { class: 'app-filter__row' },
      textInput('search-q', 'q', 'Search', f.q, { hint: 'Child ID, worker or team', cls: 'govuk-input--width-20', spellcheck: false }),
      select('filter-status', 'status', 'Status', [
        { value: 'looked_after', text: 'Looked after' }, { value: 'care_leaver', text: 'Care leavers' }, { value: 'all', text: 'All' }
      ], f.status),
      textInput('filter-team', 'team', 'Team', f.team, { cls: 'govuk-input--width-10' }),
      textInput('filter-worker', 'worker', 'Worker ID', f.worker, { cls: 'govuk-input--width-10', spellcheck: false }),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Search'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const d = new FormData(form)
    navigate(withQuery('/children', { la: f.la, q: String(d.get('q') ?? '').trim(), status: String(d.get('status') ?? ''), team: String(d.get('team') ?? '').trim(), worker: String(d.get('worker') ?? '').trim() }))
  })

  const from = (list.page - 1) * list.per_page + 1
  const to = Math.min(list.total, from + list.items.length - 1)
  fill(ctx.main, 
    heading('Children'),
    form,
    list.items.length
      ? [
          p(`Showing ${from} to ${to} of ${plural(list.total, 'child', 'children')}.`),
          table(`Children${f.q ? ` matching “${f.q}”` : ''}`, [
            // the name the worker knows them by, with the 903 id as the reference
            { head: 'Child', cell: (c: ChildSummary) => [link(withQuery(`/children/${encodeURIComponent(c.id)}`, { la: c.la }), c.name ? childName(c.name, c.preferred_name) : h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Child '), c.id)), c.name ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, c.id) : null], rowHeader: true },
            { head: 'Age', cell: (c) => String(c.age), numeric: true },
            { head: 'Sex', cell: (c) => labelOf(c.sex) },
            { head: 'Status', cell: (c) => CHILD_STATUS[c.status] },
            { head: 'Legal status', cell: (c) => codedText(c.legal_status) },
            { head: 'Placement', cell: (c) => codedText(c.placement) },
            // a care leaver's worker is their personal adviser: say so beside the name
            { head: 'Worker or adviser', cell: (c) => (c.worker ? [c.worker.name, h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, c.status === 'care_leaver' ? `Personal adviser, ${c.worker.team}` : c.worker.team)] : 'Not allocated') },
            { head: 'Overdue', cell: (c) => (c.overdue ? tag(`${c.overdue} overdue`, 'govuk-tag--red') : tag('None overdue', 'govuk-tag--green')) }
          ], list.items, { small: true })
        ]
      : p('No children match. Try other words or filters.'),
    pagination(list.page, list.per_page, list.total, (n) => withQuery('/children', { ...f, page: n > 1 ? n : '' })) ?? '')
}

/** "Olivia Smith (Liv)": the name with the one they like to be called. */
export function childName(name: string, preferred?: string | null): string {
  return preferred && !name.startsWith(preferred) ? `${name} (${preferred})` : name
}
