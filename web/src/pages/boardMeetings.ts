// The Board's meetings: those planned and those held, and the Board's officer plans one; one
// meeting with its agenda, who came, what it decided, its minutes, the actions it agreed and the
// reports due for it (received or missing), with a link to the Board's figures as they were on
// its day and its pack to download; the Board's officer records it afterwards and agrees actions at it.
import { h, fill, type Child } from '../dom'
import { heading, p, link, table, tag, summaryList, withQuery, backLink, textInput, radios } from '../components'
import { boardGet, boardPost } from '../boardApi'
import { compareText, date, num, plural } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { Arrangements, Attendance, Meeting, MeetingStatus, MeetingSummary, ReportDue } from '../boardTypes'
import {
  boardNav, may, themeTitle, themeOptions, actionsTable, reportStatus, messages, settle, takeFlash, setFlash,
  textArea, checkboxes, submit, valuesOf, linesOf, fieldError, noErrors, refusal, selectField, narrow, type FormErrors
} from './boardParts'
import { realDay, today } from './listening'
import { paperDownloads } from './boardPaper'

export function meetingStatus(s: MeetingStatus): HTMLElement {
  return s === 'held' ? tag('Held', 'govuk-tag--green') : tag('Planned', 'govuk-tag--blue')
}

const PLAN_IDS: Record<string, string> = { date: 'date', title: 'title', theme: 'theme', agenda: 'agenda' }

interface PlanState { values: Record<string, string>; errors: FormErrors }

export async function boardMeetingsPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [list, g] = await Promise.all([boardGet('/meetings', { la }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  drawMeetings(ctx, list.items, g, { values: {}, errors: noErrors() })
}

function planErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (!v('date')) fieldError('date', PLAN_IDS.date, 'Enter the date of the meeting', e)
  else if (!realDay(v('date'))) fieldError('date', PLAN_IDS.date, 'The date must be a real date', e)
  if (!v('title')) fieldError('title', PLAN_IDS.title, 'Enter what the meeting is called', e)
  return e
}

function meetingsTable(caption: string, items: MeetingSummary[], g: Arrangements, la: string | null): HTMLElement {
  return table(caption, [
    { head: 'Date', cell: (m: MeetingSummary) => link(withQuery(`/board/meetings/${m.id}`, { la }), h('span', { class: 'app-nowrap' }, date(m.date))), rowHeader: true },
    { head: 'Meeting', cell: (m) => m.title },
    { head: 'Theme', cell: (m) => themeTitle(g, m.theme) || 'None' },
    { head: 'Status', cell: (m) => meetingStatus(m.status) },
    { head: 'Actions agreed', cell: (m) => num(m.actions, 0), numeric: true }
  ], items, { small: true })
}

function drawMeetings(ctx: Ctx, items: MeetingSummary[], g: Arrangements, st: PlanState): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  setTitle(st.errors.items.length ? 'Error: The Board’s meetings' : 'The Board’s meetings')
  const planned = items.filter((m) => m.status === 'planned').sort((x, y) => compareText(x.date, y.date))
  const held = items.filter((m) => m.status === 'held').sort((x, y) => compareText(y.date, x.date))

  let form: HTMLFormElement | null = null
  if (may('manage_board')) {
    const v = st.values
    const f = st.errors.fields
    form = h('form', { method: 'post', action: '/api/v1/meetings', id: 'plan-meeting', novalidate: true },
      textInput(PLAN_IDS.date, 'date', 'Date', v.date ?? '', { type: 'date', cls: 'govuk-input--width-10', error: f.date }),
      textInput(PLAN_IDS.title, 'title', 'What the meeting is called', v.title ?? '', { hint: 'For example, Corporate Parenting Board, June', error: f.title }),
      selectField(PLAN_IDS.theme, 'theme', 'Theme', themeOptions(g, 'None'), v.theme ?? g.themes.find((t) => t.focus)?.id ?? '', { error: f.theme }),
      textArea(PLAN_IDS.agenda, 'agenda', 'Agenda', v.agenda ?? '', { hint: 'One item a line', error: f.agenda, rows: 6 }),
      submit('Plan the meeting'))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(form as HTMLFormElement)
      const values = { date: get('date'), title: get('title'), theme: get('theme'), agenda: get('agenda') }
      const errors = planErrors(get)
      if (errors.items.length) return drawMeetings(ctx, items, g, { values, errors })
      try {
        const m = await boardPost('/meetings', { la }, { date: values.date, title: values.title, theme: values.theme, agenda: linesOf(values.agenda).map((text) => ({ text, detail: '' })) })
        if (!ctx.live()) return
        setFlash(`/board/meetings/${m.id}`, 'The meeting was planned')
        navigate(withQuery(`/board/meetings/${m.id}`, { la: laParam }))
      } catch (err) {
        drawMeetings(ctx, items, g, { values, errors: refusal(err, PLAN_IDS) })
      }
    })
  }

  fill(ctx.main,
    messages(st.errors.items, ''),
    heading('The Board’s meetings', g.name || 'The Board'),
    boardNav('/board/meetings', laParam),
    planned.length ? meetingsTable(`Planned: ${plural(planned.length, 'meeting')}`, planned, g, laParam) : p('No meeting is planned.'),
    held.length ? meetingsTable(`Held: ${plural(held.length, 'meeting')}`, held, g, laParam) : p('No meeting has been held yet.'),
    form ? [h('h2', { class: 'govuk-heading-m app-section-break' }, 'Plan a meeting'),
      narrow(form)] : null)
  settle(ctx.main)
}

// ---- one meeting ---------------------------------------------------------------------------

const RECORD_IDS: Record<string, string> = { status: 'status-radio', attendance: 'attendance-others', decisions: 'decisions', minutes: 'minutes' }

interface RecordState { values: Record<string, string>; present: string[] | null; errors: FormErrors; done: string }

export async function boardMeetingPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [m, g] = await Promise.all([boardGet('/meetings/{id}', { id: ctx.params.id }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  drawMeeting(ctx, m, g, { values: {}, present: null, errors: noErrors(), done: takeFlash(ctx.path) })
}

/** "Sam Lee, Virtual School, present" → Sam Lee, Virtual School; present. null: not that shape. */
function attendanceLine(line: string): Attendance | null {
  const m = /^(.+),\s*(present|apologies)$/i.exec(line)
  if (!m || !m[1].trim()) return null
  return { name: m[1].trim(), present: m[2].toLowerCase() === 'present' }
}

const listOr = (items: Child[], none: string, numbered = false): HTMLElement =>
  items.length ? h(numbered ? 'ol' : 'ul', { class: `govuk-list govuk-list--${numbered ? 'number' : 'bullet'}` }, items.map((i) => h('li', null, i))) : p(none)

function reportsTable(items: ReportDue[]): HTMLElement {
  return table(`Reports due for this meeting: ${plural(items.length, 'report')}`, [
    { head: 'Report', cell: (r: ReportDue) => r.title, rowHeader: true },
    { head: 'Owner', cell: (r) => r.owner },
    { head: 'Due', cell: (r) => h('span', { class: 'app-nowrap' }, date(r.due)) },
    { head: 'Status', cell: (r) => reportStatus(r) },
    { head: 'Received', cell: (r) => (r.received_on ? h('span', { class: 'app-nowrap' }, date(r.received_on)) : '') }
  ], items, { small: true, captionClass: 'govuk-table__caption--s' })
}

/** The meeting's pack to download (the server gathers it as the records stood on the meeting's
 * day), for those who may read the scorecard whose figures it carries. */
function packDownloads(m: Meeting): Child {
  if (!can('scorecard')) return null
  const context = (text: string) => h('span', { class: 'govuk-visually-hidden' }, text)
  return [
    h('h2', { class: 'govuk-heading-m app-section-break', id: 'meeting-pack' }, 'Meeting pack'),
    p('The pack is the Board’s records as they stood at the end of the meeting’s day (today’s, for a meeting still to come); Board members’ copies have small numbers suppressed.'),
    paperDownloads({}, {
      path: `/api/v1/meetings/${m.id}/pack`,
      downloads: [
        { format: 'pdf', text: 'Download the pack (PDF)' },
        { format: 'html', text: ['HTML', context(' version of the pack')] },
        { format: 'xlsx', text: 'Spreadsheet of every figure (XLSX)' }
      ]
    })
  ]
}

function drawMeeting(ctx: Ctx, m: Meeting, g: Arrangements, st: RecordState): void {
  const laParam = ctx.query.get('la')
  setTitle(st.errors.items.length ? `Error: ${m.title}` : m.title)
  const present = m.attendance.filter((a) => a.present)
  const apologies = m.attendance.filter((a) => !a.present)

  let form: HTMLFormElement | null = null
  if (may('manage_board')) {
    const members = g.members.map((x) => x.name)
    const others = m.attendance.filter((a) => !members.includes(a.name)).map((a) => `${a.name}, ${a.present ? 'present' : 'apologies'}`).join('\n')
    const ticked = st.present ?? present.map((a) => a.name)
    const v = st.values
    const f = st.errors.fields
    form = h('form', { method: 'post', action: `/api/v1/meetings/${m.id}`, id: 'record-meeting', novalidate: true },
      radios('status', 'Has the meeting been held?', [{ value: 'planned', text: 'Not yet: it is planned' }, { value: 'held', text: 'Yes: it was held' }],
        v.status ?? (m.status === 'planned' && m.date <= today() ? 'held' : m.status), { error: f.status }),
      members.length
        ? checkboxes('present', 'Members who came', g.members.map((x, i) => ({ id: `present-${i + 1}`, value: x.name, text: `${x.name}${x.role ? `, ${x.role}` : ''}`, checked: ticked.includes(x.name) })),
          { hint: 'The members not ticked sent their apologies' })
        : null,
      textArea(RECORD_IDS.attendance, 'attendance_others', members.length ? 'Others at the meeting' : 'Who was there', v.attendance_others ?? others, {
        hint: 'One person a line: their name, a comma, then present or apologies. For example: Sam Lee, Virtual School, present',
        error: f.attendance, rows: 4
      }),
      textArea(RECORD_IDS.decisions, 'decisions', 'Decisions', v.decisions ?? m.decisions.join('\n'), { hint: 'One decision a line', error: f.decisions }),
      textArea(RECORD_IDS.minutes, 'minutes', 'Minutes', v.minutes ?? m.minutes, { error: f.minutes, rows: 8 }),
      submit('Save the record of the meeting'))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(form as HTMLFormElement)
      const values = { status: get('status'), attendance_others: get('attendance_others'), decisions: get('decisions'), minutes: get('minutes') }
      const ticks = new FormData(form as HTMLFormElement).getAll('present').map(String)
      const errors = noErrors()
      const extra: Attendance[] = []
      linesOf(values.attendance_others).forEach((line, i) => {
        const a = attendanceLine(line)
        if (a) extra.push(a)
        else if (!errors.items.length) fieldError('attendance', RECORD_IDS.attendance, `Line ${i + 1} of the attendance must end with a comma and present or apologies`, errors)
      })
      if (values.status !== 'planned' && values.status !== 'held') fieldError('status', RECORD_IDS.status, 'Say whether the meeting has been held', errors)
      if (errors.items.length) return drawMeeting(ctx, m, g, { values, present: ticks, errors, done: '' })
      const attendance: Attendance[] = [...members.map((name) => ({ name, present: ticks.includes(name) })), ...extra.filter((a) => !members.includes(a.name))]
      try {
        const saved = await boardPost('/meetings/{id}', { id: String(m.id) }, {
          status: values.status as MeetingStatus, minutes: values.minutes, attendance, decisions: linesOf(values.decisions)
        })
        if (!ctx.live()) return
        drawMeeting(ctx, saved, g, { values: {}, present: null, errors: noErrors(), done: 'The record of the meeting was saved' })
      } catch (err) {
        drawMeeting(ctx, m, g, { values, present: ticks, errors: refusal(err, RECORD_IDS), done: '' })
      }
    })
  }

  const section = (text: string) => h('h2', { class: 'govuk-heading-m app-section-break' }, text)
  fill(ctx.main,
    backLink(withQuery('/board/meetings', { la: laParam }), 'Back to the meetings'),
    messages(st.errors.items, st.done),
    heading(m.title, `The Board’s meeting, ${date(m.date)}`),
    boardNav(ctx.path, laParam),
    summaryList([
      ['Date', date(m.date)],
      ['Theme', themeTitle(g, m.theme) || 'None'],
      ['Status', meetingStatus(m.status)],
      ['Challenge cards', link(withQuery('/board/cards', { la: laParam }), m.cards_open ? `${plural(m.cards_open, 'card')} open` : 'None open')]
    ]),
    p(link(withQuery('/board', { la: laParam, as_of: m.date }), 'The Board’s figures as at this meeting')),
    packDownloads(m),
    section('Agenda'),
    listOr(m.agenda.map((a) => [a.text, a.detail ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, a.detail) : null]), 'No agenda yet.', true),
    section('Who was there'),
    m.attendance.length
      ? [h('h3', { class: 'govuk-heading-s' }, `Present (${num(present.length, 0)})`), listOr(present.map((a) => a.name), 'Nobody recorded.'),
        h('h3', { class: 'govuk-heading-s' }, `Apologies (${num(apologies.length, 0)})`), listOr(apologies.map((a) => a.name), 'None.')]
      : p('Not recorded yet.'),
    section('Decisions'),
    listOr(m.decisions, 'None recorded.', true),
    section('Minutes'),
    m.minutes ? p(h('span', { class: 'app-message' }, m.minutes)) : p('Not recorded yet.'),
    section('Actions agreed at this meeting'),
    m.actions.length ? actionsTable(`Agreed at this meeting: ${plural(m.actions.length, 'action')}`, m.actions, laParam) : p('None recorded.'),
    may('manage_board') ? p(link(withQuery('/board/actions/new', { la: laParam, meeting: String(m.id) }), 'Agree an action at this meeting')) : null,
    section('Reports due for this meeting'),
    m.reports_due.length ? reportsTable(m.reports_due) : p('No report was due since the meeting before.'),
    form ? [section('Record the meeting'), narrow(form)] : null)
  settle(ctx.main)
}
