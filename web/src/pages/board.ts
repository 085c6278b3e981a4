// The Corporate Parenting Board: how each priority of the strategy is doing, worked out from its
// measures (the scorecard's own figures and targets, survey results, figures entered by hand),
// the actions open and overdue, reports the calendar says have not come, and the next meeting;
// and the actions page. Nothing here names a child (docs/governance.md).
import { h, fill } from '../dom'
import { heading, p, link, table, ragTag, tag, summaryList, withQuery, recordsNote } from '../components'
import { get } from '../api'
import { date, num, plural } from '../format'
import { councilFrom } from '../session'
import { setTitle, type Ctx } from '../router'
import type { Board, BoardAction, Measure, MeasurePart } from '../types'

/** A measure's figure in its unit: "72.2%", "60", or why there is none. */
function figure(v: number | null, unit: string): string {
  if (v === null) return 'No figure'
  return unit === 'percent' ? `${num(v, 1)}%` : num(v, 1)
}

interface Row { measure: Measure; part: MeasurePart }

export async function boardPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const b = await get('/board', { la, as_of: ctx.query.get('as_of') ?? '' })
  if (!ctx.live()) return
  setTitle(b.name)
  const rows = (m: Measure[]): Row[] => m.flatMap((measure) => measure.parts.map((part) => ({ measure, part })))
  const actionsHref = (status: string) => withQuery('/board/actions', { la: ctx.query.get('la'), status })
  fill(ctx.main,
    heading(b.name, `${b.strategy} · as at ${date(b.as_of)}`),
    recordsNote(b.records_note, 'The figures'),
    summaryList([
      ['Actions', [link(actionsHref('open'), plural(b.actions.open, 'open action')), b.actions.overdue ? [', ', link(actionsHref('overdue'), `${num(b.actions.overdue, 0)} overdue`)] : ', none overdue']],
      ['Reports missing', b.reports_missing.length ? plural(b.reports_missing.length, 'report') : 'None: every report due has come'],
      ['Next meeting', b.next_meeting ? `${date(b.next_meeting.date)}, ${b.next_meeting.title}` : 'None planned']
    ]),
    ...b.priorities.map((pr) => [
      h('h2', { class: 'govuk-heading-m app-section-break', id: `priority-${pr.id}` }, ragTag(pr.rag), ' ', pr.title),
      pr.summary ? p(pr.summary) : null,
      p(h('span', { class: 'govuk-hint' }, `${plural(pr.actions_open, 'open action')}${pr.actions_overdue ? `, ${num(pr.actions_overdue, 0)} overdue` : ''}. A priority's rating is the worst of its measures'.`)),
      table(`How we will know: ${pr.title}`, [
        { head: 'Measure', cell: (r: Row) => [r.measure.text, r.part.title && r.part.title !== r.measure.text ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, r.part.title) : ''], rowHeader: true },
        { head: 'Figure', cell: (r) => [figure(r.part.value, r.part.unit), r.part.note ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, r.part.note) : ''], numeric: true },
        { head: 'Target', cell: (r) => (r.part.target === null ? '' : figure(r.part.target, r.part.unit)), numeric: true },
        { head: 'Rating', cell: (r) => ragTag(r.part.rag) }
      ], rows(pr.measures), { small: true })
    ]),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Reports due and not received'),
    b.reports_missing.length
      ? table('Reports the calendar says are due', [
          { head: 'Report', cell: (r: Board['reports_missing'][number]) => r.title, rowHeader: true },
          { head: 'Owner', cell: (r) => r.owner },
          { head: 'Due', cell: (r) => h('span', { class: 'app-nowrap' }, date(r.due)) }
        ], b.reports_missing, { small: true })
      : p('Every report due has been received.'))
}

const STATUS_WORDS: Record<string, string> = { '': 'All', open: 'Open', overdue: 'Overdue', done: 'Done', dropped: 'Dropped' }

function actionStatus(a: BoardAction): HTMLElement {
  if (a.overdue) return tag('Overdue', 'govuk-tag--red')
  if (a.status === 'done') return tag('Done', 'govuk-tag--green')
  if (a.status === 'dropped') return tag('Dropped', 'govuk-tag--grey')
  return tag('Open', 'govuk-tag--blue')
}

export async function boardActionsPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const status = ctx.query.get('status') ?? ''
  const list = await get('/actions', { la, status: status in STATUS_WORDS ? status : '' })
  if (!ctx.live()) return
  setTitle('The Board’s actions')
  fill(ctx.main,
    heading('The Board’s actions', `As at ${date(list.as_of)}`),
    h('nav', { 'aria-label': 'Show' },
      h('ul', { class: 'govuk-list app-inline-list' }, Object.entries(STATUS_WORDS).map(([k, words]) =>
        h('li', null, k === status ? h('strong', { 'aria-current': 'page' }, words) : link(withQuery('/board/actions', { la: ctx.query.get('la'), status: k }), words))))),
    list.items.length
      ? table(`${STATUS_WORDS[status] ?? 'All'} actions: ${plural(list.total, 'action')}`, [
          { head: 'Action', cell: (a: BoardAction) => [a.title, a.evidence ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, a.evidence) : ''], rowHeader: true },
          { head: 'Owner', cell: (a) => a.owner_name },
          { head: 'Due', cell: (a) => h('span', { class: 'app-nowrap' }, date(a.due)) },
          { head: 'Status', cell: (a) => actionStatus(a) }
        ], list.items, { small: true })
      : p('No actions here.'))
}
