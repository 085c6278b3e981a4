// What the Board's pages share: the row of links between them, the words and tags for a card's,
// an action's and a report's status, the tables of actions and of what happened, the form fields
// the GOV.UK Design System has and components.ts does not (a plain textarea, a select and
// checkboxes with errors), and turning a refusal from the API into the error summary's items.
import { h, type Child } from '../dom'
import { link, tag, table, withQuery, errorSummary, notification, type ErrorItem, type Option } from '../components'
import { ApiError } from '../api'
import { date, dateTime, words, yearWords } from '../format'
import { session } from '../session'
import { refreshComponents } from '../router'
import type { Arrangements, BoardAction, Card, HistoryEvent, ReportDue } from '../boardTypes'

/** What the session may do on the Board's pages (the session's list read as text). */
export function may(what: 'board' | 'manage_board' | 'manage_cards' | 'write_commentary'): boolean {
  const can: readonly string[] = session()?.can ?? []
  return can.includes(what)
}

/** Who is signed in: an action's owner closes it. */
export function username(): string {
  return session()?.user.username ?? ''
}

// ---- between the pages ---------------------------------------------------------------------

const PAGES: [string, string][] = [
  ['/board', 'Overview'],
  ['/board/actions', 'Actions'],
  ['/board/cards', 'Challenge cards'],
  ['/board/meetings', 'Meetings'],
  ['/board/commentary', 'Commentary'],
  ['/board/calendar', 'Reporting calendar'],
  ['/board/people', 'Members and themes']
]

/** The row of links to the Board's pages, under each page's heading: the page itself in bold. */
export function boardNav(path: string, la: string | null): HTMLElement {
  return h('nav', { class: 'app-no-print', 'aria-label': 'The Board’s pages' },
    h('ul', { class: 'govuk-list app-inline-list' }, PAGES.map(([href, text]) => h('li', null,
      href === path ? h('strong', { 'aria-current': 'page' }, text) : link(withQuery(href, { la }), text)))))
}

// A page that sends you on to another (a new action, card or meeting) leaves the confirmation
// for it here; the page shows it once.
let flash: { path: string; text: string } | null = null

export function setFlash(path: string, text: string): void {
  flash = { path, text }
}

export function takeFlash(path: string): string {
  const f = flash
  flash = null
  return f && f.path === path ? f.text : ''
}

/** The error summary, or the confirmation, at the top of a page that has forms. */
export function messages(errors: ErrorItem[], done: string): Child {
  return [errors.length ? errorSummary(errors) : null, done ? notification(done, null, true) : null]
}

/** After drawing a page again in place: start its components, then focus what it has to say. */
export function settle(main: HTMLElement): void {
  refreshComponents(main)
  ;(main.querySelector('.govuk-error-summary, .govuk-notification-banner--success') as HTMLElement | null)?.focus()
}

// ---- words and tags ------------------------------------------------------------------------

export function themeTitle(g: Arrangements | null, id: string): string {
  if (!id) return ''
  return g?.themes.find((t) => t.id === id)?.title ?? ''
}

export function priorityTitle(g: Arrangements | null, id: string): string {
  if (!id) return ''
  return g?.priorities.find((p) => p.id === id)?.title ?? ''
}

export function actionStatus(a: BoardAction): HTMLElement {
  if (a.overdue) return tag('Overdue', 'govuk-tag--red')
  if (a.status === 'done') return tag('Done', 'govuk-tag--green')
  if (a.status === 'dropped') return tag('Dropped', 'govuk-tag--grey')
  return tag('Open', 'govuk-tag--blue')
}

export const CARD_STATUS: Record<Card['status'], { text: string; tag: string }> = {
  raised: { text: 'Raised', tag: 'govuk-tag--grey' },
  accepted: { text: 'Accepted', tag: 'govuk-tag--blue' },
  actions_agreed: { text: 'Actions agreed', tag: 'govuk-tag--purple' },
  answered: { text: 'Answered', tag: 'govuk-tag--green' }
}

export function cardStatus(c: Card): Child {
  return [tag(CARD_STATUS[c.status].text, CARD_STATUS[c.status].tag),
    c.ready_to_answer && c.status !== 'answered' ? [' ', tag('Ready to answer', 'govuk-tag--yellow')] : null]
}

/** A card's challenge; a young person's card the participation officer has not accepted yet has none. */
export function challengeOf(c: Card): string {
  return c.challenge ?? 'A young person’s card, waiting for the participation officer'
}

/** "Raised on 3 March 2026 by the children in care council" */
export function raisedWords(c: Card): string {
  return `Raised on ${date(c.raised_on)} by ${c.raised_by}`
}

export function reportStatus(r: ReportDue): HTMLElement {
  if (r.status === 'received') return tag('Received', 'govuk-tag--green')
  if (r.status === 'missing') return tag('Missing', 'govuk-tag--red')
  return tag('Upcoming', 'govuk-tag--grey')
}

const WHAT: Record<string, string> = {
  created: 'Agreed',
  closed: 'Closed',
  raised: 'Raised',
  accepted: 'Accepted by the participation officer',
  actions_agreed: 'An action was agreed',
  action_done: 'An action was done',
  answered: '“You said, we did” published'
}

const STATUS_WORDS: Record<string, string> = {
  open: 'Open', done: 'Done', dropped: 'Dropped',
  raised: 'Raised', accepted: 'Accepted', actions_agreed: 'Actions agreed', answered: 'Answered',
  planned: 'Planned', held: 'Held'
}

export function statusWords(s: string): string {
  return Object.hasOwn(STATUS_WORDS, s) ? STATUS_WORDS[s] : words(s)
}

export const hint = (text: Child): HTMLElement => h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, text)

/** What happened to a card or an action, oldest first (under a "What happened" heading: the caption
 * says it again only to assistive technology). */
/** A change's note as people read it: "action 17" links to the action. */
function noteOf(note: string): Child {
  const action = /^action (\d+)$/.exec(note)
  if (action) return link(`/board/actions/${action[1]}`, `Action ${action[1]}`)
  return note
}

export function historyTable(events: HistoryEvent[]): HTMLElement {
  return table('What happened', [
    { head: 'When', cell: (e: HistoryEvent) => dateTime(e.at), rowHeader: true },
    { head: 'What', cell: (e) => [Object.hasOwn(WHAT, e.what) ? WHAT[e.what] : words(e.what), e.note ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0 app-message' }, noteOf(e.note)) : null] },
    { head: 'By', cell: (e) => e.by },
    { head: 'Status', cell: (e) => statusWords(e.status) }
  ], events, { small: true, captionClass: 'govuk-visually-hidden' })
}

/** A form at a readable width (two thirds of the page on a desktop; all of a phone's). */
export function narrow(...content: Child[]): HTMLElement {
  return h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' }, ...content))
}

/** A list of actions, each title linking to its page. */
export function actionsTable(caption: string, actions: BoardAction[], la: string | null): HTMLElement {
  return table(caption, [
    { head: 'Action', cell: (a: BoardAction) => link(withQuery(`/board/actions/${a.id}`, { la }), a.title), rowHeader: true },
    { head: 'Owner', cell: (a) => a.owner_name || a.owner },
    { head: 'Due', cell: (a) => h('span', { class: 'app-nowrap' }, date(a.due)) },
    { head: 'Status', cell: (a) => actionStatus(a) }
  ], actions, { small: true, captionClass: 'govuk-table__caption--s' })
}

// ---- form fields ---------------------------------------------------------------------------

interface FieldOpts { hint?: string; error?: string; labelClass?: string }

function describedBy(id: string, o: FieldOpts): string | undefined {
  return [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function fieldTop(id: string, label: string, o: FieldOpts): Child[] {
  return [
    h('label', { class: `govuk-label${o.labelClass ? ' ' + o.labelClass : ''}`, for: id }, label),
    o.hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, o.hint) : null,
    o.error ? h('p', { class: 'govuk-error-message', id: `${id}-error` }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), o.error) : null
  ]
}

export function textArea(id: string, name: string, label: string, value: string, o: FieldOpts & { rows?: number } = {}): HTMLElement {
  return h('div', { class: `govuk-form-group${o.error ? ' govuk-form-group--error' : ''}` },
    fieldTop(id, label, o),
    h('textarea', { class: `govuk-textarea${o.error ? ' govuk-textarea--error' : ''}`, id, name, rows: o.rows ?? 5, 'aria-describedby': describedBy(id, o) }, value))
}

export function selectField(id: string, name: string, label: string, options: Option[], value: string, o: FieldOpts = {}): HTMLElement {
  return h('div', { class: `govuk-form-group${o.error ? ' govuk-form-group--error' : ''}` },
    fieldTop(id, label, o),
    h('select', { class: `govuk-select${o.error ? ' govuk-select--error' : ''}`, id, name, 'aria-describedby': describedBy(id, o) },
      options.map((x) => h('option', { value: x.value, selected: x.value === value }, x.text))))
}

export interface CheckItem { id: string; value: string; text: string; checked: boolean }

export function checkboxes(name: string, legend: string, items: CheckItem[], o: { hint?: string } = {}): HTMLElement {
  const hintId = o.hint ? `${name}-hint` : undefined
  return h('div', { class: 'govuk-form-group' },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': hintId },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      o.hint ? h('div', { class: 'govuk-hint', id: hintId }, o.hint) : null,
      h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
        items.map((c) => h('div', { class: 'govuk-checkboxes__item' },
          h('input', { class: 'govuk-checkboxes__input', id: c.id, name, type: 'checkbox', value: c.value, checked: c.checked }),
          h('label', { class: 'govuk-label govuk-checkboxes__label', for: c.id }, c.text))))))
}

export function submit(text: string, hidden = ''): HTMLButtonElement {
  return h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' },
    text, hidden ? h('span', { class: 'govuk-visually-hidden' }, hidden) : null)
}

/** A form's fields as text, trimmed ("" for a field it does not have). */
export function valuesOf(form: HTMLFormElement): (name: string) => string {
  const d = new FormData(form)
  return (name) => String(d.get(name) ?? '').trim()
}

/** Lines of a textarea, each trimmed, the empty ones left out. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean)
}

/** A form's errors: for the summary (linked to the field) and by field name (under the field). */
export interface FormErrors { items: ErrorItem[]; fields: Record<string, string> }

export const noErrors = (): FormErrors => ({ items: [], fields: {} })

/** One error on one field (name → the field's id). */
export function fieldError(name: string, id: string, text: string, into: FormErrors = noErrors()): FormErrors {
  into.items.push({ text, href: `#${id}` })
  into.fields[name] = text
  return into
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The API refused a write: its message in the summary, linked to the field its `parameter`
 * names when the form has it (ids: the form's parameter → field id). A child named in a title,
 * evidence, challenge or response (names_a_child) lands on `named`'s field when no parameter is given.
 */
export function refusal(err: unknown, ids: Record<string, string>, named = ''): FormErrors {
  if (!(err instanceof ApiError)) throw err
  const param = String(err.details.parameter ?? (err.code === 'names_a_child' ? named : ''))
  const text = sentence(err.message)
  if (param && ids[param]) return fieldError(param, ids[param], text)
  return { items: [{ text }], fields: {} }
}

/** The choices of a select from the arrangements' themes: the year's, the one in focus marked. */
export function themeOptions(g: Arrangements | null, none: string): Option[] {
  return [{ value: '', text: none }, ...(g?.themes ?? []).map((t) => ({ value: t.id, text: `${t.title}${t.focus ? ' (in focus)' : ''}${t.year ? `, ${yearWords(t.year)}` : ''}` }))]
}
