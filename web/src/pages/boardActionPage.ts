// One action of the Board: whom it is owned by, when it is due, whether it is done (and the
// evidence), the challenge card it answers and the meeting that agreed it, what happened to it;
// and, while it is open, the form its owner or the Board's officer closes it with. Also the page
// where the Board's officer adds an action, for a card or a meeting when it comes from one.
import { h, fill, type Child } from '../dom'
import { heading, p, link, summaryList, withQuery, backLink, textInput, radios, type Option } from '../components'
import { boardGet, boardPost } from '../boardApi'
import { compareText, date } from '../format'
import { councilFrom } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { ActionDetail, Arrangements, Card, CloseAction, MeetingSummary } from '../boardTypes'
import {
  boardNav, may, username, actionStatus, challengeOf, priorityTitle, themeTitle, themeOptions, historyTable, messages, settle,
  takeFlash, setFlash, textArea, selectField, submit, valuesOf, fieldError, noErrors, refusal, narrow, type FormErrors
} from './boardParts'
import { realDay, today } from './listening'

interface CloseState { values: Record<string, string>; errors: FormErrors; done: string }

export async function boardActionPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [d, g] = await Promise.all([boardGet('/actions/{id}', { id: ctx.params.id }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  drawAction(ctx, d, g, { values: {}, errors: noErrors(), done: takeFlash(ctx.path) })
}

const CLOSE_IDS: Record<string, string> = { status: 'status-radio', evidence: 'evidence', on: 'closed-on' }

function closeErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (v('status') !== 'done' && v('status') !== 'dropped') fieldError('status', CLOSE_IDS.status, 'Choose whether the action was done or dropped', e)
  if (!v('evidence')) fieldError('evidence', CLOSE_IDS.evidence, v('status') === 'dropped' ? 'Say why the action was dropped' : 'Say what was done', e)
  const on = v('on')
  if (on && !realDay(on)) fieldError('on', CLOSE_IDS.on, 'The date closed must be a real date', e)
  else if (on && on > today()) fieldError('on', CLOSE_IDS.on, 'The date closed must be today or in the past', e)
  return e
}

function drawAction(ctx: Ctx, d: ActionDetail, g: Arrangements, st: CloseState): void {
  const a = d.action
  const laParam = ctx.query.get('la')
  setTitle(st.errors.items.length ? `Error: ${a.title}` : a.title)
  const mayClose = a.status === 'open' && ((a.owner !== '' && a.owner === username()) || may('manage_board'))

  let form: HTMLFormElement | null = null
  if (mayClose) {
    const v = st.values
    const f = st.errors.fields
    form = h('form', { method: 'post', action: `/api/v1/actions/${a.id}/close`, id: 'close-action', novalidate: true },
      radios('status', 'How did it end?', [
        { value: 'done', text: 'Done' },
        { value: 'dropped', text: 'Dropped', hint: 'The Board decided not to go on with it' }
      ], v.status ?? '', { error: f.status }),
      textArea('evidence', 'evidence', 'What was done', v.evidence ?? '', {
        hint: 'The evidence the Board will see: what changed, and where to find out more. Say what was done without naming any child.',
        error: f.evidence, labelClass: 'govuk-label--s'
      }),
      textInput('closed-on', 'on', 'Date closed', v.on ?? today(), { type: 'date', cls: 'govuk-input--width-10', hint: 'The day it was done or dropped', error: f.on }),
      submit('Close this action'))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(form as HTMLFormElement)
      const values = { status: get('status'), evidence: get('evidence'), on: get('on') }
      const errors = closeErrors(get)
      if (errors.items.length) return drawAction(ctx, d, g, { values, errors, done: '' })
      try {
        const body: CloseAction = { status: values.status as CloseAction['status'], evidence: values.evidence }
        if (values.on) body.on = values.on
        const closed = await boardPost('/actions/{id}/close', { id: String(a.id) }, body)
        const fresh = await boardGet('/actions/{id}', { id: String(a.id) })
        if (!ctx.live()) return
        drawAction(ctx, fresh, g, { values: {}, errors: noErrors(), done: `The action was closed as ${closed.status === 'done' ? 'done' : 'dropped'}` })
      } catch (err) {
        drawAction(ctx, d, g, { values, errors: refusal(err, CLOSE_IDS, 'evidence'), done: '' })
      }
    })
  }

  const card = d.card
  const meeting = d.meeting
  fill(ctx.main,
    backLink(withQuery('/board/actions', { la: laParam }), 'Back to the actions'),
    messages(st.errors.items, st.done),
    heading(a.title, 'The Board’s action'),
    boardNav(ctx.path, laParam),
    summaryList([
      ['Owner', a.owner_name || a.owner],
      ['Due', date(a.due)],
      ['Status', [actionStatus(a), a.closed_on ? ` on ${date(a.closed_on)}` : '']],
      ['Priority', priorityTitle(g, a.priority) || 'None'],
      ['Theme', themeTitle(g, a.theme) || 'None'],
      ['Answers the card', card ? link(withQuery(`/board/cards/${card.id}`, { la: laParam }), challengeOf(card)) : 'None'],
      ['Agreed at', meeting ? link(withQuery(`/board/meetings/${meeting.id}`, { la: laParam }), `${meeting.title}, ${date(meeting.date)}`) : 'Not recorded'],
      ['Evidence', a.evidence ? h('span', { class: 'app-message' }, a.evidence) : a.status === 'open' ? 'None yet: the action is open' : '']
    ]),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What happened'),
    d.history.length ? historyTable(d.history) : p('Nothing is recorded yet.'),
    form ? [h('h2', { class: 'govuk-heading-m app-section-break' }, 'Close this action'), narrow(form)] : null)
  settle(ctx.main)
}

// ---- adding an action ----------------------------------------------------------------------

const ADD_IDS: Record<string, string> = {
  title: 'title', owner_name: 'owner-name', owner: 'owner', due: 'due', priority: 'priority', theme: 'theme', card: 'card', meeting: 'meeting'
}

interface AddView { g: Arrangements; cards: Card[]; meetings: MeetingSummary[] }

export async function newActionPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [g, cards, meetings] = await Promise.all([boardGet('/governance', { la }), boardGet('/cards', { la }), boardGet('/meetings', { la })])
  if (!ctx.live()) return
  const card = ctx.query.get('card') ?? ''
  const meeting = ctx.query.get('meeting') ?? ''
  const from = cards.items.find((c) => String(c.id) === card)
  const at = meetings.items.find((m) => String(m.id) === meeting)
  drawAdd(ctx, { g, cards: cards.items, meetings: meetings.items },
    { card, meeting, theme: from?.theme || at?.theme || '' }, noErrors())
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s)

function addErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (!v('title')) fieldError('title', ADD_IDS.title, 'Say what will be done', e)
  if (!v('owner_name') && !v('owner')) fieldError('owner_name', ADD_IDS.owner_name, 'Say who owns the action', e)
  if (!v('due')) fieldError('due', ADD_IDS.due, 'Enter the date it is due by', e)
  else if (!realDay(v('due'))) fieldError('due', ADD_IDS.due, 'The due date must be a real date', e)
  return e
}

function drawAdd(ctx: Ctx, view: AddView, v: Record<string, string>, errors: FormErrors): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  setTitle(errors.items.length ? 'Error: Add an action' : 'Add an action')
  const f = errors.fields
  // a card the participation officer has accepted and that is not answered yet, or the one the page came from
  const cardOptions: Option[] = [{ value: '', text: 'None' }, ...view.cards
    .filter((c) => c.status === 'accepted' || c.status === 'actions_agreed' || String(c.id) === v.card)
    .map((c) => ({ value: String(c.id), text: `${short(challengeOf(c))} (raised ${date(c.raised_on)})` }))]
  const meetingOptions: Option[] = [{ value: '', text: 'None' }, ...[...view.meetings]
    .sort((x, y) => compareText(y.date, x.date))
    .map((m) => ({ value: String(m.id), text: `${date(m.date)}: ${m.title}` }))]

  const form = h('form', { method: 'post', action: '/api/v1/actions', id: 'add-action', novalidate: true },
    textInput(ADD_IDS.title, 'title', 'What will be done', v.title ?? '', { hint: 'Say what will change, without naming any child', error: f.title }),
    textInput(ADD_IDS.owner_name, 'owner_name', 'Who owns it', v.owner_name ?? '', { hint: 'Their name and role, for example Head of the Virtual School', error: f.owner_name }),
    textInput(ADD_IDS.owner, 'owner', 'Their Hearth username (optional)', v.owner ?? '', { hint: 'With one, they can close the action themselves', cls: 'govuk-!-width-one-half', error: f.owner, spellcheck: false, autocomplete: 'off' }),
    textInput(ADD_IDS.due, 'due', 'Due by', v.due ?? '', { type: 'date', cls: 'govuk-input--width-10', error: f.due }),
    selectField(ADD_IDS.priority, 'priority', 'Priority of the strategy', [{ value: '', text: 'None' }, ...view.g.priorities.map((pr) => ({ value: pr.id, text: pr.title }))], v.priority ?? '', { error: f.priority }),
    selectField(ADD_IDS.theme, 'theme', 'Children in care council theme', themeOptions(view.g, 'None'), v.theme ?? '', { error: f.theme }),
    selectField(ADD_IDS.card, 'card', 'The challenge card it answers', cardOptions, v.card ?? '', { error: f.card }),
    selectField(ADD_IDS.meeting, 'meeting', 'The meeting that agreed it', meetingOptions, v.meeting ?? '', { error: f.meeting }),
    submit('Add the action'))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const get = valuesOf(form)
    const values: Record<string, string> = {}
    for (const k of Object.keys(ADD_IDS)) values[k] = get(k)
    const errs = addErrors(get)
    if (errs.items.length) return drawAdd(ctx, view, values, errs)
    try {
      const a = await boardPost('/actions', { la }, {
        title: values.title, owner: values.owner, owner_name: values.owner_name, due: values.due, priority: values.priority, theme: values.theme,
        card: values.card ? Number(values.card) : null, meeting: values.meeting ? Number(values.meeting) : null
      })
      if (!ctx.live()) return
      setFlash(`/board/actions/${a.id}`, 'The action was added')
      navigate(withQuery(`/board/actions/${a.id}`, { la: laParam }))
    } catch (err) {
      drawAdd(ctx, view, values, refusal(err, ADD_IDS, 'title'))
    }
  })

  const back: [string, string] = v.card && ctx.query.get('card')
    ? [`/board/cards/${v.card}`, 'Back to the card']
    : ctx.query.get('meeting') ? [`/board/meetings/${ctx.query.get('meeting')}`, 'Back to the meeting'] : ['/board/actions', 'Back to the actions']
  const intro: Child = p('An action the Board agreed: what will be done, by whom and by when. Its owner, or you, close it with the evidence of what was done; when it answers a challenge card, the participation officer can then publish “You said, we did”.')
  fill(ctx.main,
    backLink(withQuery(back[0], { la: laParam }), back[1]),
    narrow(
      messages(errors.items, ''),
      heading('Add an action', 'The Board’s actions'),
      intro,
      form))
  settle(ctx.main)
}
