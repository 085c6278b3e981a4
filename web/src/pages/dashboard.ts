// The Board's dashboard: one tile per scorecard indicator, grouped by the strategy's themes.
import { h, fill } from '../dom'
import { heading, p, link, ragTag, lazyDetails, table, inset, select, withQuery, warning } from '../components'
import { get } from '../api'
import { formatValue, polarityWords, date, num, SUPPRESSED_TEXT } from '../format'
import { sparkline } from '../charts'
import { offTargetSummary, paperDownloads } from './boardPaper'
import { councilFrom } from '../session'
import { plainAudience, plainReason } from '../plain'
import { setTitle, navigate, type Ctx } from '../router'
import type { Comparator, Comparators, ScorecardIndicator, Unit, Value } from '../types'

const COMPARATOR_ORDER: (keyof Comparators)[] = ['england', 'statistical_neighbours', 'region']

export function comparatorName(key: string, name: string): string {
  if (name) return name
  if (key === 'england') return 'England'
  if (key === 'statistical_neighbours') return 'Statistical neighbours'
  if (key === 'region') return 'Region'
  return key
}

export function orderedComparators(ind: ScorecardIndicator): [keyof Comparators, Comparator][] {
  const out: [keyof Comparators, Comparator][] = []
  for (const key of COMPARATOR_ORDER) {
    const c = ind.comparators[key]
    if (c) out.push([key, c])
  }
  return out
}

/** The value with its suppression explained when it is "c". */
export function valueWithNote(v: Value, unit: Unit, suppressed?: boolean): HTMLElement {
  if (v === 'c' || suppressed) {
    return h('span', null, 'c', h('span', { class: 'govuk-body-s govuk-!-display-block govuk-!-font-weight-regular' }, `c: ${SUPPRESSED_TEXT}`))
  }
  return h('span', null, formatValue(v, unit))
}

function tile(ind: ScorecardIndicator, la: string): HTMLElement {
  const why = ind.why
  const href = withQuery(`/scorecard/${encodeURIComponent(ind.id)}`, { la })
  const titleId = `tile-${ind.id}`
  const comps = orderedComparators(ind)
  const valueIsC = ind.value === 'c' || ind.suppressed === true
  return h('li', { class: `app-tile${ind.rag ? ` app-tile--${ind.rag}` : ''}`, 'data-indicator': ind.id },
    h('h3', { class: 'govuk-heading-s app-tile__title', id: titleId }, link(href, ind.title)),
    !ind.available
      ? [h('p', { class: 'app-tile__value' }, h('span', { class: 'govuk-visually-hidden' }, 'Value: '), 'Not available'),
        h('p', { class: 'govuk-body-s' }, plainAudience() ? plainReason(ind.reason) : ind.reason ?? 'Hearth does not hold the data this indicator needs.')]
      : [
          h('p', { class: 'app-tile__value' }, h('span', { class: 'govuk-visually-hidden' }, 'Value: '),
            valueIsC ? 'c' : ind.unit === 'rate_per_10000' && typeof ind.value === 'number'
              ? [num(ind.value), h('span', { class: 'app-tile__unit' }, ' per 10,000 children')]
              : formatValue(ind.value, ind.unit)),
          valueIsC ? h('p', { class: 'govuk-body-s', 'data-suppressed': 'true' }, `c: ${SUPPRESSED_TEXT}.`) : null,
          h('p', { class: 'govuk-body-s app-tile__meta' },
            ind.target !== null ? [ragTag(ind.rag), ' '] : null,
            h('span', { class: 'govuk-!-display-block govuk-!-margin-top-1' },
              ind.target !== null ? `Target ${formatValue(ind.target, ind.unit)}. ` : 'No target set. ',
              polarityWords(ind.polarity) + '.')),
          comps.length
            ? h('dl', { class: 'app-comparators' },
              comps.map(([key, c]) => [h('dt', null, comparatorName(key, c.name)), h('dd', null, ind.unit === 'rate_per_10000' ? num(c.value) : formatValue(c.value, ind.unit))]))
            : null,
          ind.trend.length ? sparkline(ind.trend, ind.unit, ind.target, ind.title) : null
        ],
    why ? h('p', { class: 'govuk-body-s app-tile__why' }, h('span', { class: 'govuk-visually-hidden' }, 'Why it matters: '), why) : null,
    ind.available && ind.trend.length
      ? lazyDetails('Show the trend as a table', () =>
        table(`${ind.title}: ${ind.trend.length === 5 ? 'by year' : 'by period'}`, [
          { head: 'Period', cell: (r) => r.period, rowHeader: true },
          { head: 'Value', cell: (r) => formatValue(r.value, ind.unit), numeric: true }
        ], ind.trend, { captionClass: 'govuk-table__caption--s', small: true }))
      : null)
}

/** The scorecard request the page makes: also started by the router before the session is known
 * (no la: the server takes the user's first council, as councilFrom does). */
export function scorecardQuery(q: URLSearchParams): { la: string | null; period: string; as_of: string | null } {
  return { la: q.get('la'), period: q.get('period') ?? '', as_of: q.get('as_of') }
}

export async function dashboardPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const period = ctx.query.get('period') ?? ''
  const offOnly = ctx.query.get('show') === 'off_target'
  // The scorecard carries each indicator's "why it matters" itself: the indicator registry
  // (nearly half the page's bytes) is not fetched here.
  const sc = await get('/scorecard', scorecardQuery(ctx.query))
  if (!ctx.live()) return
  setTitle('Children in care scorecard')

  const sections: string[] = []
  for (const i of sc.indicators) if (!sections.includes(i.section)) sections.push(i.section)
  const counts = { red: 0, amber: 0, green: 0 }
  for (const i of sc.indicators) if (i.rag) counts[i.rag] += 1

  const periodForm = h('form', { method: 'get', action: '/', class: 'app-filter' },
    h('div', { class: 'app-filter__row' },
      select('period', 'period', 'Period', [
        { value: '', text: 'Quarter (default)' }, { value: 'quarter', text: 'Quarter' },
        { value: 'month', text: 'Month' }, { value: 'year', text: 'Financial year' }
      ], period),
      h('div', { class: 'govuk-form-group' },
        h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
          h('div', { class: 'govuk-checkboxes__item' },
            h('input', { class: 'govuk-checkboxes__input', id: 'show', name: 'show', type: 'checkbox', value: 'off_target', ...(offOnly ? { checked: '' } : {}) }),
            h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'show' }, 'Show only indicators off or near target')))),
      h('div', { class: 'govuk-form-group' }, h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Show'))))
  periodForm.addEventListener('submit', (e) => {
    e.preventDefault()
    const v = (periodForm.querySelector('select') as HTMLSelectElement).value
    const show = (periodForm.querySelector('#show') as HTMLInputElement).checked ? 'off_target' : null
    navigate(withQuery('/', { la: ctx.query.get('la'), period: v, as_of: ctx.query.get('as_of'), show }))
  })

  fill(ctx.main, 
    heading('Children in care scorecard', `${sc.la_name} · ${sc.period.label}`),
    p(`Figures for ${date(sc.period.start)} to ${date(sc.period.end)}, from data up to ${date(sc.as_of)}. `,
      `${counts.red} indicators are off target (red), ${counts.amber} near target (amber) and ${counts.green} on target (green).`),
    sc.warning ? warning(`These figures are as at ${date(sc.as_of)}, the end of the council's latest return. ${sc.warning}`) : null,
    sc.suppression.applied
      ? inset(h('strong', null, 'Some figures show c. '), `c means ${SUPPRESSED_TEXT} (numbers from 1 to ${Math.max(1, (sc.suppression.threshold || 5) - 1)} are hidden, and figures that would reveal them).`)
      : null,
    paperDownloads({ la: ctx.query.get('la'), period, as_of: ctx.query.get('as_of') }),
    offTargetSummary(sc.indicators, la),
    periodForm,
    offOnly ? p(`Showing the ${counts.red + counts.amber} indicators off or near target. Untick the box and choose Show to see every indicator.`) : null,
    sections.map((sec) => {
      const shown = sc.indicators.filter((i) => i.section === sec && (!offOnly || i.rag === 'red' || i.rag === 'amber'))
      if (shown.length === 0) return null
      const id = 'section-' + sec.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      return h('section', { 'aria-labelledby': id, class: 'app-section' },
        h('h2', { class: 'govuk-heading-m', id }, sec),
        h('ul', { class: 'app-tiles' }, shown.map((i) => tile(i, la))))
    }))
}
