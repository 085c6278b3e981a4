// One indicator of the scorecard: its trend against the target, five years, the comparators
// and breakdowns, each chart with the same numbers as a table; and for those who read the Board,
// the officers' commentary on it for the latest quarter.
import { h, fill } from '../dom'
import { heading, p, link, ragTag, details, table, summaryList, backLink, withQuery } from '../components'
import { get, ApiError } from '../api'
import { formatValue, polarityWords, unitWords, date, num, SUPPRESSED_TEXT } from '../format'
import { lineChart, barChart, comparatorLegend, type Reference } from '../charts'
import { councilFrom, can } from '../session'
import { plainAudience, plainReason, plainSource, sourceWords } from '../plain'
import { setTitle, type Ctx } from '../router'
import type { BreakdownRow, Breakdowns, Point, ScorecardIndicator, Unit, Value } from '../types'
import { comparatorName, orderedComparators, valueWithNote } from './dashboard'
import { boardGet } from '../boardApi'
import type { CommentaryList } from '../boardTypes'
import { PART_TITLES, periodWords, pieceWords, listHref } from './boardCommentary'

const DIMENSIONS: Record<keyof Breakdowns, string> = {
  age_band: 'Age band',
  sex: 'Sex',
  ethnicity: 'Ethnicity',
  legal_status: 'Legal status',
  placement_type: 'Placement type',
  uasc: 'Unaccompanied asylum-seeking children',
  team: 'Team',
  area: 'Area'
}

const QUARTERS = ['the top quarter', 'the second quarter', 'the third quarter', 'the bottom quarter']

const fmtCount = (v: Value) => (v === null ? '' : v === 'c' ? 'c' : num(v, 3))

function pointsTable(caption: string, pts: Point[], unit: Unit): HTMLElement {
  const withCounts = pts.some((r) => r.denominator !== null)
  return table(caption, [
    { head: 'Period', cell: (r: Point) => r.period, rowHeader: true },
    { head: 'Value', cell: (r: Point) => formatValue(r.value, unit), numeric: true },
    ...(withCounts ? [
      { head: 'Numerator', cell: (r: Point) => fmtCount(r.numerator), numeric: true },
      { head: 'Denominator', cell: (r: Point) => fmtCount(r.denominator), numeric: true }
    ] : [])
  ], pts, { captionClass: 'govuk-table__caption--s' })
}

/** What officers wrote about this figure for the latest quarter, when they wrote anything. */
function commentary(id: string, list: CommentaryList | null, la: string | null): HTMLElement | null {
  const mine = (list?.items ?? []).filter((c) => c.subject === `indicator:${id}` && c.body.trim())
  if (!list || !mine.length) return null
  const order = ['behind', 'doing']
  mine.sort((x, y) => order.indexOf(x.part) - order.indexOf(y.part))
  return h('section', { 'aria-labelledby': 'commentary-title', 'data-testid': 'commentary' },
    h('h2', { class: 'govuk-heading-m app-section-break', id: 'commentary-title' }, `What officers say, ${periodWords(list.period)}`),
    summaryList(mine.map((c) => [PART_TITLES[c.part], pieceWords(c)])),
    p(link(listHref(list.period, la), 'All the commentary for this quarter')))
}

export async function indicatorPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  // (the commentary is the Board's: a page without it still shows the figures)
  const [reply, notes] = await Promise.all([
    get('/scorecard/{indicator}', { indicator: ctx.params.id, la, period: ctx.query.get('period') }),
    can('board') ? boardGet('/commentary', { la }).catch(() => null) : null
  ])
  if (!ctx.live()) return
  // the scorecard with just this indicator (none when the council's configuration leaves it out)
  const ind: ScorecardIndicator | undefined = reply.indicators[0]
  if (!ind) throw new ApiError(404, { code: 'not_found', message: 'No such indicator' })
  setTitle(ind.title)
  const comps = orderedComparators(ind)
  // published figures drawn on the charts; a suppressed council's figure has none to set them by
  const refs: Reference[] = comps.map(([k, c]) => ({ name: comparatorName(k, c.name), value: c.value, year: c.year }))
  // the Board reads plain words: no file paths or repositories (src/plain.ts)
  const plain = plainAudience()
  const anyC = ind.value === 'c' || ind.suppressed || JSON.stringify(ind).includes('"c"')

  const parts: (Node | null)[] = [
    backLink(withQuery('/', { la: ctx.query.get('la') }), 'Back to the scorecard'),
    heading(ind.title, `${ind.section} · ${reply.period.label}`),
    ind.why ? p(h('strong', null, 'Why it matters: '), ind.why) : null,
    summaryList([
      ['Value', ind.available ? valueWithNote(ind.value, ind.unit, ind.suppressed) : (plain ? plainReason(ind.reason) : ind.reason ?? 'Not available')],
      ['Target', ind.target !== null ? formatValue(ind.target, ind.unit) : 'No target set'],
      ['Rating', ind.target !== null ? ragTag(ind.rag) : 'No target'],
      ['Which way is better', polarityWords(ind.polarity)],
      ...(ind.denominator !== null
        ? [['Children counted', `${fmtCount(ind.numerator)} of ${fmtCount(ind.denominator)}`] as [string, string]]
        : []),
      ['Data source', sourceWords(ind.source, plain)],
      ...(ind.basis_date ? [['Figures as at', date(ind.basis_date)] as [string, string]] : [])
    ]),
    anyC ? p(h('strong', null, 'c'), ` means ${SUPPRESSED_TEXT}.`) : null,
    commentary(ind.id, notes, ctx.query.get('la'))
  ]

  if (ind.trend.length) {
    parts.push(h('h2', { class: 'govuk-heading-m app-section-break' }, 'Trend'),
      p(`${unitWords(ind.unit)[0].toUpperCase() + unitWords(ind.unit).slice(1)} for each period${ind.target !== null ? ', with the target as a dashed line' : ''}.`),
      lineChart(ind.trend, ind.unit, ind.target, `${ind.title}, trend`, refs),
      comparatorLegend(refs, ind.unit),
      details('Show the trend as a table', pointsTable(`${ind.title}: trend by period`, ind.trend, ind.unit)))
  }
  if (ind.years.length) {
    parts.push(h('h2', { class: 'govuk-heading-m app-section-break' }, `The last ${ind.years.length} years`),
      lineChart(ind.years, ind.unit, ind.target, `${ind.title}, by financial year`, refs),
      comparatorLegend(refs, ind.unit),
      details('Show the years as a table', pointsTable(`${ind.title}: by financial year`, ind.years, ind.unit)))
  }
  parts.push(h('h2', { class: 'govuk-heading-m app-section-break' }, 'Compared with others'))
  if (comps.length) {
    parts.push(table(`${ind.title}: ${reply.la_name} compared with published figures`, [
      { head: 'Who', cell: (r: { name: string }) => r.name, rowHeader: true },
      { head: 'Value', cell: (r: { value: Value }) => formatValue(r.value, ind.unit), numeric: true },
      { head: 'Year', cell: (r: { year: string }) => r.year },
      { head: 'Source', cell: (r: { source: string }) => r.source }
    ], [
      { name: reply.la_name, value: ind.value, year: reply.period.label, source: 'Hearth' },
      ...comps.map(([k, c]) => ({ name: comparatorName(k, c.name), value: c.value, year: c.year, source: plain ? plainSource(c.source) : c.source }))
    ], { captionClass: 'govuk-table__caption--s', small: true }))
  } else {
    parts.push(p('No published comparator figures for this indicator.'))
  }
  if (ind.standing) {
    const st = ind.standing
    parts.push(p(`Among all councils, ${reply.la_name}’s figure would rank ${st.rank} of ${st.of} (${QUARTERS[st.quartile - 1]}) against their ${st.year} published figures, where 1 is the best.`))
  }

  // in the reply's order; Breakdowns has no other keys (Object.entries cannot know that)
  const dims = (Object.entries(ind.breakdowns) as [keyof Breakdowns, BreakdownRow[]][]).filter(([, rows]) => rows.length)
  if (dims.length) {
    parts.push(h('h2', { class: 'govuk-heading-m app-section-break' }, 'Breakdowns'))
    for (const [dim, rows] of dims) {
      const name = DIMENSIONS[dim]
      const id = `breakdown-${dim}`
      parts.push(h('section', { 'aria-labelledby': id },
        h('h3', { class: 'govuk-heading-s', id }, `By ${name.toLowerCase()}`),
        barChart(rows, ind.unit, `${ind.title} by ${name.toLowerCase()}`),
        details(`Show ${name.toLowerCase()} as a table`,
          table(`${ind.title} by ${name.toLowerCase()}`, [
            { head: name, cell: (r) => r.category, rowHeader: true },
            { head: 'Value', cell: (r) => formatValue(r.value, ind.unit), numeric: true },
            { head: 'Numerator', cell: (r) => fmtCount(r.numerator), numeric: true },
            { head: 'Denominator', cell: (r) => fmtCount(r.denominator), numeric: true }
          ], rows, { captionClass: 'govuk-table__caption--s' }))))
    }
  }
  if (can('indicators')) parts.push(p(link(`/indicators/${encodeURIComponent(ind.id)}`, `How “${ind.title}” is defined`)))
  fill(ctx.main, ...parts.filter((x): x is Node => x !== null))
}
