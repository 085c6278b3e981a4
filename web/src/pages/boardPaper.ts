// What the Board takes to its meeting, on the scorecard page: what is off target first (with
// links), a choice to show only those tiles, and the paper to download (PDF or HTML from the
// server's A4 Board paper, or the analysts' workbook), in the role's own view.
import { h } from '../dom'
import { link, ragTag, withQuery } from '../components'
import { formatValue } from '../format'
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

/** Download links for the paper and the workbook, at the page's council, period and date. */
export function paperDownloads(params: Record<string, string | null | undefined>): HTMLElement {
  const href = (format: string) => withQuery('/api/v1/scorecard/paper', { ...params, format })
  const a = (format: string, text: string, secondary: boolean) =>
    h('a', { href: href(format), download: '', class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, 'data-module': 'govuk-button', role: 'button', draggable: 'false' }, text)
  return h('div', { class: 'govuk-button-group app-no-print' },
    a('pdf', 'Download the Board paper (PDF)', false),
    a('xlsx', 'Download as Excel', true),
    a('html', 'Board paper as a web page', true))
}
