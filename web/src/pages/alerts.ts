// Safety alerts (issue 16): a child or young person chose "I don't feel safe". Their worker and
// the worker's manager are told at once; the alert must be acknowledged — saying what was done —
// by the time it is due, or it is escalated a step. Each alert shows who was told and whether the
// emails telling them went (a failed one is shown plainly: whoever it was for may not know), and,
// while open, the form to acknowledge it. The list opens on the open alerts; one alert has its
// own page, which a message's warning links to.
import { h, fill, type Child } from '../dom'
import { heading, p, link, tag, withQuery, backLink, summaryList, warning, notification, errorSummary, characterCount, type ErrorItem } from '../components'
import { get, post, ApiError } from '../api'
import { dateTime, num, plural } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, refreshComponents, type Ctx } from '../router'
import type { Alert, AlertEmail } from '../types'
import { childCell } from './statements'

/** The longest account of what was done the server takes. */
const ACTION_MAX = 2000

/** How far an alert has gone: 0 is the worker and their manager. */
export function levelWords(level: number): string {
  if (level <= 0) return 'Told: worker and manager'
  return level === 1 ? 'Escalated once' : `Escalated ${num(level, 0)} times`
}

function emailLine(e: AlertEmail): Child {
  const tried = e.attempts ? ` (tried ${plural(e.attempts, 'time')}${e.last_error ? `: ${e.last_error}` : ''})` : ''
  if (e.status === 'sent') return `${e.to}: sent${e.sent_at ? ` ${dateTime(e.sent_at)}` : ''}`
  if (e.status === 'waiting') return `${e.to}: waiting to send${tried}`
  return [tag('Failed', 'govuk-tag--red'), ' ', `${e.to}: failed after ${plural(e.attempts, 'try', 'tries')}${e.last_error ? `: ${e.last_error}` : ''}`]
}

/** Open alerts first, the most overdue first; then the acknowledged ones, the latest first. */
function sortAlerts(alerts: Alert[]): Alert[] {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return [...alerts].sort((a, b) => {
    const openA = !a.acknowledged_at
    const openB = !b.acknowledged_at
    if (openA !== openB) return openA ? -1 : 1
    return openA ? byText(a.due_at, b.due_at) : byText(b.acknowledged_at, a.acknowledged_at)
  })
}

interface View {
  la: string
  /** the list's state filter; one alert's page is "one" */
  state: 'open' | 'all' | 'one'
  alerts: Alert[]
  open: number
  overdue: number
}

interface FormState {
  /** what is in each open alert's box, by alert id */
  values: Record<number, string>
  /** the error, and the alert whose form it is about */
  error?: { id: number; text: string }
  /** an alert was just acknowledged */
  done?: string
}

// ---- the pages -----------------------------------------------------------------------------

export async function alertsPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const state = ctx.query.get('state') === 'all' ? 'all' : 'open'
  const list = await get('/alerts', { la, state })
  if (!ctx.live()) return
  drawAlerts(ctx, { la, state, alerts: sortAlerts(list.items), open: list.open, overdue: list.overdue }, { values: {} })
}

/** One alert (the API has no route for one: it is found among the council's alerts). */
export async function alertPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const list = await get('/alerts', { la, state: 'all' })
  if (!ctx.live()) return
  const a = list.items.find((x) => String(x.id) === ctx.params.id)
  if (!a) throw new ApiError(404, { code: 'not_found', message: `There is no alert ${ctx.params.id}` })
  drawAlerts(ctx, { la, state: 'one', alerts: [a], open: list.open, overdue: list.overdue }, { values: {} })
}

function drawAlerts(ctx: Ctx, view: View, st: FormState): void {
  const one = view.state === 'one' ? view.alerts[0] : null
  const title = one ? `Safety alert about ${one.child_name || `child ${one.child}`}` : 'Safety alerts'
  const items: ErrorItem[] = st.error ? [{ text: st.error.text, href: `#action-${st.error.id}` }] : []
  setTitle(items.length ? `Error: ${title}` : title)

  /** Every box's text as it is now, so that drawing the page again keeps what was typed. */
  const typed = (): Record<number, string> => {
    const values: Record<number, string> = {}
    for (const area of ctx.main.querySelectorAll<HTMLTextAreaElement>('textarea[data-alert]')) values[Number(area.dataset.alert)] = area.value
    return values
  }
  const acknowledge = async (a: Alert, who: string) => {
    const values = typed()
    const text = values[a.id] ?? ''
    if (!text.trim()) return drawAlerts(ctx, view, { values, error: { id: a.id, text: 'Enter what you have done' } })
    if (text.length > ACTION_MAX) return drawAlerts(ctx, view, { values, error: { id: a.id, text: `What you have done must be ${num(ACTION_MAX, 0)} characters or less` } })
    try {
      const done = await post('/alerts/{id}/acknowledge', { id: String(a.id) }, { action: text })
      if (!ctx.live()) return
      delete values[a.id]
      const alerts = view.alerts.map((x) => (x.id === done.id ? done : x))
      drawAlerts(ctx, { ...view, alerts, open: Math.max(0, view.open - 1), overdue: Math.max(0, view.overdue - (a.overdue ? 1 : 0)) },
        { values, done: `You acknowledged the alert about ${who}` })
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      drawAlerts(ctx, view, { values, error: { id: a.id, text: err.message.charAt(0).toUpperCase() + err.message.slice(1) } })
    }
  }

  const card = (a: Alert): HTMLElement => {
    const who = a.child_name || `child ${a.child}`
    const open = !a.acknowledged_at
    const failed = a.emails.filter((e) => e.status === 'failed').length
    const id = `action-${a.id}`
    let form: HTMLFormElement | null = null
    if (open) {
      form = h('form', { method: 'post', action: `/api/v1/alerts/${encodeURIComponent(a.id)}/acknowledge`, novalidate: true },
        characterCount(id, 'action', 'What have you done?', st.values[a.id] ?? '', ACTION_MAX, {
          hint: 'For example, who you spoke to, whether they are safe now and what happens next.',
          error: st.error?.id === a.id ? st.error.text : undefined,
          labelClass: 'govuk-label--s',
          rows: 4
        }),
        h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' },
          'Acknowledge', h('span', { class: 'govuk-visually-hidden' }, ` the alert about ${who}`)))
      const area = form.querySelector('textarea') as HTMLTextAreaElement
      area.dataset.alert = String(a.id)
      form.addEventListener('submit', (e) => {
        e.preventDefault()
        void acknowledge(a, who)
      })
    }
    return h('div', { class: 'govuk-summary-card', id: `alert-${a.id}`, 'data-testid': 'alert' },
      h('div', { class: 'govuk-summary-card__title-wrapper' },
        h('h2', { class: 'govuk-summary-card__title' }, one ? 'The alert' : a.child_name || `Child ${a.child}`)),
      h('div', { class: 'govuk-summary-card__content' },
        summaryList([
          ['Status', [
            open ? (a.overdue ? tag('Overdue', 'govuk-tag--red') : tag('Open', 'govuk-tag--yellow')) : tag('Acknowledged', 'govuk-tag--green'),
            failed ? [' ', tag(failed === 1 ? 'An email failed' : `${num(failed, 0)} emails failed`, 'govuk-tag--red')] : null]],
          ['Child', childCell(a)],
          ...(can('statements') ? [['Their message', link(withQuery(`/statements/${encodeURIComponent(a.statement_id)}`, { la: a.la }), 'Read their message')] as [string, Child]] : []),
          ['Raised', dateTime(a.raised_at)],
          ['Due by', dateTime(a.due_at)],
          ['Level', levelWords(a.level)],
          ['Who was told', a.told.length
            ? h('ul', { class: 'govuk-list govuk-!-margin-bottom-0' }, a.told.map((t) => h('li', null,
              `${t.name || t.username}, ${dateTime(t.at)}${t.level ? ` (escalation ${num(t.level, 0)})` : ''}`)))
            : 'Nobody yet'],
          ['Emails', a.emails.length
            ? h('ul', { class: 'govuk-list govuk-!-margin-bottom-0 app-message', 'data-testid': 'alert-emails' }, a.emails.map((e) => h('li', null, emailLine(e))))
            : 'None: nobody told has an email address in Hearth'],
          ...(open ? [] : [
            ['Acknowledged', `${a.acknowledged_by}, ${dateTime(a.acknowledged_at)}`] as [string, Child],
            ['What was done', a.action ? h('span', { class: 'app-message' }, a.action) : 'Shown only to staff who work with the child'] as [string, Child]
          ])
        ]),
        form))
  }

  const failedEmails = view.alerts.reduce((n, a) => n + a.emails.filter((e) => e.status === 'failed').length, 0)
  const tabs: ['open' | 'all', string][] = [['open', `Open (${num(view.open, 0)})`], ['all', 'All']]
  const nav = one ? null : h('nav', { class: 'app-no-print', 'aria-label': 'Which alerts' },
    h('ul', { class: 'govuk-list app-inline-list' }, tabs.map(([s, text]) => h('li', null,
      s === view.state
        ? h('strong', { 'aria-current': 'page' }, text)
        : link(withQuery('/alerts', { la: ctx.query.get('la'), state: s === 'open' ? null : s }), text)))))

  fill(ctx.main,
    one ? backLink(withQuery('/alerts', { la: ctx.query.get('la') }), 'Back to safety alerts') : null,
    items.length ? errorSummary(items) : null,
    st.done ? notification(st.done, null, true) : null,
    heading(title, `Council ${view.la}`),
    one ? null : [
      p('When a child or young person says they do not feel safe, their worker and the worker’s manager are told at once. Each alert must be acknowledged by the time it is due, saying what was done, or it is escalated to the next manager.'),
      h('ul', { class: 'app-summary-cards', 'aria-label': 'Summary' },
        h('li', { class: 'app-summary-card app-summary-card--overdue' }, h('span', { class: 'app-summary-card__count' }, num(view.overdue, 0)), 'overdue'),
        h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, num(view.open, 0)), 'open'))
    ],
    failedEmails
      ? warning(`${failedEmails === 1 ? 'An email' : `${num(failedEmails, 0)} emails`} telling someone of ${one ? 'this alert' : 'these alerts'} could not be sent. They may not know: tell them yourself.`)
      : null,
    nav,
    view.alerts.length
      ? view.alerts.map(card)
      : p(view.state === 'open' ? 'There are no open alerts.' : 'There have been no alerts.'))
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary, .govuk-notification-banner--success') as HTMLElement | null)?.focus()
}
