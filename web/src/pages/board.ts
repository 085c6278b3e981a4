// The Corporate Parenting Board: how each priority of the strategy is doing, worked out from its
// measures (the scorecard's own figures and targets, survey results, figures entered by hand),
// on a date the Board chooses; the actions open and overdue, the challenge cards still open and
// the last "You said, we did", reports the calendar says have not come, and the next meeting;
// the officers' commentary and the annual reports of the years that have ended to download;
// and the actions page, filtered by owner, priority and theme. Nothing here names a child
// (docs/governance.md).
import { h, fill } from '../dom'
import { heading, p, link, table, ragTag, summaryList, withQuery, recordsNote, textInput, errorSummary, type ErrorItem, type Option } from '../components'
import { get } from '../api'
import { boardGet } from '../boardApi'
import { compareText, date, num, plural } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { Board, BoardAction, Measure, MeasurePart } from '../types'
import type { Card } from '../boardTypes'
import { boardNav, may, selectField, hint, actionStatus, priorityTitle, themeOptions } from './boardParts'
import { realDay, today } from './listening'
import { annualReports, endedYears } from './boardPaper'

/** A measure's figure in its unit: "72.2%", "60", or why there is none. */
function figure(v: number | null, unit: string): string {
  if (v === null) return 'No figure'
  return unit === 'percent' ? `${num(v, 1)}%` : num(v, 1)
}

interface Row { measure: Measure; part: MeasurePart }

/** How many "You said, we did" the home page shows: the latest. */
const ANSWERS_SHOWN = 3

export async function boardPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const asked = ctx.query.get('as_of') ?? ''
  // The figures can be shown as they were, not as they will be: a date to come is refused here
  // with the form's own message (the server refuses it too).
  const errors: ErrorItem[] = !asked
    ? []
    : !realDay(asked)
        ? [{ text: 'The date must be a real date, for example 31 March 2026', href: '#as-of' }]
        : asked > today()
          ? [{ text: 'The date must be today or in the past', href: '#as-of' }]
          : []
  const [b, cards] = await Promise.all([get('/board', { la, as_of: errors.length ? '' : asked }), boardGet('/cards', { la })])
  if (!ctx.live()) return
  setTitle(errors.length ? `Error: ${b.name}` : b.name)
  const laParam = ctx.query.get('la')
  const rows = (m: Measure[]): Row[] => m.flatMap((measure) => measure.parts.map((part) => ({ measure, part })))
  const actionsHref = (status: string) => withQuery('/board/actions', { la: laParam, status })
  const open = cards.items.filter((c) => c.status !== 'answered')
  const ready = open.filter((c) => c.ready_to_answer).length
  const answered = cards.items.filter((c) => c.status === 'answered' && c.response)
    .sort((x, y) => compareText(y.answered_on ?? '', x.answered_on ?? ''))

  const asOfForm = h('form', { method: 'get', action: '/board', class: 'app-filter', 'aria-label': 'Choose the date', novalidate: true },
    h('div', { class: 'app-filter__row' },
      textInput('as-of', 'as_of', 'Show the figures as at', errors.length ? asked : b.as_of, { type: 'date', cls: 'govuk-input--width-10', error: errors[0]?.text }),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Show'))))
  asOfForm.addEventListener('submit', (e) => {
    e.preventDefault()
    navigate(withQuery('/board', { la: laParam, as_of: (asOfForm.querySelector('#as-of') as HTMLInputElement).value.trim() }))
  })

  fill(ctx.main,
    errors.length ? errorSummary(errors) : null,
    heading(b.name, `${b.strategy} · figures as at ${date(b.as_of)}; actions, cards and reports as they stand today`),
    boardNav('/board', laParam),
    asOfForm,
    recordsNote(b.records_note, 'The figures'),
    summaryList([
      ['Actions', [link(actionsHref('open'), plural(b.actions.open, 'open action')), b.actions.overdue ? [', ', link(actionsHref('overdue'), `${num(b.actions.overdue, 0)} overdue`)] : ', none overdue']],
      ['Challenge cards', [link(withQuery('/board/cards', { la: laParam }), open.length ? `${plural(open.length, 'card')} still open` : 'None open'), ready ? `, ${num(ready, 0)} ready to answer` : '']],
      ['Reports missing', link(withQuery('/board/calendar', { la: laParam }), b.reports_missing.length ? plural(b.reports_missing.length, 'report') : 'None: every report due has come')],
      ['Next meeting', b.next_meeting ? link(withQuery(`/board/meetings/${b.next_meeting.id}`, { la: laParam }), `${date(b.next_meeting.date)}, ${b.next_meeting.title}`) : 'None planned'],
      ['Commentary', link(withQuery('/board/commentary', { la: laParam }), 'What officers say about the figures')]
    ]),
    ...b.priorities.map((pr) => [
      h('h2', { class: 'govuk-heading-m app-section-break', id: `priority-${pr.id}` }, ragTag(pr.rag), ' ', pr.title),
      pr.summary ? p(pr.summary) : null,
      p(h('span', { class: 'govuk-hint' }, `${plural(pr.actions_open, 'open action')}${pr.actions_overdue ? `, ${num(pr.actions_overdue, 0)} overdue` : ''}. A priority's rating is the worst of its measures'.`)),
      table(`How we will know: ${pr.title}`, [
        { head: 'Measure', cell: (r: Row) => [r.measure.text, r.part.title && r.part.title !== r.measure.text ? hint(r.part.title) : ''], rowHeader: true },
        { head: 'Figure', cell: (r) => [figure(r.part.value, r.part.unit), r.part.note ? hint(r.part.note) : ''], numeric: true },
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
      : p('Every report due has been received.'),
    p(link(withQuery('/board/calendar', { la: laParam }), 'The reporting calendar')),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'You said, we did'),
    answered.length
      ? [p('The children in care council’s latest challenges to the Board, and what was done.'),
        answered.slice(0, ANSWERS_SHOWN).map((c) => youSaid(c, laParam))]
      : p('No challenge card has been answered yet.'),
    p(link(withQuery('/board/cards', { la: laParam }), 'All the challenge cards')),
    // the reports carry the scorecard's figures: for those who may read it
    can('scorecard') ? annualReports(laParam, endedYears()) : null)
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
}

function youSaid(c: Card, la: string | null): HTMLElement {
  return h('div', { class: 'govuk-summary-card', 'data-testid': 'you-said' },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, c.theme_title || 'Challenge card'),
      h('ul', { class: 'govuk-summary-card__actions' },
        h('li', { class: 'govuk-summary-card__action' },
          link(withQuery(`/board/cards/${c.id}`, { la }), ['See the card', h('span', { class: 'govuk-visually-hidden' }, ` answered on ${date(c.answered_on)}`)])))),
    h('div', { class: 'govuk-summary-card__content' },
      summaryList([
        ['You said', h('span', { class: 'app-message' }, c.challenge ?? '')],
        ['We did', h('span', { class: 'app-message' }, c.response ?? '')],
        ['Answered', date(c.answered_on)]
      ])))
}

// ---- the actions ---------------------------------------------------------------------------

const STATUS_WORDS: Record<string, string> = { '': 'All', open: 'Open', overdue: 'Overdue', done: 'Done', dropped: 'Dropped' }

/** Who owns the actions, once each: by username where they have one, else by name (the API's
 * owner filter takes either). */
function ownerOptions(actions: BoardAction[]): Option[] {
  const seen = new Map<string, string>()
  for (const a of actions) {
    // By the name people know the owner by: one account may own actions under several roles.
    const key = a.owner_name || a.owner
    if (key && !seen.has(key)) seen.set(key, key)
  }
  return [{ value: '', text: 'Anyone' }, ...[...seen].map(([value, text]) => ({ value, text })).sort((x, y) => compareText(x.text, y.text))]
}

export async function boardActionsPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  const asked = ctx.query.get('status') ?? ''
  const f = { status: asked in STATUS_WORDS ? asked : '', owner: ctx.query.get('owner') ?? '', priority: ctx.query.get('priority') ?? '', theme: ctx.query.get('theme') ?? '' }
  const filtered = Object.values(f).some(Boolean)
  // the owners to choose from are every action's, not only those the filter leaves
  const [list, all, g] = await Promise.all([get('/actions', { la, ...f }), filtered ? get('/actions', { la }) : null, boardGet('/governance', { la })])
  if (!ctx.live()) return
  setTitle('The Board’s actions')

  const form = h('form', { method: 'get', action: '/board/actions', class: 'app-filter', id: 'filter-actions', 'aria-label': 'Filter the actions' },
    h('div', { class: 'app-filter__row' },
      selectField('filter-status', 'status', 'Status', Object.entries(STATUS_WORDS).map(([value, text]) => ({ value, text })), f.status),
      selectField('filter-owner', 'owner', 'Owner', ownerOptions((all ?? list).items), f.owner),
      selectField('filter-priority', 'priority', 'Priority', [{ value: '', text: 'Any priority' }, ...g.priorities.map((pr) => ({ value: pr.id, text: pr.title }))], f.priority),
      selectField('filter-theme', 'theme', 'Theme', themeOptions(g, 'Any theme'), f.theme),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Apply filters'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const d = new FormData(form)
    const v = (k: string) => String(d.get(k) ?? '')
    navigate(withQuery('/board/actions', { la: laParam, status: v('status'), owner: v('owner'), priority: v('priority'), theme: v('theme') }))
  })

  const caption = `${filtered ? 'Actions that match' : 'All actions'}: ${plural(list.total, 'action')}`
  fill(ctx.main,
    heading('The Board’s actions', `As at ${date(list.as_of)}`),
    boardNav('/board/actions', laParam),
    may('manage_board')
      ? h('a', { class: 'govuk-button', href: withQuery('/board/actions/new', { la: laParam }), role: 'button', draggable: 'false', 'data-module': 'govuk-button' }, 'Add an action')
      : null,
    form,
    filtered ? p(link(withQuery('/board/actions', { la: laParam }), 'Clear the filters')) : null,
    list.items.length
      ? table(caption, [
          { head: 'Action', cell: (a: BoardAction) => [link(withQuery(`/board/actions/${a.id}`, { la: laParam }), a.title), a.priority ? hint(priorityTitle(g, a.priority)) : null], rowHeader: true },
          { head: 'Owner', cell: (a) => a.owner_name || a.owner },
          { head: 'Due', cell: (a) => h('span', { class: 'app-nowrap' }, date(a.due)) },
          { head: 'Status', cell: (a) => actionStatus(a) }
        ], list.items, { small: true })
      : p(filtered ? 'No actions match these filters.' : 'The Board has agreed no actions yet.'))
}
