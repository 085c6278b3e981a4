// What the Board takes to its meeting, on the scorecard page: what is off target first (with
// links), a choice to show only those tiles, and the paper to download (PDF or HTML from the
// server's A4 Board paper, or the analysts' workbook), in the role's own view; the same download
// links serve the meeting pack and the annual report.
import { h, type Child } from '../dom'
import { link, ragTag, summaryList, withQuery } from '../components'
import { formatValue, yearWords } from '../format'
import { today } from './listening'
import type { ScorecardIndicator } from '../types'

/** The red, then amber, indicators as a list of links, or a sentence when there are none. */
export function offTargetSummary(indicators: ScorecardIndicator[], la: string): HTMLElement {
  const rows = (rag: 'red' | 'amber') => indicators.filter((i) => i.rag === rag)
  const item = (i: ScorecardIndicator) => h('li', null,
    link(withQuery(`/scorecard/${encodeURIComponent(i.id)}`, { la }), i.title), ': ',
    formatValue(i.value, i.unit),
    i.target !== null ? ` against a target of ${formatValue(i.target, i.unit)}` : '')
  const red = rows('red')
  const amber = rows('amber')
  const anyRated = indicators.some((i) => i.rag)
  return h('section', { class: 'app-attention', 'aria-labelledby': 'attention-title' },
    h('h2', { class: 'govuk-heading-m', id: 'attention-title' }, 'Needs the Board’s attention'),
    red.length === 0 && amber.length === 0
      ? h('p', { class: 'govuk-body' }, anyRated ? 'Every indicator with a target is on target this period.' : 'No indicator has both a target and a figure this period.')
      : null,
    red.length ? [h('h3', { class: 'govuk-heading-s' }, ragTag('red'), ` ${red.length} off target`), h('ul', { class: 'govuk-list govuk-list--bullet' }, red.map(item))] : null,
    amber.length ? [h('h3', { class: 'govuk-heading-s' }, ragTag('amber'), ` ${amber.length} near target`), h('ul', { class: 'govuk-list govuk-list--bullet' }, amber.map(item))] : null)
}

/** One download: the format the server is asked for, and the words on its button or link. */
export interface Download { format: string; text: Child }

/** The scorecard's Board paper: the paper as PDF, the analysts' workbook, the paper as a web page. */
const SCORECARD_PAPER: Download[] = [
  { format: 'pdf', text: 'Download the Board paper (PDF)' },
  { format: 'xlsx', text: 'Download as Excel' },
  { format: 'html', text: 'Board paper as a web page' }
]

export interface DownloadOpts {
  /** the API route that makes the paper (default: the scorecard's Board paper) */
  path?: string
  /** its formats, the first the main one (default: the scorecard paper's) */
  downloads?: Download[]
  /** a row of links rather than buttons: several papers in one place (the annual reports) */
  links?: boolean
}

/**
 * Download links for a paper at the page's council, period and date: the scorecard's Board paper
 * and workbook by default, or another paper of the server's (the meeting pack, the annual report)
 * with its own route and words. As buttons, the first the main one; or as a row of links.
 */
export function paperDownloads(params: Record<string, string | null | undefined>, o: DownloadOpts = {}): HTMLElement {
  const path = o.path ?? '/api/v1/scorecard/paper'
  const href = (format: string) => withQuery(path, { ...params, format })
  const items = o.downloads ?? SCORECARD_PAPER
  if (o.links) {
    return h('ul', { class: 'govuk-list app-inline-list app-no-print' },
      items.map((d) => h('li', null, h('a', { class: 'govuk-link', href: href(d.format), download: '' }, d.text))))
  }
  const a = (d: Download, secondary: boolean) =>
    h('a', { href: href(d.format), download: '', class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, 'data-module': 'govuk-button', role: 'button', draggable: 'false' }, d.text)
  return h('div', { class: 'govuk-button-group app-no-print' }, items.map((d, i) => a(d, i > 0)))
}

// ---- the annual corporate parenting report -------------------------------------------------

/** The years (April to March, written 2025-26) that have ended by `day`, the last first. */
export function endedYears(day = today(), n = 3): string[] {
  const y = Number(day.slice(0, 4))
  const last = day >= `${y}-04-01` ? y : y - 1 // the year that ended on 31 March `last`
  return Array.from({ length: n }, (_, k) => `${last - 1 - k}-${String((last - k) % 100).padStart(2, '0')}`)
}

/** One year's report as a row of links: PDF, web page, the spreadsheet of its figures. */
export function annualReportLinks(la: string | null, year: string): HTMLElement {
  const which = h('span', { class: 'govuk-visually-hidden' }, ` of the ${yearWords(year)} report`)
  return paperDownloads({ la, year }, {
    path: '/api/v1/annual-report',
    links: true,
    downloads: [
      { format: 'pdf', text: ['Download (PDF)', which] },
      { format: 'html', text: ['HTML', which.cloneNode(true)] },
      { format: 'xlsx', text: ['Spreadsheet of every figure (XLSX)', which.cloneNode(true)] }
    ]
  })
}

/** The annual reports of the years that have ended, each with its downloads. */
export function annualReports(la: string | null, years: string[]): HTMLElement[] {
  return [
    h('h2', { class: 'govuk-heading-m app-section-break', id: 'annual-report' }, 'Annual corporate parenting report'),
    h('p', { class: 'govuk-body' }, 'Each year’s report to the council, April to March: the priorities, the figures, the officers’ commentary and the Board’s business. Board members’ copies have small numbers suppressed.'),
    summaryList(years.map((y) => [yearWords(y), annualReportLinks(la, y)]))
  ]
}
