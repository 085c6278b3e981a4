// Worklists: statutory items overdue, due soon and done late — the worker's own ("mine"), a
// manager's team, or the whole service for analysts. Filters are a GET form that updates the
// query string; the same query downloads as CSV. Managers and analysts see each worker's counts
// as a sortable table; every list comes a page at a time from the server; an IRO's list opens on their
// reviews (pages/worklistParts.ts).
import { h, fill } from '../dom'
import { heading, p, link, statusTag, table, select, withQuery, radios, recordsNote, lazyDetails, type Column, type Option } from '../components'
import { get, apiUrl } from '../api'
import { date, plural, num, compareText } from '../format'
import { councilFrom, can, session } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { WorkItem, Evidence } from '../types'
import { REVIEW_ITEMS, pageOf, sectionPagination, workersTable, PER_PAGE } from './worklistParts'

type Status = 'overdue' | 'due_soon' | 'done_late'
const STATUSES: { key: Status; title: string }[] = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'due_soon', title: 'Due soon' },
  { key: 'done_late', title: 'Done late' }
]

function evidenceText(e: Evidence | null): string {
  if (!e) return 'None recorded'
  const kind = e.kind ? String(e.kind).replace(/_/g, ' ') : 'record'
  return `${kind[0].toUpperCase()}${kind.slice(1)}${e.date ? ' on ' + date(String(e.date)) : ''}${e.id ? ` (${e.id})` : ''}`
}

function childLink(w: WorkItem): HTMLElement {
  return link(withQuery(`/children/${encodeURIComponent(w.child_id)}`, { la: w.la }), w.child_name ? `${w.child_name} (${w.child_id})` : h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Child '), w.child_id))
}

/** An item: what it is; on a worker's own list also what to do while it is open and, behind
 * "Why", what started the clock, the rule as applied, the law it comes from and why it is late
 * (the team and service lists stay one line a row: they run to hundreds). */
export function itemCell(w: Pick<WorkItem, 'title' | 'term' | 'next_step' | 'anchor' | 'rule' | 'reason' | 'legal_basis'>, full: boolean): (string | HTMLElement)[] {
  const title = [w.title, w.term ? ` (${w.term} term)` : '']
  if (!full) return title
  const hint = (text: string) => h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, text)
  return [
    ...title,
    w.next_step ? hint(w.next_step) : '',
    // built when opened: a worker's list can run to a hundred items
    lazyDetails('Why', () => [
      p(`Counted from: ${w.anchor.event}, ${date(w.anchor.date)}. Due ${w.rule}.`),
      w.reason ? p(`Why: ${w.reason}.`) : null,
      p(`Where it comes from: ${w.legal_basis}.`)])
  ]
}

export async function worklistPage(ctx: Ctx): Promise<void> {
  const team = ctx.path === '/worklist/team'
  const q = ctx.query
  let scope = 'mine'
  if (team) {
    const asked = q.get('scope')
    if (asked === 'all' && can('all_worklist')) scope = 'all'
    else if (asked === 'team' && can('team_worklist')) scope = 'team'
    else scope = can('team_worklist') ? 'team' : 'all'
  }
  const la = councilFrom(q)
  const filters = {
    la: q.get('la') ?? '',
    item: q.get('item') ?? '',
    worker: q.get('worker') ?? '',
    team: q.get('team') ?? '',
    status: q.get('status') ?? ''
  }
  // An IRO's own list opens on their reviews: for them no item means the review items and "all"
  // every item of the children they review.
  const iro = scope === 'mine' && session()?.user.role === 'iro'
  const reviewsOnly = iro && !filters.item
  const apiItem = filters.item === 'all' ? '' : filters.item
  // Every list a page at a time (the server pages it; a phone meets 50 rows a section, not a
  // caseload's every item): with no status chosen each section's first page; a section's further
  // pages show that section alone. The CSV is the whole list.
  const page = filters.status ? pageOf(q) : 1
  const params = { scope, la, item: reviewsOnly ? [...REVIEW_ITEMS].join(',') : apiItem, worker: filters.worker, team: filters.team, status: filters.status }
  const wl = await get('/worklist', { ...params, page, per_page: PER_PAGE })
  if (!ctx.live()) return

  const title = reviewsOnly ? 'My reviews' : scope === 'mine' ? 'My worklist' : scope === 'team' ? 'Team worklist' : 'All worklists'
  setTitle(title)
  const summary = wl.summary

  // the filter's choices: everything on the asker's whole list (the server's `options`), so a
  // chosen worker or team never hides the others
  const items = new Map<string, string>(wl.options.items.map((i) => [i.key, i.title]))
  const workers = new Map<string, string>(wl.options.workers.map((w) => [w.worker, w.name || w.worker]))
  const teams = new Set<string>(wl.options.teams)
  if (apiItem && !items.has(apiItem)) items.set(apiItem, apiItem)
  if (filters.worker && !workers.has(filters.worker)) workers.set(filters.worker, filters.worker)
  if (filters.team) teams.add(filters.team)
  const opt = (m: Map<string, string>, anyText: string): Option[] =>
    [{ value: '', text: anyText }, ...[...m.entries()].sort((a, b) => compareText(a[1], b[1])).map(([value, text]) => ({ value, text }))]

  const form = h('form', { method: 'get', action: ctx.path, class: 'app-filter', 'aria-label': 'Filter the worklist' },
    h('h2', { class: 'govuk-heading-s' }, 'Filter'),
    team && can('team_worklist') && can('all_worklist')
      ? radios('scope', 'Whose items', [{ value: 'team', text: 'My teams' }, { value: 'all', text: 'All teams' }], scope, { inline: true, small: true })
      : null,
    h('div', { class: 'app-filter__row' },
      iro
        ? select('filter-item', 'item', 'Show', [{ value: '', text: 'Reviews' }, { value: 'all', text: 'Every item for my children' }, ...opt(items, '').slice(1)], filters.item)
        : select('filter-item', 'item', 'Item type', opt(items, 'All item types'), filters.item),
      scope !== 'mine' ? select('filter-worker', 'worker', 'Worker', opt(workers, 'All workers'), filters.worker) : null,
      scope === 'all' ? select('filter-team', 'team', 'Team', [{ value: '', text: 'All teams' }, ...[...teams].sort().map((t) => ({ value: t, text: t }))], filters.team) : null,
      select('filter-status', 'status', 'Status', [
        { value: '', text: 'All statuses' }, { value: 'overdue', text: 'Overdue' },
        { value: 'due_soon', text: 'Due soon' }, { value: 'done_late', text: 'Done late' }
      ], filters.status),
      h('div', { class: 'govuk-form-group' },
        h('div', { class: 'govuk-button-group' },
          h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Apply filters'),
          link(withQuery(ctx.path, { la: filters.la, scope: team ? scope : '' }), 'Clear filters')))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const data = new FormData(form)
    const next: Record<string, string> = { la: filters.la }
    for (const [k, v] of data.entries()) next[k] = String(v)
    navigate(withQuery(ctx.path, next))
  })

  const csv = apiUrl('/worklist', { ...params, format: 'csv' })
  const shown = STATUSES.filter((s) => !filters.status || filters.status === s.key)

  const columns = (status: Status): Column<WorkItem>[] => [
    { head: 'Child', cell: childLink, rowHeader: true },
    { head: 'Item', cell: (w) => itemCell(w, scope === 'mine') },
    { head: 'Due', cell: (w) => h('span', { class: 'app-nowrap' }, date(w.due)) },
    ...(status === 'overdue' ? [{ head: 'Days overdue', cell: (w: WorkItem) => (w.days_overdue !== undefined ? num(w.days_overdue, 0) : ''), numeric: true }] : []),
    ...(status === 'done_late' ? [{ head: 'Done', cell: (w: WorkItem) => evidenceText(w.evidence) }] : []),
    { head: 'Status', cell: (w) => statusTag(w.status) },
    ...(scope !== 'mine' ? [{ head: 'Worker', cell: (w: WorkItem) => [w.worker_name || w.worker || 'Not allocated', w.team ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, w.team) : ''] }] : [])
  ]

  const panel = (s: { key: Status; title: string }) => {
    const rows = wl[s.key]
    const total = summary[s.key]
    const note = s.key === 'due_soon' && wl.due_soon_until ? ` (due by ${date(wl.due_soon_until)})`
      : s.key === 'done_late' && wl.done_late_since ? ` (since ${date(wl.done_late_since)})` : ''
    if (!total) return p(`Nothing ${s.title.toLowerCase()}${note}.`)
    const caption = `${plural(total, 'item')} ${s.title.toLowerCase()}${note}`
    if (total <= PER_PAGE) return table(caption, columns(s.key), rows, { small: true, captionClass: 'govuk-table__caption--s' })
    const from = (page - 1) * PER_PAGE
    const to = Math.min(total, from + rows.length)
    return [
      table(`${caption}: ${num(from + 1, 0)} to ${num(to, 0)}`, columns(s.key), rows, { small: true, captionClass: 'govuk-table__caption--s' }),
      sectionPagination(ctx.path, q, s.key, s.title, page, total)
    ]
  }

  const tabs = shown.length > 1
    ? h('div', { class: 'govuk-tabs', 'data-module': 'govuk-tabs' },
      h('h2', { class: 'govuk-tabs__title' }, 'Items'),
      h('ul', { class: 'govuk-tabs__list' },
        shown.map((s, i) => h('li', { class: `govuk-tabs__list-item${i === 0 ? ' govuk-tabs__list-item--selected' : ''}` },
          h('a', { class: 'govuk-tabs__tab', href: `#${s.key.replace('_', '-')}` }, `${s.title} (${summary[s.key]})`)))),
      shown.map((s, i) => h('div', { class: `govuk-tabs__panel${i === 0 ? '' : ' govuk-tabs__panel--hidden'}`, id: s.key.replace('_', '-') },
        h('h2', { class: 'govuk-heading-m' }, s.title), panel(s))))
    : h('section', null, panel(shown[0]))

  // each worker's counts, linked to their list (not when the list is one worker's already)
  const byWorker = scope !== 'mine' && !filters.worker && wl.workers.length
    ? workersTable(wl.workers,
      (worker) => withQuery(ctx.path, { la: filters.la, scope: q.get('scope'), item: filters.item, team: filters.team, worker }),
      scope === 'all' || new Set(wl.workers.map((w) => w.team)).size > 1)
    : null

  const user = session()?.user
  fill(ctx.main, 
    heading(title, scope === 'mine' ? user?.display_name : scope === 'team' ? user?.teams.join(', ') || undefined : undefined),
    recordsNote(wl.records_note, 'These items'),
    reviewsOnly
      ? p(`The looked-after reviews of the children you review, as at ${date(wl.as_of)}: what is overdue, what falls due soon and what was done late. To see every statutory item for these children, choose “Every item for my children”.`)
      : p(`Statutory items as at ${date(wl.as_of)}: what is overdue, what falls due soon and what was done late.`),
    h('ul', { class: 'app-summary-cards', 'aria-label': 'Summary' },
      h('li', { class: 'app-summary-card app-summary-card--overdue' }, h('span', { class: 'app-summary-card__count' }, num(summary.overdue, 0)), 'overdue'),
      h('li', { class: 'app-summary-card app-summary-card--due-soon' }, h('span', { class: 'app-summary-card__count' }, num(summary.due_soon, 0)), 'due soon'),
      h('li', { class: 'app-summary-card app-summary-card--done-late' }, h('span', { class: 'app-summary-card__count' }, num(summary.done_late, 0)), 'done late'),
      h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, num(summary.children, 0)), summary.children === 1 ? 'child' : 'children')),
    byWorker,
    form,
    p(h('a', { class: 'govuk-link', href: csv, download: 'worklist.csv', 'data-router': 'off' }, 'Download this worklist as CSV')),
    tabs)
}
