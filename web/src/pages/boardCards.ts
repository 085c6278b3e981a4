// The challenge cards: what the children in care council and young people ask of the Board, as the
// participation officer keeps them — raised, accepted (in words that name no one), actions agreed,
// answered with "You said, we did" — on one board with a column for each; and one card with its
// actions and what happened to it. The participation officer raises cards for the children in
// care council, accepts young people's, and publishes the answer once an action is done; the
// Board's officer agrees actions for them. Never who raised a card: the API sends only "the
// children in care council" or "a young person".
import { h, fill } from '../dom'
import { heading, p, link, tag, summaryList, withQuery, backLink, textInput, inset } from '../components'
import { boardGet, boardPost } from '../boardApi'
import { date, num, plural } from '../format'
import { councilFrom } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { Arrangements, Card, CardDetail, CardStatus } from '../boardTypes'
import {
  boardNav, may, cardStatus, challengeOf, raisedWords, themeOptions, historyTable, actionsTable, messages, settle, takeFlash, setFlash,
  textArea, selectField, submit, valuesOf, fieldError, noErrors, refusal, narrow, CARD_STATUS, type FormErrors
} from './boardParts'

const COLUMNS: [CardStatus, string][] = [
  ['raised', 'Waiting for the participation officer to accept them'],
  ['accepted', 'Accepted: waiting for the Board to agree what it will do'],
  ['actions_agreed', 'The Board agreed actions: being done'],
  ['answered', 'Answered: “You said, we did”']
]

const CARD_IDS: Record<string, string> = { challenge: 'challenge', theme: 'theme', addressed_to: 'addressed-to' }

interface CardsState { values: Record<string, string>; errors: FormErrors }

export async function boardCardsPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [cards, g] = await Promise.all([boardGet('/cards', { la }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  drawCards(ctx, cards.items, g, { values: {}, errors: noErrors() })
}

function cardBox(c: Card, la: string | null): HTMLElement {
  const words = challengeOf(c)
  return h('li', { class: `app-challenge-card${c.challenge === null ? ' app-challenge-card--waiting' : ''}`, 'data-testid': 'card' },
    h('h3', { class: 'govuk-heading-s govuk-!-margin-bottom-2' },
      link(withQuery(`/board/cards/${c.id}`, { la }), [words.length > 160 ? `${words.slice(0, 159)}…` : words,
        h('span', { class: 'govuk-visually-hidden' }, ` (${raisedWords(c).toLowerCase()})`)])),
    h('ul', { class: 'govuk-list govuk-body-s govuk-!-margin-bottom-0' },
      h('li', null, h('strong', null, 'Theme: '), c.theme_title || 'None'),
      h('li', null, h('strong', null, 'Asks: '), c.addressed_to || 'Not said'),
      h('li', null, raisedWords(c)),
      c.status === 'raised' ? null : h('li', null, h('strong', null, 'Actions: '), `${num(c.actions_open, 0)} open, ${num(c.actions_done, 0)} done`),
      c.ready_to_answer && c.status !== 'answered' ? h('li', null, tag('Ready to answer', 'govuk-tag--yellow')) : null,
      c.answered_on ? h('li', null, `Answered on ${date(c.answered_on)}`) : null))
}

function raiseErrors(v: (k: string) => string): FormErrors {
  const e = noErrors()
  if (!v('challenge')) fieldError('challenge', CARD_IDS.challenge, 'Enter the challenge, in the young people’s words', e)
  if (!v('addressed_to')) fieldError('addressed_to', CARD_IDS.addressed_to, 'Say whom the card asks', e)
  return e
}

function drawCards(ctx: Ctx, cards: Card[], g: Arrangements, st: CardsState): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  setTitle(st.errors.items.length ? 'Error: Challenge cards' : 'Challenge cards')
  const focus = g.themes.find((t) => t.focus)

  let form: HTMLFormElement | null = null
  if (may('manage_cards')) {
    const v = st.values
    const f = st.errors.fields
    form = h('form', { method: 'post', action: '/api/v1/cards', id: 'raise-card', novalidate: true },
      textArea(CARD_IDS.challenge, 'challenge', 'The challenge', v.challenge ?? '', { hint: 'In the young people’s own words, without naming anyone', error: f.challenge, labelClass: 'govuk-label--s' }),
      selectField(CARD_IDS.theme, 'theme', 'Theme', themeOptions(g, 'No theme'), v.theme ?? focus?.id ?? '', { error: f.theme }),
      textInput(CARD_IDS.addressed_to, 'addressed_to', 'Whom it asks', v.addressed_to ?? '', { hint: 'For example, the Director of Children’s Services, or the whole Board', error: f.addressed_to }),
      submit('Raise the card'))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(form as HTMLFormElement)
      const values = { challenge: get('challenge'), theme: get('theme'), addressed_to: get('addressed_to') }
      const errors = raiseErrors(get)
      if (errors.items.length) return drawCards(ctx, cards, g, { values, errors })
      try {
        const c = await boardPost('/cards', { la }, values)
        if (!ctx.live()) return
        setFlash(`/board/cards/${c.id}`, 'The card was raised')
        navigate(withQuery(`/board/cards/${c.id}`, { la: laParam }))
      } catch (err) {
        drawCards(ctx, cards, g, { values, errors: refusal(err, CARD_IDS, 'challenge') })
      }
    })
  }

  fill(ctx.main,
    messages(st.errors.items, ''),
    heading('Challenge cards', 'The Board'),
    boardNav('/board/cards', laParam),
    p('What the children in care council and young people ask of the Board, and where each challenge has got to. ',
      focus ? `The theme in focus is ${focus.title}.` : ''),
    h('div', { class: 'app-card-columns' }, COLUMNS.map(([status, about]) => {
      const here = cards.filter((c) => c.status === status)
      const id = `cards-${status.replace('_', '-')}`
      return h('section', { class: 'app-card-column', 'aria-labelledby': id },
        h('h2', { class: 'govuk-heading-m govuk-!-margin-bottom-1', id }, `${CARD_STATUS[status].text} (${num(here.length, 0)})`),
        h('p', { class: 'govuk-hint govuk-body-s' }, about),
        here.length ? h('ul', { class: 'govuk-list' }, here.map((c) => cardBox(c, laParam))) : p(h('span', { class: 'govuk-body-s' }, 'None')))
    })),
    form ? [h('h2', { class: 'govuk-heading-m app-section-break' }, 'Raise a card for the children in care council'),
      narrow(form)] : null)
  settle(ctx.main)
}

// ---- one card ------------------------------------------------------------------------------

interface CardState { values: Record<string, string>; errors: FormErrors; done: string }

export async function boardCardPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const [d, g] = await Promise.all([boardGet('/cards/{id}', { id: ctx.params.id }), boardGet('/governance', { la })])
  if (!ctx.live()) return
  drawCard(ctx, d, g, { values: {}, errors: noErrors(), done: takeFlash(ctx.path) })
}

/** What the answer starts from: the evidence of the actions done for the card. */
function doneEvidence(d: CardDetail): string {
  return d.actions.filter((a) => a.status === 'done' && a.evidence).map((a) => a.evidence).join('\n\n')
}

function drawCard(ctx: Ctx, d: CardDetail, g: Arrangements, st: CardState): void {
  const c = d.card
  const laParam = ctx.query.get('la')
  const id = String(c.id)
  setTitle(st.errors.items.length ? 'Error: Challenge card' : 'Challenge card')
  const v = st.values
  const f = st.errors.fields
  /** After a write: the card again, with its actions and what happened. */
  const again = async (done: string) => {
    const fresh = await boardGet('/cards/{id}', { id })
    if (ctx.live()) drawCard(ctx, fresh, g, { values: {}, errors: noErrors(), done })
  }

  let accept: HTMLFormElement | null = null
  if (may('manage_cards') && c.status === 'raised') {
    accept = h('form', { method: 'post', action: `/api/v1/cards/${id}/accept`, id: 'accept-card', novalidate: true },
      textArea(CARD_IDS.challenge, 'challenge', 'The challenge', v.challenge ?? c.challenge ?? '', {
        hint: 'Change the young person’s words only so that no one can be identified, and keep what they mean. The Board sees these words.',
        error: f.challenge, labelClass: 'govuk-label--s'
      }),
      selectField(CARD_IDS.theme, 'theme', 'Theme', themeOptions(g, 'No theme'), v.theme ?? c.theme, { error: f.theme }),
      textInput(CARD_IDS.addressed_to, 'addressed_to', 'Whom it asks', v.addressed_to ?? c.addressed_to, { error: f.addressed_to }),
      submit('Accept the card'))
    accept.addEventListener('submit', async (e) => {
      e.preventDefault()
      const get = valuesOf(accept as HTMLFormElement)
      const values = { challenge: get('challenge'), theme: get('theme'), addressed_to: get('addressed_to') }
      if (!values.challenge) return drawCard(ctx, d, g, { values, errors: fieldError('challenge', CARD_IDS.challenge, 'Enter the challenge'), done: '' })
      try {
        await boardPost('/cards/{id}/accept', { id }, values)
        await again('The card was accepted: the Board can now agree what it will do')
      } catch (err) {
        drawCard(ctx, d, g, { values, errors: refusal(err, CARD_IDS, 'challenge'), done: '' })
      }
    })
  }

  let answer: HTMLFormElement | null = null
  if (may('manage_cards') && c.ready_to_answer && c.status !== 'answered') {
    answer = h('form', { method: 'post', action: `/api/v1/cards/${id}/answer`, id: 'answer-card', novalidate: true },
      textArea('response', 'response', 'We did', v.response ?? doneEvidence(d), {
        hint: 'Young people read this on their own pages. It starts from the evidence of the actions done: write it for them, in plain words, without naming anyone.',
        error: f.response, labelClass: 'govuk-label--s', rows: 8
      }),
      submit('Publish “You said, we did”'))
    answer.addEventListener('submit', async (e) => {
      e.preventDefault()
      const response = valuesOf(answer as HTMLFormElement)('response')
      if (!response) return drawCard(ctx, d, g, { values: { response }, errors: fieldError('response', 'response', 'Write what was done'), done: '' })
      try {
        await boardPost('/cards/{id}/answer', { id }, { response })
        await again('“You said, we did” was published: young people can read it now')
      } catch (err) {
        drawCard(ctx, d, g, { values: { response }, errors: refusal(err, { response: 'response' }, 'response'), done: '' })
      }
    })
  }

  const agree = may('manage_board') && (c.status === 'accepted' || c.status === 'actions_agreed')
  fill(ctx.main,
    backLink(withQuery('/board/cards', { la: laParam }), 'Back to the challenge cards'),
    messages(st.errors.items, st.done),
    heading('Challenge card', c.theme_title || 'The Board'),
    boardNav(ctx.path, laParam),
    inset(h('p', { class: 'govuk-body app-message govuk-!-margin-bottom-0', 'data-testid': 'challenge' }, challengeOf(c))),
    summaryList([
      ['Status', cardStatus(c)],
      ['Raised', `${date(c.raised_on)}, by ${c.raised_by}`],
      ['Theme', c.theme_title || 'None'],
      ['Asks', c.addressed_to],
      ['Actions', c.status === 'raised' ? 'None yet' : `${num(c.actions_open, 0)} open, ${num(c.actions_done, 0)} done`],
      ...(c.status === 'answered' ? [
        ['We did', h('span', { class: 'app-message' }, c.response ?? '')] as [string, HTMLElement],
        ['Answered', date(c.answered_on)] as [string, string]
      ] : [])
    ]),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What the Board is doing'),
    d.actions.length ? actionsTable(`Actions answering this card: ${plural(d.actions.length, 'action')}`, d.actions, laParam) : p('The Board has agreed no action for this card yet.'),
    agree ? p(link(withQuery('/board/actions/new', { la: laParam, card: id }), 'Agree an action for this card')) : null,
    may('manage_board') && c.status === 'raised' ? p('The participation officer accepts the card before the Board agrees what it will do.') : null,
    accept ? [h('h2', { class: 'govuk-heading-m app-section-break' }, 'Accept this card'), narrow(accept)] : null,
    answer ? [h('h2', { class: 'govuk-heading-m app-section-break' }, 'Publish “You said, we did”'), narrow(answer)] : null,
    may('manage_cards') && c.status === 'actions_agreed' && !c.ready_to_answer
      ? p('“You said, we did” can be published once an action answering this card is done.')
      : null,
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What happened'),
    d.history.length ? historyTable(d.history) : p('Nothing is recorded yet.'))
  settle(ctx.main)
}
