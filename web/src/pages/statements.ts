// Messages from children (issue 16): the statements children and young people send their worker in
// Hearth, as the staff who work with them see them — the inbox, unread first and a page at a time
// from the server, and one message with its replies and the form to answer it. What a young
// person wrote goes on the page as text, never as markup (dom.ts). Opening a message is audited,
// and the first time someone who works with the child opens it, it is no longer new.
import { h, fill, type Child } from '../dom'
import { heading, p, link, tag, table, pagination, withQuery, backLink, summaryList, warning, notification, errorSummary, characterCount, inset, type Column, type ErrorItem } from '../components'
import { get, post, ApiError } from '../api'
import { dateTime, num, plural, MOOD_WORDS, TOPIC_WORDS, PURPOSE, voiceWords } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { Statement, StatementSummary } from '../types'
import { pageOf, PER_PAGE } from './worklistParts'

/** The longest reply the server takes, in characters as the page counts them. */
export const REPLY_MAX = 2000

const hint = (text: Child) => h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, text)

/** The child a message or alert is about: their name (when the user may see names) and the 903
 * id as the reference, linked to their record for those who may open it. */
export function childCell(s: { la: string; child: string; child_name: string }): Child[] {
  const name: Child = s.child_name || h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Child '), s.child)
  const href = withQuery(`/children/${encodeURIComponent(s.child)}`, { la: s.la })
  return [can('children') ? link(href, name) : name, s.child_name ? hint(s.child) : null]
}

/** "Olivia" from "Olivia Smith": how a reply's confirmation names the young person. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || 'The young person'
}

/** What stands out about a message: it says they do not feel safe (and where its alert is), or
 * they want to prepare for a review or share good news. */
function flags(s: StatementSummary): Child[] {
  const out: Child[] = []
  if (s.unsafe) {
    out.push(tag('Doesn\'t feel safe', 'govuk-tag--red'))
    if (s.alert) out.push(hint(s.alert.acknowledged ? 'Alert acknowledged' : s.alert.overdue ? 'Alert not acknowledged: overdue' : 'Alert not acknowledged yet'))
  }
  if (s.purpose) out.push(out.length ? ' ' : null, tag(PURPOSE[s.purpose].text, PURPOSE[s.purpose].tag))
  return out
}

// ---- the inbox -----------------------------------------------------------------------------

export async function statementsPage(ctx: Ctx): Promise<void> {
  const q = ctx.query
  const la = councilFrom(q)
  const onlyNew = q.get('unread') === 'true'
  const page = pageOf(q)
  const list = await get('/statements', { la, unread: onlyNew ? 'true' : '', page, per_page: PER_PAGE })
  if (!ctx.live()) return
  const title = 'Messages from children'
  setTitle(page > 1 ? `${title} (page ${page})` : title)
  const keep = { la: q.get('la') ?? '', unread: onlyNew ? 'true' : '' }

  const form = h('form', { method: 'get', action: '/statements', class: 'app-filter', 'aria-label': 'Filter the messages' },
    h('div', { class: 'app-filter__row' },
      h('div', { class: 'govuk-form-group' },
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
          h('div', { class: 'govuk-checkboxes__item' },
            h('input', { class: 'govuk-checkboxes__input', id: 'filter-unread', name: 'unread', type: 'checkbox', value: 'true', checked: onlyNew }),
            h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'filter-unread' }, 'Only new')))),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Apply filter'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const checked = (form.querySelector('#filter-unread') as HTMLInputElement).checked
    navigate(withQuery('/statements', { la: keep.la, unread: checked ? 'true' : '' }))
  })

  const columns: Column<StatementSummary>[] = [
    {
      head: 'Child',
      rowHeader: true,
      // a new message: a bold "New" before the name
      cell: (s) => [s.read ? null : [tag('New', 'govuk-tag--blue govuk-!-font-weight-bold'), ' '], ...childCell(s)]
    },
    {
      head: 'Sent',
      cell: (s) => link(`/statements/${encodeURIComponent(s.id)}`, [h('span', { class: 'govuk-visually-hidden' }, `Read the message${s.child_name ? ` from ${s.child_name}` : ''} sent `), dateTime(s.created_at)])
    },
    { head: 'Mood', cell: (s) => voiceWords(MOOD_WORDS, s.mood) },
    { head: 'Topic', cell: (s) => voiceWords(TOPIC_WORDS, s.topic) },
    { head: 'Flags', cell: flags },
    { head: 'Replies', cell: (s) => num(s.replies, 0), numeric: true }
  ]

  const rows = list.items
  const from = (list.page - 1) * list.per_page + 1
  const to = from + rows.length - 1
  const caption = `${plural(list.total, onlyNew ? 'new message' : 'message')}${list.total > list.per_page ? `: ${num(from, 0)} to ${num(to, 0)}` : ''}`
  const empty = list.total
    ? p('There are no messages on this page. ', link(withQuery('/statements', keep), 'Go to the first page'))
    : onlyNew
      ? p('There are no new messages: someone who works with each child has read every one. ', link(withQuery('/statements', { la: keep.la }), 'See every message'))
      : p('No messages yet. When a child or young person you work with sends a message in Hearth, it appears here.')

  fill(ctx.main,
    heading(title, `Council ${la}`),
    p('What the children and young people you work with have sent in Hearth, newest first. New messages, not yet read by anyone who works with the child, come first.'),
    h('ul', { class: 'app-summary-cards', 'aria-label': 'Summary' },
      h('li', { class: 'app-summary-card' }, h('span', { class: 'app-summary-card__count' }, num(list.unread, 0)), 'new')),
    form,
    rows.length ? table(caption, columns, rows, { small: true, captionClass: 'govuk-table__caption--s' }) : empty,
    pagination(list.page, list.per_page, list.total, (n) => withQuery('/statements', { ...keep, page: n > 1 ? n : '' })) ?? '')
}

// ---- one message ---------------------------------------------------------------------------

export async function statementPage(ctx: Ctx): Promise<void> {
  const st = await get('/statements/{id}', { id: ctx.params.id })
  if (!ctx.live()) return
  drawStatement(ctx, st, { value: '' })
}

interface ReplyState {
  /** what is in the reply box */
  value: string
  /** the reply box's error */
  error?: string
  /** the server refused the reply */
  server?: string
  /** a reply was just sent */
  sent?: boolean
}

function drawStatement(ctx: Ctx, st: Statement, state: ReplyState): void {
  const who = st.child_name || `child ${st.child}`
  const first = firstName(st.child_name)
  const title = `Message from ${who}`
  const items: ErrorItem[] = []
  if (state.error) items.push({ text: state.error, href: '#reply' })
  if (state.server) items.push({ text: state.server })
  setTitle(items.length ? `Error: ${title}` : title)

  const alert = st.alert
  const alertWarning = alert && !alert.acknowledged
    ? warning(`${st.child_name || 'The young person'} said they do not feel safe. The alert about this message has not been acknowledged${alert.overdue ? ' and is overdue' : ' yet'}. `,
      can('alerts') ? link(withQuery(`/alerts/${encodeURIComponent(alert.id)}`, { la: st.la }), 'Go to the safety alert') : 'Tell their manager now.')
    : null

  const form = h('form', { method: 'post', action: `/api/v1/statements/${encodeURIComponent(st.id)}/replies`, novalidate: true },
    characterCount('reply', 'text', 'Your reply', state.value, REPLY_MAX, {
      hint: `${first === 'The young person' ? 'They' : first} will see your reply, with your name, in Hearth.`,
      error: state.error,
      labelClass: 'govuk-label--s'
    }),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Send reply'))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const text = (form.querySelector('#reply') as HTMLTextAreaElement).value
    if (!text.trim()) return drawStatement(ctx, st, { value: text, error: 'Enter your reply' })
    if (text.length > REPLY_MAX) return drawStatement(ctx, st, { value: text, error: `Your reply must be ${num(REPLY_MAX, 0)} characters or less` })
    try {
      const reply = await post('/statements/{id}/replies', { id: String(st.id) }, { text })
      if (!ctx.live()) return
      drawStatement(ctx, { ...st, read: true, replies: st.replies + 1, last_reply_at: reply.at, replies_list: [...st.replies_list, reply] }, { value: '', sent: true })
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      drawStatement(ctx, st, { value: text, server: err.message.charAt(0).toUpperCase() + err.message.slice(1) })
    }
  })

  const purpose = st.purpose ? PURPOSE[st.purpose] : null
  const replies = st.replies_list
  fill(ctx.main,
    backLink(withQuery('/statements', { la: ctx.query.get('la') }), 'Back to messages'),
    h('div', { class: 'govuk-grid-row' }, h('div', { class: 'govuk-grid-column-two-thirds' },
      items.length ? errorSummary(items) : null,
      state.sent ? notification(`Your reply has been sent. ${first} will see it when they next open Hearth.`, null, true) : null,
      heading(title, `Council ${st.la}`),
      alertWarning,
      summaryList([
        ['Child', childCell(st)],
        ['Sent', [dateTime(st.created_at), st.source && st.source !== 'hearth' ? hint(`Through ${st.source}`) : null]],
        ['Mood', voiceWords(MOOD_WORDS, st.mood)],
        ['Topic', voiceWords(TOPIC_WORDS, st.topic)],
        ...(purpose ? [['They want to', purpose.full] as [string, Child]] : []),
        ...(st.unsafe ? [['Safety', [tag('Doesn\'t feel safe', 'govuk-tag--red'), hint('They chose “I don’t feel safe”.')]] as [string, Child]] : [])
      ]),
      h('h2', { class: 'govuk-heading-m' }, 'What they wrote'),
      st.text ? inset(h('p', { class: 'govuk-body app-message govuk-!-margin-bottom-0', 'data-testid': 'statement-text' }, st.text)) : p('There is no text to show.'),
      h('h2', { class: 'govuk-heading-m' }, replies.length ? `Replies (${num(replies.length, 0)})` : 'Replies'),
      replies.length
        ? h('ol', { class: 'govuk-list', 'data-testid': 'replies' }, replies.map((r) => h('li', { class: 'govuk-!-margin-bottom-4' },
          h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, r.author || 'Someone'), `, ${dateTime(r.at)}`),
          h('p', { class: 'govuk-body app-message govuk-!-margin-bottom-0' }, r.text))))
        : p('Nobody has replied yet.'),
      h('h2', { class: 'govuk-heading-m' }, first === 'The young person' ? 'Reply' : `Reply to ${first}`),
      form)))
  refreshComponents(ctx.main)
  ;(ctx.main.querySelector('.govuk-error-summary, .govuk-notification-banner--success') as HTMLElement | null)?.focus()
}
