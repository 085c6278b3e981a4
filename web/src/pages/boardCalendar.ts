// The Board's reporting calendar: each report the arrangements say the Board receives, every time
// it falls due from the strategy's start to a year ahead — received (and what), missing, or
// coming up; the Board's officer records one as received. And the figures some measures take by
// hand (from a partner's report, say), which the Board's officer enters here.
import { h, fill } from '../dom'
import { heading, p, table, textInput } from '../components'
import { boardGet, boardPost } from '../boardApi'
import { date, num, plural } from '../format'
import { councilFrom } from '../session'
import { setTitle, type Ctx } from '../router'
import type { Arrangements, ReportCalendar, ReportDue } from '../boardTypes'
import {
  boardNav, may, reportStatus, hint, messages, settle, textArea, selectField, submit, valuesOf, fieldError, noErrors, refusal, narrow, type FormErrors
} from './boardParts'
import { realDay, today } from './listening'

interface FormState { values: Record<string, string>; errors: FormErrors }
interface State { receive: FormState; manual: FormState; done: string }

const fresh = (): State => ({ receive: { values: {}, errors: noErrors() }, manual: { values: {}, errors: noErrors() }, done: '' })

const RECEIVE_IDS: Record<string, string> = { item: 'receive-item', due: 'receive-item', document: 'receive-document', received: 'receive-on', note: 'receive-note' }
const MANUAL_IDS: Record<string, string> = { measure: 'manual-measure', period_end: 'manual-period-end', value: 'manual-figure', note: 'manual-note' }

export async function boardCalendarPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [cal, g] = await Promise.all([boardGet('/reports', { la }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  draw(ctx, cal, g, fresh())
}

const itemKey = (r: ReportDue) => `${r.report}|${r.due}`

function calendarTable(caption: string, items: ReportDue[]): HTMLElement {
  return table(caption, [
    { head: 'Report', cell: (r: ReportDue) => r.title, rowHeader: true },
    { head: 'Owner', cell: (r) => r.owner },
    { head: 'Due', cell: (r) => h('span', { class: 'app-nowrap' }, date(r.due)) },
    { head: 'Status', cell: (r) => reportStatus(r) },
    { head: 'Received', cell: (r) => (r.received_on ? h('span', { class: 'app-nowrap' }, date(r.received_on)) : '') },
    { head: 'Document', cell: (r) => [r.document, r.note ? hint(r.note) : null] }
  ], items, { small: true })
}

/** Reports to record: those due and not received, then each report's next time, which may come early. */
function receivable(cal: ReportCalendar): { due: ReportDue[]; early: ReportDue[] } {
  const due = cal.items.filter((r) => r.status !== 'received' && r.due <= cal.as_of)
  const early: ReportDue[] = []
  for (const r of cal.items) {
    if (r.status === 'received' || r.due <= cal.as_of || early.some((x) => x.report === r.report)) continue
    early.push(r)
  }
  return { due, early }
}

function receiveErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (!v('item')) fieldError('item', RECEIVE_IDS.item, 'Choose the report', e)
  if (!v('document')) fieldError('document', RECEIVE_IDS.document, 'Enter the document’s name', e)
  const on = v('received')
  if (on && !realDay(on)) fieldError('received', RECEIVE_IDS.received, 'The date received must be a real date', e)
  else if (on && on > today()) fieldError('received', RECEIVE_IDS.received, 'The date received must be today or in the past', e)
  return e
}

const NUMBER = /^-?\d+(\.\d+)?$/

function manualErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (!v('measure')) fieldError('measure', MANUAL_IDS.measure, 'Choose the measure', e)
  if (!v('period_end')) fieldError('period_end', MANUAL_IDS.period_end, 'Enter the last day the figure covers', e)
  else if (!realDay(v('period_end'))) fieldError('period_end', MANUAL_IDS.period_end, 'The period’s end must be a real date', e)
  if (!NUMBER.test(v('value').replace(/,/g, ''))) fieldError('value', MANUAL_IDS.value, 'Enter the figure as a number, for example 72.5', e)
  return e
}

function draw(ctx: Ctx, cal: ReportCalendar, g: Arrangements, st: State): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  const errors = [...st.receive.errors.items, ...st.manual.errors.items]
  setTitle(errors.length ? 'Error: The reporting calendar' : 'The reporting calendar')
  const past = cal.items.filter((r) => r.due <= cal.as_of)
  const ahead = cal.items.filter((r) => r.due > cal.as_of)
  const count = (s: ReportDue['status']) => cal.items.filter((r) => r.status === s).length
  const manual = g.measures.filter((m) => m.manual)
  const manage = may('manage_board')

  let receive: HTMLFormElement | null = null
  const { due, early } = receivable(cal)
  if (manage && (due.length || early.length)) {
    const v = st.receive.values
    const f = st.receive.errors.fields
    const option = (r: ReportDue) => h('option', { value: itemKey(r), selected: v.item === itemKey(r) }, `${r.title}, due ${date(r.due)}`)
    const itemError = f.item ?? f.due
    receive = h('form', { method: 'post', id: 'receive-report', novalidate: true },
      h('div', { class: `govuk-form-group${itemError ? ' govuk-form-group--error' : ''}` },
        h('label', { class: 'govuk-label', for: RECEIVE_IDS.item }, 'Report'),
        itemError ? h('p', { class: 'govuk-error-message', id: `${RECEIVE_IDS.item}-error` }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), itemError) : null,
        h('select', { class: `govuk-select${itemError ? ' govuk-select--error' : ''}`, id: RECEIVE_IDS.item, name: 'item', 'aria-describedby': itemError ? `${RECEIVE_IDS.item}-error` : undefined },
          h('option', { value: '', selected: !v.item }, 'Choose a report'),
          due.length ? h('optgroup', { label: 'Due and not received' }, due.map(option)) : null,
          early.length ? h('optgroup', { label: 'Coming up' }, early.map(option)) : null)),
      textInput(RECEIVE_IDS.document, 'document', 'The document', v.document ?? '', { hint: 'Its title, or where it is kept', error: f.document }),
      textInput(RECEIVE_IDS.received, 'received', 'Date received', v.received ?? today(), { type: 'date', cls: 'govuk-input--width-10', error: f.received }),
      textArea(RECEIVE_IDS.note, 'note', 'Note (optional)', v.note ?? '', { error: f.note, rows: 3 }),
      submit('Record as received'))
    receive.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(receive as HTMLFormElement)
      const values = { item: get('item'), document: get('document'), received: get('received'), note: get('note') }
      const errs = receiveErrors(get)
      if (errs.items.length) return draw(ctx, cal, g, { ...fresh(), manual: st.manual, receive: { values, errors: errs } })
      const [report, dueOn] = values.item.split('|')
      try {
        const got = await boardPost('/reports/{id}/receive', { id: report, la }, { due: dueOn, document: values.document, note: values.note, ...(values.received ? { received: values.received } : {}) })
        const again = await boardGet('/reports', { la })
        if (!ctx.live()) return
        draw(ctx, again, g, { ...fresh(), manual: st.manual, done: `${got.title}, due ${date(got.due)}, is recorded as received` })
      } catch (err) {
        draw(ctx, cal, g, { ...fresh(), manual: st.manual, receive: { values, errors: refusal(err, RECEIVE_IDS) } })
      }
    })
  }

  let figure: HTMLFormElement | null = null
  if (manage && manual.length) {
    const v = st.manual.values
    const f = st.manual.errors.fields
    figure = h('form', { method: 'post', id: 'manual-value', novalidate: true },
      selectField(MANUAL_IDS.measure, 'measure', 'Measure', [{ value: '', text: 'Choose a measure' }, ...manual.map((m) => ({ value: m.id, text: m.text }))], v.measure ?? '', { error: f.measure }),
      textInput(MANUAL_IDS.period_end, 'period_end', 'The last day the figure covers', v.period_end ?? '', { type: 'date', cls: 'govuk-input--width-10', hint: 'For example, the end of the quarter', error: f.period_end }),
      textInput(MANUAL_IDS.value, 'value', 'Figure', v.value ?? '', { cls: 'govuk-input--width-5', error: f.value, autocomplete: 'off', spellcheck: false }),
      textArea(MANUAL_IDS.note, 'note', 'Note (optional)', v.note ?? '', { hint: 'Where it comes from, or anything the Board should know about it', error: f.note, rows: 3 }),
      submit('Save the figure'))
    ;(figure.querySelector(`#${MANUAL_IDS.value}`) as HTMLInputElement).inputMode = 'decimal'
    figure.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(figure as HTMLFormElement)
      const values = { measure: get('measure'), period_end: get('period_end'), value: get('value'), note: get('note') }
      const errs = manualErrors(get)
      if (errs.items.length) return draw(ctx, cal, g, { ...fresh(), receive: st.receive, manual: { values, errors: errs } })
      try {
        const saved = await boardPost('/measures/{id}/values', { id: values.measure, la }, { period_end: values.period_end, value: Number(values.value.replace(/,/g, '')), note: values.note })
        if (!ctx.live()) return
        const what = manual.find((m) => m.id === saved.measure)?.text ?? 'the measure'
        draw(ctx, cal, g, { ...fresh(), receive: st.receive, done: `${num(saved.value, 2)} is saved for “${what}”, for the period to ${date(saved.period_end)}` })
      } catch (err) {
        draw(ctx, cal, g, { ...fresh(), receive: st.receive, manual: { values, errors: refusal(err, MANUAL_IDS) } })
      }
    })
  }

  const section = (text: string) => h('h2', { class: 'govuk-heading-m app-section-break' }, text)
  fill(ctx.main,
    messages(errors, st.done),
    heading('The reporting calendar', `The Board · as at ${date(cal.as_of)}`),
    boardNav('/board/calendar', laParam),
    p('The reports the Board receives, each time one falls due, from the start of the strategy to a year ahead.'),
    h('ul', { class: 'app-summary-cards', 'aria-label': 'Summary' },
      h('li', { class: 'app-summary-card app-summary-card--overdue' }, h('span', { class: 'app-summary-card__count' }, num(count('missing'), 0)), 'missing'),
      h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, num(count('received'), 0)), 'received'),
      h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, num(count('upcoming'), 0)), 'coming up')),
    past.length ? calendarTable(`Due by ${date(cal.as_of)}: ${plural(past.length, 'report')}`, past) : p('No report has been due yet.'),
    ahead.length ? calendarTable(`Coming up: ${plural(ahead.length, 'report')}`, ahead) : null,
    receive ? [section('Record a report as received'), narrow(receive)] : null,
    manual.length
      ? [section('Figures entered by hand'),
        p('These measures take a figure that Hearth cannot work out from the council’s records.'),
        table('Measures with a figure entered by hand', [
          { head: 'Measure', cell: (m: Arrangements['measures'][number]) => m.text, rowHeader: true },
          { head: 'Where the figure comes from', cell: (m) => m.manual },
          { head: 'Target', cell: (m) => (m.target === null ? '' : num(m.target, 1)), numeric: true }
        ], manual, { small: true, captionClass: 'govuk-table__caption--s' }),
        figure ? [h('h3', { class: 'govuk-heading-s' }, 'Enter a figure'), narrow(figure)] : null]
      : null)
  settle(ctx.main)
}
