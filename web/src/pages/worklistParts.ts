// The worklist page's parts for managers, analysts and IROs (issue 15 item 5): the workers'
// counts as a sortable table, the filter's choices taken from the list before any filter, a
// page of a long section, and an IRO's reviews.
import { link, pagination, withQuery } from '../components'
import { get } from '../api'
import { num } from '../format'
import { session } from '../session'
import { sortableTable, type SortColumn } from '../sortableTable'
import type { WorkItem, Worklist, WorkerCounts } from '../types'

// ---- the filter's choices ------------------------------------------------------------------------
// The worklist's reply holds only what its filters let through (its `workers` too), so choices
// built from a reply narrowed to one worker would offer that worker alone. The choices come from
// the same list unfiltered instead: the reply itself when nothing is filtered (kept here, so the
// next filtered page costs nothing), else one more request alongside the page's own. The server
// could send the choices with every reply (see the report on issue 15); until then this is cheap.
const KEEP_MS = 5 * 60 * 1000
const unfiltered = new Map<string, { at: number; reply: Promise<Worklist | null> }>()
const keyOf = (scope: string, la: string) => `${session()?.user.username ?? ''}|${scope}|${la}`

/** Keep an unfiltered reply for the choices of the pages that follow. */
export function rememberUnfiltered(scope: string, la: string, reply: Worklist): void {
  unfiltered.set(keyOf(scope, la), { at: Date.now(), reply: Promise.resolve(reply) })
}

/** The unfiltered list for the choices: kept, or asked for; null if that fails (the page then
 * offers what its own reply holds, as before, rather than failing). */
export function unfilteredFor(scope: string, la: string): Promise<Worklist | null> {
  const key = keyOf(scope, la)
  const kept = unfiltered.get(key)
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.reply
  const reply = get('/worklist', { scope, la }).catch(() => null)
  unfiltered.set(key, { at: Date.now(), reply })
  return reply
}

// ---- an IRO's reviews ------------------------------------------------------------------------------
/** The timescales registry's review items (src/timescales/items/reviews.cpp): the looked-after
 * reviews an IRO chairs (Care Planning Regulations 2010 reg 33). */
export const REVIEW_ITEMS = new Set(['first_review', 'second_review', 'later_review'])

type Sections = Pick<Worklist, 'overdue' | 'due_soon' | 'done_late' | 'summary'>

/** The list narrowed on the page to the items `keep` lets through (an IRO's reviews), its counts
 * worked out again from what is left. */
export function narrowed(wl: Worklist, keep: (w: WorkItem) => boolean): Sections {
  const overdue = wl.overdue.filter(keep)
  const due_soon = wl.due_soon.filter(keep)
  const done_late = wl.done_late.filter(keep)
  const children = new Set([...overdue, ...due_soon, ...done_late].map((w) => `${w.la}|${w.child_id}`))
  return { overdue, due_soon, done_late, summary: { overdue: overdue.length, due_soon: due_soon.length, done_late: done_late.length, children: children.size } }
}

// ---- workers at a glance ---------------------------------------------------------------------------
/** Overdue, due soon and done late per worker, most overdue first, sortable by every column; each
 * worker's name opens the list filtered to them. */
export function workersTable(workers: WorkerCounts[], hrefFor: (worker: string) => string, withTeam: boolean): HTMLElement {
  const name = (w: WorkerCounts) => w.name || w.worker || 'Not allocated'
  const columns: SortColumn<WorkerCounts>[] = [
    {
      head: 'Worker',
      rowHeader: true,
      sortBy: name,
      // items not allocated to anyone cannot be filtered to: no link
      cell: (w) => w.worker ? link(hrefFor(w.worker), name(w)) : name(w)
    },
    ...(withTeam ? [{ head: 'Team', cell: (w: WorkerCounts) => w.team, sortBy: (w: WorkerCounts) => w.team }] : []),
    { head: 'Overdue', cell: (w) => num(w.overdue, 0), numeric: true, sortBy: (w) => w.overdue },
    { head: 'Due soon', cell: (w) => num(w.due_soon, 0), numeric: true, sortBy: (w) => w.due_soon },
    { head: 'Done late', cell: (w) => num(w.done_late, 0), numeric: true, sortBy: (w) => w.done_late }
  ]
  return sortableTable(`Items by worker (${num(workers.length, 0)})`, columns, workers,
    { column: withTeam ? 2 : 1, direction: 'descending' }, { small: true, testid: 'workers' })
}

// ---- pages of a long section -------------------------------------------------------------------------
// The service-wide list runs to thousands of items in a real council: each section shows this
// many at a time. The API sends every item (it has no paging), so the page slices them; the
// server should page instead (see the report on issue 15).
export const PER_PAGE = 100

/** The section's page asked for in the query (?overdue_page=2), within the pages it has. */
export function pageOf(query: URLSearchParams, section: string, total: number): number {
  const asked = Math.floor(Number(query.get(`${section}_page`)))
  const last = Math.max(1, Math.ceil(total / PER_PAGE))
  return Number.isFinite(asked) && asked > 1 ? Math.min(asked, last) : 1
}

/** The GOV.UK pagination under a section: links keep the query (filters, other sections' pages)
 * and open the section's tab (#overdue). */
export function sectionPagination(path: string, query: URLSearchParams, section: string, anchor: string, title: string, page: number, total: number): HTMLElement | null {
  const keep = Object.fromEntries(query.entries())
  return pagination(page, PER_PAGE, total,
    (n) => `${withQuery(path, { ...keep, [`${section}_page`]: n > 1 ? n : '' })}#${anchor}`,
    `${title}: pages`)
}
