// Listening to you: what children and young people told the council in a period, for the Board,
// the participation worker and those who run the service — their messages by topic, mood and
// month, whether they were answered in time, the surveys' results and how young people rate
// their workers against the professional standards. Never a child's words or name: the server
// sends counts only, and hides small ones (null: from 1 to suppress_below - 1), which are shown
// here as "fewer than 5", never as 0. A survey or a team with too few answers is not shown at all.
import { h, fill, uid, type Child } from '../dom'
import { heading, p, table, details, inset, summaryList, errorSummary, textInput, withQuery, type ErrorItem } from '../components'
import { get } from '../api'
import { date, num, plural, MOOD_WORDS, TOPIC_WORDS, AUDIENCE_WORDS, ANSWER_WORDS, voiceWords } from '../format'
import { barChart } from '../charts'
import { councilFrom } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { BreakdownRow, Listening, SurveyResult, TeamStandards, ThemeCount } from '../types'

const TITLE = 'Listening to you'

/** A count as words: a hidden one (null) as "fewer than 5". */
function count(n: number | null, below: number): string {
  return n === null ? `fewer than ${num(below, 0)}` : num(n, 0)
}

/** "2026-04" → "April 2026". */
function monthWords(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? date(`${month}-01`).replace(/^1 /, '') : month
}

// ---- the period ----------------------------------------------------------------------------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

export function realDay(text: string): boolean {
  const m = ISO_DAY.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

/** Today in this browser, YYYY-MM-DD (the server's default last day is today in England). */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** What is wrong with a period as the address or the form gives it (empty: the server's default). */
export function periodErrors(from: string, to: string): ErrorItem[] {
  const out: ErrorItem[] = []
  if (from && !realDay(from)) out.push({ text: 'Start date must be a real date', href: '#period-from' })
  if (to && !realDay(to)) out.push({ text: 'End date must be a real date', href: '#period-to' })
  if (out.length) return out
  if (from && from > (to || today())) {
    out.push({ text: to ? 'Start date must be the same as or before the end date' : 'Start date must be today or in the past', href: '#period-from' })
  }
  return out
}

interface View {
  la: string
  /** what the period's boxes hold */
  from: string
  to: string
  errors: ErrorItem[]
  /** null when the address's period was wrong: nothing was asked for */
  data: Listening | null
}

export async function listeningPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const from = ctx.query.get('from') ?? ''
  const to = ctx.query.get('to') ?? ''
  const errors = periodErrors(from, to)
  if (errors.length) {
    draw(ctx, { la, from, to, errors, data: null })
    return
  }
  const data = await get('/listening', { la, from, to })
  if (!ctx.live()) return
  draw(ctx, { la, from: from || data.from, to: to || data.to, errors: [], data })
}

function periodForm(ctx: Ctx, view: View): HTMLFormElement {
  const errorFor = (href: string) => view.errors.find((e) => e.href === href)?.text
  const form = h('form', { method: 'get', action: '/listening', class: 'app-filter', 'aria-label': 'Choose the period', novalidate: true },
    ctx.query.get('la') ? h('input', { type: 'hidden', name: 'la', value: ctx.query.get('la') }) : null,
    h('div', { class: 'app-filter__row' },
      textInput('period-from', 'from', 'Start date', view.from, { type: 'date', cls: 'govuk-input--width-10', error: errorFor('#period-from') }),
      textInput('period-to', 'to', 'End date', view.to, { type: 'date', cls: 'govuk-input--width-10', error: errorFor('#period-to') }),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Show'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const from = (form.querySelector('#period-from') as HTMLInputElement).value.trim()
    const to = (form.querySelector('#period-to') as HTMLInputElement).value.trim()
    const errors = periodErrors(from, to)
    if (errors.length) return draw(ctx, { ...view, from, to, errors })
    navigate(withQuery('/listening', { la: ctx.query.get('la'), from, to }))
  })
  return form
}

function draw(ctx: Ctx, view: View): void {
  setTitle(view.errors.length ? `Error: ${TITLE}` : TITLE)
  const d = view.data
  fill(ctx.main,
    view.errors.length ? errorSummary(view.errors) : null,
    heading(TITLE, `Council ${d?.la ?? view.la}`),
    d
      ? p(`What children and young people told the council from ${date(d.from)} to ${date(d.to)}. No child’s words or name are shown here, only numbers`,
        d.suppress_below > 1
          ? `; numbers from 1 to ${num(d.suppress_below - 1, 0)} are shown as “fewer than ${num(d.suppress_below, 0)}”, so that no child can be identified.`
          : '.')
      : p('What children and young people told the council in a period. Choose the period.'),
    periodForm(ctx, view),
    d ? [statementsSection(d), surveysSection(d), standardsSection(d)] : null)
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
}

// ---- what they told us ---------------------------------------------------------------------

function section(id: string, title: string, ...content: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id, class: 'app-section-break', 'data-testid': id },
    h('h2', { class: 'govuk-heading-m', id }, title), ...content)
}

function card(figure: string, text: string): HTMLElement {
  return h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, figure), text)
}

/** Answered within 5 working days: "38 of 40 (95%)", or without the share when a number is hidden. */
function inTime(done: number | null, due: number | null, below: number): string {
  if (due === 0) return 'None due yet'
  const share = done !== null && due !== null && due > 0 ? ` (${num(Math.round((done / due) * 100), 0)}%)` : ''
  return `${count(done, below)} of ${count(due, below)}${share}`
}

/** Counts in the order of `order` (known words first), unknown codes after. */
function ordered(rows: ThemeCount[], key: 'topic' | 'mood', order: Record<string, string>): ThemeCount[] {
  const known = Object.keys(order)
  const rank = (r: ThemeCount) => {
    const i = known.indexOf(r[key] ?? '')
    return i < 0 ? known.length : i
  }
  return [...rows].sort((a, b) => rank(a) - rank(b))
}

/** Topics, most told first; hidden counts (fewer than 5) after every shown one. */
function byCount(rows: ThemeCount[]): ThemeCount[] {
  const weight = (r: ThemeCount) => (r.count === null ? 0.5 : r.count)
  return [...ordered(rows, 'topic', TOPIC_WORDS)].sort((a, b) => weight(b) - weight(a))
}

/** Every month of the period, those with no messages as 0 (the server lists only months with some). */
function everyMonth(d: Listening): ThemeCount[] {
  const have = new Map(d.statements.by_month.map((r) => [r.month ?? '', r]))
  const first = /^(\d{4})-(\d{2})/.exec(d.from)
  const last = /^(\d{4})-(\d{2})/.exec(d.to)
  if (!first || !last) return d.statements.by_month
  const out: ThemeCount[] = []
  let y = Number(first[1])
  let m = Number(first[2])
  for (let guard = 0; guard < 240 && (y < Number(last[1]) || (y === Number(last[1]) && m <= Number(last[2]))); guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    out.push(have.get(key) ?? { month: key, count: 0 })
    if (++m > 12) { m = 1; y++ }
  }
  // anything the server sent outside the period's months is kept, not lost
  for (const r of d.statements.by_month) if (!out.includes(r)) out.push(r)
  return out
}

/** A bar chart and, under it, the same numbers as a table. */
function chartWithTable(name: string, head: string, rows: { label: string; count: number | null }[], below: number): Child[] {
  const bars: BreakdownRow[] = rows.map((r) => ({ category: r.label, value: r.count === null ? 'c' : r.count, numerator: null, denominator: null }))
  return [
    barChart(bars, 'count', name, `fewer than ${num(below, 0)}`),
    details(`Show ${name.toLowerCase()} as a table`,
      table(name, [
        { head, cell: (r) => r.label, rowHeader: true },
        { head: 'Messages', cell: (r) => count(r.count, below), numeric: true }
      ], rows, { captionClass: 'govuk-table__caption--s', small: true }))
  ]
}

function statementsSection(d: Listening): HTMLElement {
  const st = d.statements
  const below = d.suppress_below
  const cards = h('ul', { class: 'app-summary-cards', 'aria-label': 'Messages in the period', 'data-testid': 'listening-figures' },
    card(count(st.total, below), st.total === 1 ? 'message sent' : 'messages sent'),
    card(count(st.unsafe, below), 'said “I don’t feel safe”'),
    card(inTime(st.answered_in_time, st.answers_due, below), 'answered within 5 working days'))
  const id = 'listening-statements'
  if (st.total === 0) {
    return section(id, 'What children and young people told us', cards,
      p('No child or young person sent a message in Hearth in this period.'))
  }
  if (st.total === null) {
    return section(id, 'What children and young people told us', cards,
      inset(`Fewer than ${num(below, 0)} messages were sent in this period, so they are not broken down by topic, mood or month: that keeps every child anonymous.`))
  }
  const topics = byCount(st.by_topic).map((r) => ({ label: voiceWords(TOPIC_WORDS, r.topic ?? ''), count: r.count }))
  const moods = ordered(st.by_mood, 'mood', MOOD_WORDS).map((r) => ({ label: voiceWords(MOOD_WORDS, r.mood ?? ''), count: r.count }))
  const months = everyMonth(d).map((r) => ({ label: monthWords(r.month ?? ''), count: r.count }))
  return section(id, 'What children and young people told us',
    p('Every message a child or young person sent in Hearth in the period: what it was about, how they felt, and whether someone who works with them answered it within 5 working days.'),
    cards,
    h('h3', { class: 'govuk-heading-s' }, 'What the messages were about'),
    topics.length ? chartWithTable('Messages by topic', 'Topic', topics, below) : p('No topics to show.'),
    h('h3', { class: 'govuk-heading-s' }, 'How they felt'),
    moods.length
      ? table('Messages by mood', [
        { head: 'Mood', cell: (r) => r.label, rowHeader: true },
        { head: 'Messages', cell: (r) => count(r.count, below), numeric: true }
      ], moods, { captionClass: 'govuk-table__caption--s', small: true })
      : p('No moods to show.'),
    h('h3', { class: 'govuk-heading-s' }, 'Messages each month'),
    months.length ? chartWithTable('Messages by month', 'Month', months, below) : p('No months to show.'))
}

// ---- surveys -------------------------------------------------------------------------------

function survey(s: SurveyResult, below: number): HTMLElement {
  const id = uid('survey')
  return h('div', { class: 'govuk-summary-card', 'data-testid': 'survey' },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title', id }, s.title)),
    h('div', { class: 'govuk-summary-card__content' },
      summaryList([
        ['Who it is for', voiceWords(AUDIENCE_WORDS, s.audience)],
        ['Open', `${date(s.opens)} to ${date(s.closes)}`],
        ['Answers in the period', s.responses === 1 ? '1 young person' : `${count(s.responses, below)} young people`]
      ]),
      !s.shown
        ? inset(`Fewer than ${num(below, 0)} young people have answered, so the results are not shown, to keep answers anonymous.`)
        : s.questions.length
          ? s.questions.map((q) => table(q.text, [
            { head: 'Answer', cell: (a) => voiceWords(ANSWER_WORDS, a.answer), rowHeader: true },
            { head: 'Young people', cell: (a) => count(a.count, below), numeric: true }
          ], q.answers, { captionClass: 'govuk-table__caption--s', small: true }))
          : p('This survey has no questions.')))
}

function surveysSection(d: Listening): HTMLElement {
  return section('listening-surveys', 'Surveys',
    d.surveys.length
      ? [p('What young people answered in the council’s surveys in the period. Each survey’s results are shown only when enough young people have answered it.'),
        d.surveys.map((s) => survey(s, d.suppress_below))]
      : p('There are no surveys.'))
}

// ---- the professional standards ------------------------------------------------------------

function team(t: TeamStandards, d: Listening): HTMLElement {
  const min = d.standards.min_ratings
  const id = uid('team')
  return h('section', { 'aria-labelledby': id, 'data-testid': 'team-standards' },
    h('h3', { class: 'govuk-heading-s', id }, t.team),
    t.shown
      ? [t.ratings !== null ? p(`${plural(t.ratings, 'rating')} in the period.`) : null,
        table(`How young people rate ${t.team}`, [
          { head: 'Standard', cell: (r) => r.name, rowHeader: true },
          { head: 'Average', cell: (r) => (r.average === null ? 'No ratings' : `${r.average.toFixed(1)} out of 5`), numeric: true },
          { head: 'Ratings', cell: (r) => count(r.count, d.suppress_below), numeric: true }
        ], t.standards, { captionClass: 'govuk-table__caption--s', small: true })]
      : inset(`Fewer than ${num(min, 0)} ratings: not shown, so no young person can be identified.`))
}

function standardsSection(d: Listening): HTMLElement {
  const teams = d.standards.teams
  return section('listening-standards', 'How young people rate their workers',
    p(`Young people rate their team against the professional standards, from 1 (not at all) to 5 (always). A team’s ratings are shown only when at least ${plural(d.standards.min_ratings, 'rating has', 'ratings have')} been given.`),
    teams.length
      ? teams.map((t) => team(t, d))
      : p('No young person rated their workers in this period.'))
}
