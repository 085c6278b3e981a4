// The worklist page's parts for managers, analysts and IROs (issue 15 item 5): the workers'
// counts as a sortable table, a page of a long section, and an IRO's review items.
import { link, pagination, withQuery } from '../components'
import { num } from '../format'
import { sortableTable, type SortColumn } from '../sortableTable'
import type { WorkerCounts } from '../types'

// ---- an IRO's reviews ------------------------------------------------------------------------------
/** The timescales registry's review items (src/timescales/items/reviews.cpp): the looked-after
 * reviews an IRO chairs (Care Planning Regulations 2010 reg 33). */
export const REVIEW_ITEMS = new Set(['first_review', 'second_review', 'later_review'])

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
// A team's list runs to hundreds of items and the service's to thousands in a real council: the
// server sends a page of each section (?page=&per_page=), with each section's whole count in
// `summary`. Fifty rows keep a phone's page light (issue 15 item 10).
export const PER_PAGE = 50

/** The page asked for in the query (?page=2); the server answers an empty page past the end. */
export function pageOf(query: URLSearchParams): number {
  const asked = Math.floor(Number(query.get('page')))
  return Number.isFinite(asked) && asked > 1 ? asked : 1
}

/** The GOV.UK pagination under a section: its pages show that section alone (?status=), keeping
 * the other filters. */
export function sectionPagination(path: string, query: URLSearchParams, section: string, title: string, page: number, total: number): HTMLElement | null {
  const keep = Object.fromEntries(query.entries())
  return pagination(page, PER_PAGE, total,
    (n) => withQuery(path, { ...keep, status: section, page: n > 1 ? n : '' }),
    `${title}: pages`)
}
