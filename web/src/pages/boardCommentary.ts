// The officers' commentary on the figures (docs/papers.md): for a quarter, what is behind each
// figure and what is being done about it; for a year, the annual report's written sections in the
// report's order; each piece as written last, by whom and when, and every version before it. The
// Board's officer, analysts and managers write it (boardCommentaryEdit.ts). The words are Markdown
// the server renders into HTML that carries nothing active. Nothing here names a child.
import { h, fill, type Child } from '../dom'
import { heading, p, link, table, summaryList, details, inset, withQuery, backLink } from '../components'
import { get, ApiError } from '../api'
import { boardGet } from '../boardApi'
import { date, dateTime, plural, words, yearWords } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { Commentary, CommentaryList, CommentaryPart } from '../boardTypes'
import type { IndicatorDefinition } from '../types'
import { boardNav, may, hint, messages, settle, takeFlash } from './boardParts'
import { annualReportLinks } from './boardPaper'
import { realDay } from './listening'

// ---- shared with the form that writes it ----------------------------------------------------

export const PART_TITLES: Record<CommentaryPart, string> = {
  behind: 'What is behind this figure',
  doing: 'What we are doing about it',
  text: 'What the report says'
}

/** A figure's commentary has two parts; a section of the annual report, one. */
export function partsOf(subject: string): CommentaryPart[] {
  return subject.startsWith('indicator:') ? ['behind', 'doing'] : ['text']
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2026-03-31" → "January to March 2026"; a year "2025-26" → "April 2025 to March 2026". */
export function periodWords(period: string): string {
  const q = /^(\d{4})-(\d{2})-\d{2}$/.exec(period)
  if (q && Number(q[2]) >= 3) return `${MONTHS[Number(q[2]) - 3]} to ${MONTHS[Number(q[2]) - 1]} ${q[1]}`
  const y = /^(\d{4})-\d{2}$/.exec(period)
  if (y) return `April ${y[1]} to March ${Number(y[1]) + 1}`
  return period
}

/** The server's rendered Markdown. It is safe to put in as HTML: the server leaves nothing
 * active in it (raw HTML shows as text; links only to http, https, mailto and this site). */
export function rendered(html: string): HTMLElement {
  const d = h('div', { class: 'app-commentary' })
  d.innerHTML = html
  return d
}

export function byline(c: Commentary): HTMLElement {
  return hint(`${c.body.trim() ? 'Written' : 'Cleared'} by ${c.written_by}, ${dateTime(c.written_at)}`)
}

/** A piece's words with who wrote them and when, or that nothing is written. */
export function pieceWords(c: Commentary | undefined): Child {
  return c && c.body.trim() ? [rendered(c.html), byline(c)] : [h('p', { class: 'govuk-body govuk-!-margin-bottom-0' }, 'Nothing written yet.'), c ? byline(c) : null]
}

/** The newest version of each piece, by subject and part. */
export type Pieces = Map<string, Partial<Record<CommentaryPart, Commentary>>>

export function piecesOf(items: Commentary[]): Pieces {
  const out: Pieces = new Map()
  for (const c of items) out.set(c.subject, { ...out.get(c.subject), [c.part]: c })
  return out
}

const written = (parts: Partial<Record<CommentaryPart, Commentary>> | undefined) => Object.values(parts ?? {}).some((c) => c.body.trim() !== '')

export const editHref = (subject: string, period: string, la: string | null) => withQuery('/board/commentary/edit', { la, subject, period })
export const historyHref = (subject: string, period: string, la: string | null) => withQuery('/board/commentary/history', { la, subject, period })
export const listHref = (period: string, la: string | null) => withQuery('/board/commentary', { la, period })

/** The page's caption: the quarter, or the year of the annual report. */
export function periodCaption(list: CommentaryList): string {
  return list.kind === 'quarter' ? `${periodWords(list.period)} (${list.period_label})` : `The annual report, ${periodWords(list.period)}`
}

/** A piece of commentary the address names, with its title and the period's list. */
export interface PieceContext { subject: string; period: string; title: string; parts: CommentaryPart[]; list: CommentaryList }

/** The piece ?subject=&period= names: 404 for a subject with no title, or one of the other kind of period. */
export async function pieceContext(ctx: Ctx): Promise<PieceContext> {
  const subject = ctx.query.get('subject') ?? ''
  const figure = subject.startsWith('indicator:')
  const notFound = () => new ApiError(404, { code: 'not_found', message: 'No such commentary' })
  if (!figure && !subject.startsWith('annual:')) throw notFound()
  const la = councilFrom(ctx.query)
  const [list, defs] = await Promise.all([boardGet('/commentary', { la, period: ctx.query.get('period') ?? '' }), figure ? get('/indicators') : null])
  if ((list.kind === 'quarter') !== figure) throw notFound()
  const title = figure
    ? defs?.items.find((d) => `indicator:${d.id}` === subject)?.title
    : list.sections.find((s) => `annual:${s.id}` === subject)?.title ?? words(subject.slice(7))
  if (!title) throw notFound()
  return { subject, period: list.period, title, parts: partsOf(subject), list }
}

// ---- the commentary for a period ------------------------------------------------------------

/** One piece as a summary card: its title, Edit (or Write) and History, and its words. */
function pieceCard(subject: string, title: string, titleHref: string | null, parts: Partial<Record<CommentaryPart, Commentary>> | undefined,
  list: CommentaryList, la: string | null, editable: boolean): HTMLElement {
  const hidden = (text: string) => h('span', { class: 'govuk-visually-hidden' }, text)
  const action = (href: string, text: string) => h('li', { class: 'govuk-summary-card__action' }, link(href, [text, hidden(` commentary on ${title}`)]))
  const kinds = partsOf(subject)
  return h('div', { class: 'govuk-summary-card', 'data-subject': subject },
    h('div', { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, titleHref ? link(titleHref, title) : title),
      h('ul', { class: 'govuk-summary-card__actions' },
        editable ? action(editHref(subject, list.period, la), written(parts) ? 'Edit' : 'Write') : null,
        parts && Object.keys(parts).length ? action(historyHref(subject, list.period, la), 'History') : null)),
    h('div', { class: 'govuk-summary-card__content' },
      kinds.length > 1 ? summaryList(kinds.map((k) => [PART_TITLES[k], pieceWords(parts?.[k])])) : pieceWords(parts?.[kinds[0]])))
}

function periodForm(list: CommentaryList, la: string | null): HTMLFormElement {
  const option = (value: string, text: string) => h('option', { value, selected: value === list.period }, text)
  const known = [...list.quarters, ...list.years].includes(list.period)
  const form = h('form', { method: 'get', action: '/board/commentary', class: 'app-filter', 'aria-label': 'Choose the period' },
    h('div', { class: 'app-filter__row' },
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'period' }, 'Period'),
        h('select', { class: 'govuk-select', id: 'period', name: 'period' },
          known ? null : option(list.period, periodWords(list.period)),
          h('optgroup', { label: 'Quarters: the figures' }, list.quarters.map((q) => option(q, periodWords(q)))),
          h('optgroup', { label: 'Years: the annual report' }, list.years.map((y) => option(y, `${yearWords(y)} annual report`))))),
      h('div', { class: 'govuk-form-group' },
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Show'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    navigate(listHref((form.querySelector('#period') as HTMLSelectElement).value, la))
  })
  return form
}

export async function boardCommentaryPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  const period = ctx.query.get('period') ?? ''
  // (a date that is not one is left out: the commentary as it is now)
  const asAt = realDay(ctx.query.get('as_at') ?? '') ? ctx.query.get('as_at') ?? '' : ''
  const year = /^\d{4}-\d{2}$/.test(period)
  const [list, defs] = await Promise.all([boardGet('/commentary', { la, period, as_at: asAt }), year ? null : get('/indicators')])
  if (!ctx.live()) return
  setTitle('Commentary on the figures')
  const pieces = piecesOf(list.items)
  // Writing is for now: a page of the words as they were offers no Edit.
  const editable = may('write_commentary') && list.can_write && !list.as_at
  const section = (text: string) => h('h2', { class: 'govuk-heading-m app-section-break' }, text)

  let body: Child
  if (list.kind === 'quarter') {
    const all: IndicatorDefinition[] = defs?.items ?? []
    const withWords = all.filter((d) => written(pieces.get(`indicator:${d.id}`)))
    const without = all.filter((d) => !written(pieces.get(`indicator:${d.id}`)))
    const figureHref = (d: IndicatorDefinition) => (can('scorecard') ? withQuery(`/scorecard/${encodeURIComponent(d.id)}`, { la: laParam }) : null)
    body = [
      p('For each figure, what is behind it and what is being done about it. The meeting packs print the words as they stood on the meeting’s day.'),
      section(`Figures with commentary (${withWords.length})`),
      withWords.length
        ? withWords.map((d) => pieceCard(`indicator:${d.id}`, d.title, figureHref(d), pieces.get(`indicator:${d.id}`), list, laParam, editable))
        : p('No figure has commentary for this quarter yet.'),
      section(`Figures with no commentary (${without.length})`),
      !without.length
        ? p('Every figure has commentary for this quarter.')
        : editable
          ? table(`Figures with no commentary for ${periodWords(list.period)}`, [
              { head: 'Figure', cell: (d: IndicatorDefinition) => [d.title, hint(d.section)], rowHeader: true },
              { head: 'Commentary', cell: (d) => link(editHref(`indicator:${d.id}`, list.period, laParam), ['Write', h('span', { class: 'govuk-visually-hidden' }, ` commentary on ${d.title}`)]) }
            ], without, { small: true, captionClass: 'govuk-visually-hidden' })
          : details(`The ${plural(without.length, 'figure')} with no commentary`,
            h('ul', { class: 'govuk-list govuk-list--bullet' }, without.map((d) => h('li', null, d.title))))
    ]
  } else {
    // the report's sections in order, then any written for a section it no longer has
    const known = new Set(list.sections.map((s) => `annual:${s.id}`))
    const others = [...pieces.keys()].filter((s) => s.startsWith('annual:') && !known.has(s)).map((s) => ({ id: s.slice(7), title: words(s.slice(7)) }))
    const ended = list.years.includes(list.period)
    body = [
      p('The written sections of the annual corporate parenting report, in the report’s order.'),
      ended && can('scorecard') ? [p('The report for this year to download:'), annualReportLinks(laParam, list.period)] : null,
      section('Sections of the annual report'),
      [...list.sections, ...others].map((s) => pieceCard(`annual:${s.id}`, s.title, null, pieces.get(`annual:${s.id}`), list, laParam, editable))
    ]
  }

  fill(ctx.main,
    messages([], takeFlash(ctx.path)),
    heading('Commentary on the figures', periodCaption(list)),
    boardNav('/board/commentary', laParam),
    periodForm(list, laParam),
    list.as_at ? inset(`The commentary as written by the end of ${date(list.as_at)}. `, link(listHref(list.period, laParam), 'See it as it is now')) : null,
    body)
  settle(ctx.main)
}

// ---- every version of one piece -------------------------------------------------------------

export async function commentaryHistoryPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  const pc = await pieceContext(ctx)
  const histories = await Promise.all(pc.parts.map((part) => boardGet('/commentary/history', { la, subject: pc.subject, period: pc.period, part })))
  if (!ctx.live()) return
  setTitle(`History: ${pc.title}`)
  fill(ctx.main,
    backLink(listHref(pc.period, laParam), 'Back to the commentary'),
    heading(`History: ${pc.title}`, periodCaption(pc.list)),
    p('Every version, oldest first: nothing written is changed or taken away, and each paper prints the version that stood on its day.'),
    may('write_commentary') && pc.list.can_write ? p(link(editHref(pc.subject, pc.period, laParam), ['Edit', h('span', { class: 'govuk-visually-hidden' }, ` commentary on ${pc.title}`)])) : null,
    pc.parts.map((part, i) => {
      const items = histories[i].items
      return [
        h('h2', { class: 'govuk-heading-m app-section-break' }, pc.parts.length > 1 ? PART_TITLES[part] : 'Every version'),
        items.length
          ? items.map((c, n) => h('div', { class: 'govuk-summary-card', 'data-testid': 'version' },
              h('div', { class: 'govuk-summary-card__title-wrapper' },
                h('h3', { class: 'govuk-summary-card__title' }, `Version ${n + 1}${n === items.length - 1 ? ' (the current one)' : ''}`)),
              h('div', { class: 'govuk-summary-card__content' },
                c.body.trim() ? rendered(c.html) : p('The words were taken out.'), byline(c))))
          : p('Nothing has been written.')
      ]
    }))
  settle(ctx.main)
}
