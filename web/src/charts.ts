// SVG charts drawn with DOM calls (no inline styles: classes in styles/main.scss). Every chart
// carries role="img" and an accessible name that states what it shows; the pages put a table
// of the same numbers beside each one.
import { h, s, uid } from './dom'
import { formatValue } from './format'
import type { Point, BreakdownRow, Unit, Value } from './types'

// A chart scales to its box (a viewBox, width 100%), so one drawn for a desktop's 720 px would show
// its text at 7 px on a phone. Below GOV.UK Frontend's tablet breakpoint (641 px) each chart is
// drawn for a phone's width instead, and drawn again when the window crosses it (a phone turned, a
// window resized). The draw function is kept with its chart; a chart gone from the page is gone
// from here with it.
const WIDE = window.matchMedia('(min-width: 40.0625em)')
const redraws = new WeakMap<Element, (narrow: boolean) => SVGSVGElement>()
WIDE.addEventListener('change', () => {
  for (const old of document.querySelectorAll('svg')) {
    const draw = redraws.get(old)
    if (draw) old.replaceWith(fitted(draw))
  }
})

/** The chart drawn for the window's width now: narrow below the tablet breakpoint. */
export function fitted(draw: (narrow: boolean) => SVGSVGElement): SVGSVGElement {
  const svg = draw(!WIDE.matches)
  redraws.set(svg, draw)
  return svg
}

const numeric = (v: Value | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

function niceMax(max: number, unit: Unit): number {
  if (unit === 'percent' && max <= 100) return max > 50 ? 100 : Math.max(10, Math.ceil(max / 10) * 10)
  if (max <= 0) return 1
  const mag = Math.pow(10, Math.floor(Math.log10(max)))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= max) return m * mag
  return 10 * mag
}

/** "up from 50% in 2024-25 Q1 to 53.4% in 2025-26 Q4" */
export function describeTrend(points: Point[], unit: Unit): string {
  const known = points.filter((p) => numeric(p.value))
  if (known.length === 0) return points.some((p) => p.value === 'c') ? 'all values suppressed (c)' : 'no values available'
  if (known.length === 1) return `${formatValue(known[0].value, unit)} in ${known[0].period}`
  const first = known[0]
  const last = known[known.length - 1]
  const a = first.value as number
  const b = last.value as number
  const dir = Math.abs(b - a) < 1e-9 ? 'unchanged' : b > a ? 'up' : 'down'
  const hidden = points.length - known.length
  return `${dir} from ${formatValue(a, unit)} in ${first.period} to ${formatValue(b, unit)} in ${last.period}` +
    (hidden ? `; ${hidden} suppressed or missing` : '')
}

/** A small trend line for a scorecard tile. */
export function sparkline(points: Point[], unit: Unit, target: number | null, title: string): SVGSVGElement {
  const w = 200
  const hgt = 48
  const pad = 4
  const vals = points.map((p) => p.value).filter(numeric)
  const lo = Math.min(...vals, target ?? Infinity)
  const hi = Math.max(...vals, target ?? -Infinity)
  const span = hi - lo || 1
  const x = (i: number) => pad + (points.length <= 1 ? 0 : (i * (w - 2 * pad)) / (points.length - 1))
  const y = (v: number) => hgt - pad - ((v - lo) / span) * (hgt - 2 * pad)
  const titleId = uid('spark')
  const svg = s('svg', { class: 'app-sparkline', viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false', preserveAspectRatio: 'none' },
    s('title', { id: titleId }, `${title}: trend over ${points.length} ${points.length === 5 ? 'years' : 'periods'}, ${describeTrend(points, unit)}`))
  if (target !== null && vals.length) svg.appendChild(s('line', { class: 'app-sparkline__target', x1: pad, x2: w - pad, y1: y(target), y2: y(target) }))
  let d = ''
  let pen = false
  points.forEach((p, i) => {
    if (numeric(p.value)) {
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)} `
      pen = true
    } else pen = false
  })
  if (d) svg.appendChild(s('path', { class: 'app-sparkline__line', d: d.trim() }))
  const lastIdx = points.map((p) => numeric(p.value)).lastIndexOf(true)
  if (lastIdx >= 0) svg.appendChild(s('circle', { class: 'app-sparkline__last', cx: x(lastIdx), cy: y(points[lastIdx].value as number), r: 3.5 }))
  return svg
}

/** Another area's published figure drawn across a chart (England, the region, neighbours). */
export interface Reference {
  name: string
  value: number
  year: string
}

// Each comparator's line has its own dash pattern, so the chart reads without colour; the legend
// under the chart (comparatorLegend) shows the same patterns with the names and years.
const REF_DASH = ['1 4', '8 3 1 3', '12 4']

/** A line chart of a trend with an optional dashed target line, comparators' published figures
 * as dotted lines, and labelled axes. */
export function lineChart(points: Point[], unit: Unit, target: number | null, label: string, refs: Reference[] = []): SVGSVGElement {
  return fitted((narrow) => drawLineChart(points, unit, target, label, narrow, refs))
}

/** The key to a line chart's comparator lines: each line's pattern beside its name, year and value. */
export function comparatorLegend(refs: Reference[], unit: Unit): HTMLElement | null {
  if (!refs.length) return null
  return h('ul', { class: 'govuk-list app-chart-legend' }, refs.map((r, i) => h('li', null,
    s('svg', { class: 'app-chart-legend__swatch', viewBox: '0 0 40 10', 'aria-hidden': 'true', focusable: 'false' },
      s('line', { class: 'app-chart__ref', x1: 0, x2: 40, y1: 5, y2: 5, 'stroke-dasharray': REF_DASH[i % REF_DASH.length] })),
    ` ${r.name} (${r.year}): ${formatValue(r.value, unit)}`)))
}

function drawLineChart(points: Point[], unit: Unit, target: number | null, label: string, narrow: boolean, refs: Reference[]): SVGSVGElement {
  const { w, hgt, left, right, top, bottom } = narrow
    ? { w: 360, hgt: 240, left: 52, right: 28, top: 20, bottom: 48 }
    : { w: 720, hgt: 300, left: 64, right: 24, top: 20, bottom: 56 }
  const vals = points.map((p) => p.value).filter(numeric)
  const max = niceMax(Math.max(...vals, target ?? 0, ...refs.map((r) => r.value), 0), unit)
  const x = (i: number) => left + (points.length <= 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (points.length - 1))
  const y = (v: number) => top + (1 - v / max) * (hgt - top - bottom)
  // narrow, a period is labelled only where its label fits (64 px apart), counting back from the latest
  const every = narrow && points.length > 1 ? Math.ceil(64 / (x(1) - x(0))) : 1
  const titleId = uid('chart')
  const svg = s('svg', { class: `app-chart${narrow ? ' app-chart--narrow' : ''}`, viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
    s('title', { id: titleId }, `${label}: ${describeTrend(points, unit)}${target !== null ? `; target ${formatValue(target, unit)}` : ''}` +
      refs.map((r) => `; ${r.name} ${formatValue(r.value, unit)} in ${r.year}`).join('')))
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4
    svg.appendChild(s('line', { class: 'app-chart__grid', x1: left, x2: w - right, y1: y(v), y2: y(v) }))
    svg.appendChild(s('text', { x: left - 8, y: y(v) + 5, 'text-anchor': 'end' }, formatValue(v, unit === 'rate_per_10000' ? 'ratio' : unit)))
  }
  svg.appendChild(s('line', { class: 'app-chart__axis', x1: left, x2: w - right, y1: y(0), y2: y(0) }))
  points.forEach((p, i) => {
    if ((points.length - 1 - i) % every !== 0) return
    const parts = p.period.split(' ')
    const t = s('text', { x: x(i), y: hgt - bottom + 20, 'text-anchor': 'middle' })
    t.appendChild(s('tspan', { x: x(i), dy: 0 }, parts[0]))
    if (parts[1]) t.appendChild(s('tspan', { x: x(i), dy: 16 }, parts.slice(1).join(' ')))
    svg.appendChild(t)
  })
  if (target !== null) {
    svg.appendChild(s('line', { class: 'app-chart__target', x1: left, x2: w - right, y1: y(target), y2: y(target) }))
    svg.appendChild(s('text', { x: w - right, y: y(target) - 6, 'text-anchor': 'end' }, `Target ${formatValue(target, unit)}`))
  }
  refs.forEach((r, i) => svg.appendChild(s('line', { class: 'app-chart__ref', x1: left, x2: w - right, y1: y(r.value), y2: y(r.value), 'stroke-dasharray': REF_DASH[i % REF_DASH.length] })))
  let d = ''
  let pen = false
  points.forEach((p, i) => {
    if (numeric(p.value)) {
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)} `
      pen = true
    } else pen = false
  })
  if (d) svg.appendChild(s('path', { class: 'app-chart__line', d: d.trim() }))
  points.forEach((p, i) => {
    if (numeric(p.value)) {
      svg.appendChild(s('circle', { class: 'app-chart__point', cx: x(i), cy: y(p.value), r: 5 }))
    } else {
      svg.appendChild(s('text', { class: 'app-chart__label--muted', x: x(i), y: y(0) - 8, 'text-anchor': 'middle' }, p.value === 'c' ? 'c' : 'n/a'))
    }
  })
  return svg
}

/** Horizontal bars, one per category, each labelled with its value ("c" when suppressed, or
 * `suppressed` when given: "fewer than 5"): the categories' names in a column to the left, or on
 * a phone above each bar. */
export function barChart(rows: BreakdownRow[], unit: Unit, label: string, suppressed?: string): SVGSVGElement {
  return fitted((narrow) => drawBarChart(rows, unit, label, narrow, suppressed))
}

function drawBarChart(rows: BreakdownRow[], unit: Unit, label: string, narrow: boolean, suppressed?: string): SVGSVGElement {
  // nameW: the column of names (none when each name is above its bar); nameH: the line above a bar
  const { w, nameW, nameH, barH, valueW, longest } = narrow
    ? { w: 360, nameW: 0, nameH: 18, barH: 20, valueW: 100, longest: 46 }
    : { w: 720, nameW: 230, nameH: 0, barH: 24, valueW: 90, longest: 32 }
  const gap = 10
  const top = 8
  const hgt = top + rows.length * (nameH + barH + gap) + 4
  const vals = rows.map((r) => r.value).filter(numeric)
  const max = niceMax(Math.max(...vals, 0), unit)
  const scale = (v: number) => ((w - nameW - valueW) * v) / max
  const titleId = uid('bars')
  const described = rows.map((r) => `${r.category} ${r.value === 'c' && suppressed ? suppressed : formatValue(r.value, unit)}`).join(', ')
  const svg = s('svg', { class: `app-chart${narrow ? ' app-chart--narrow' : ''}`, viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
    s('title', { id: titleId }, `${label}: ${described}`))
  rows.forEach((r, i) => {
    const yy = top + i * (nameH + barH + gap) + nameH
    const name = r.category.length > longest ? r.category.slice(0, longest - 1) + '…' : r.category
    svg.appendChild(narrow
      ? s('text', { x: 0, y: yy - 5 }, name)
      : s('text', { x: nameW - 8, y: yy + barH / 2 + 5, 'text-anchor': 'end' }, name))
    if (numeric(r.value)) {
      const bw = Math.max(scale(r.value), r.value > 0 ? 2 : 0)
      svg.appendChild(s('rect', { class: 'app-chart__bar', x: nameW, y: yy, width: bw, height: barH }))
      svg.appendChild(s('text', { x: nameW + bw + 6, y: yy + barH / 2 + 5 }, formatValue(r.value, unit)))
    } else {
      svg.appendChild(s('rect', { class: 'app-chart__bar--suppressed', x: nameW, y: yy + 1, width: 24, height: barH - 2 }))
      svg.appendChild(s('text', { x: nameW + 32, y: yy + barH / 2 + 5 }, r.value === 'c' ? suppressed ?? 'c (suppressed)' : 'not available'))
    }
  })
  // narrow, the names start where the bars do: an axis line would run through them
  if (!narrow) svg.appendChild(s('line', { class: 'app-chart__axis', x1: nameW, x2: nameW, y1: top - 4, y2: hgt - 2 }))
  return svg
}
