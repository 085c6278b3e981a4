// The registries: the indicators of the scorecard and the DfE 903 validation rules.
import { h, fill } from '../dom'
import { heading, p, link, severityTag, table, summaryList, backLink, textInput, withQuery } from '../components'
import { get } from '../api'
import { formatValue, polarityWords, unitWords, words } from '../format'
import { can } from '../session'
import { plainAudience, plainOrNull, sourceWords } from '../plain'
import { setTitle, navigate, type Ctx } from '../router'
import type { IndicatorDefinition, Rule } from '../types'

export async function indicatorsPage(ctx: Ctx): Promise<void> {
  const defs = (await get('/indicators')).items
  if (!ctx.live()) return
  setTitle('Indicators')
  const plain = plainAudience()
  const sections: string[] = []
  for (const d of defs) if (!sections.includes(d.section)) sections.push(d.section)
  fill(ctx.main, 
    heading('Indicators'),
    p('What the scorecard measures, how each figure is worked out, and why it matters to children in care and care leavers.'),
    sections.map((sec) => table(sec, [
      { head: 'Indicator', cell: (d: IndicatorDefinition) => link(`/indicators/${encodeURIComponent(d.id)}`, d.title), rowHeader: true },
      { head: 'Why it matters', cell: (d) => d.why },
      { head: 'Better', cell: (d) => polarityWords(d.polarity) },
      { head: 'Source', cell: (d) => sourceWords(d.source, plain) }
    ], defs.filter((d) => d.section === sec), { small: true })))
}

export async function indicatorDefPage(ctx: Ctx): Promise<void> {
  const d = await get('/indicators/{key}', { key: ctx.params.key })
  if (!ctx.live()) return
  setTitle(d.title)
  const plain = plainAudience()
  // The method is written for analysts: 903 fields, configuration keys, the files and documents
  // behind it. A Board member or participation worker sees each part that is plain once its codes
  // are left out, and is told who can explain the rest (src/plain.ts).
  const method: [string, string][] = [
    ['Counted (numerator)', d.numerator_definition],
    ['Out of (denominator)', d.denominator_definition],
    ['Population', d.population],
    ['Definition', d.definition],
    ['Where Hearth differs', d.deviation]
  ]
  const shown = plain
    ? method.filter(([, text]) => text).map(([k, text]) => [k, plainOrNull(text)] as [string, string | null])
      .filter((row): row is [string, string] => row[1] !== null)
    : method
  const leftOut = plain && shown.length < method.filter(([, text]) => text).length
  fill(ctx.main, 
    backLink('/indicators', 'Back to indicators'),
    heading(d.title, d.section),
    p(h('strong', null, 'Why it matters: '), d.why),
    summaryList([
      ...(plain ? [] : [['Identifier', d.id] as [string, string]]),
      ['Unit', unitWords(d.unit)],
      ['Which way is better', polarityWords(d.polarity)],
      ...shown,
      ['Data source', sourceWords(d.source, plain)],
      ['Statute or guidance', d.basis],
      ['Default target', d.default_target !== null ? formatValue(d.default_target, d.unit) : 'None'],
      ['How often', words(d.frequency)]
    ]),
    leftOut ? p('The full technical definition is written for the council’s performance analysts, who can explain it.') : null,
    can('scorecard') ? p(link(`/scorecard/${encodeURIComponent(d.id)}`, `See “${d.title}” on the scorecard`)) : null)
}

export async function rulesPage(ctx: Ctx): Promise<void> {
  const year = ctx.query.get('year') ?? ''
  const q = (ctx.query.get('q') ?? '').trim()
  const rules = (await get('/rules', { year })).items
  if (!ctx.live()) return
  setTitle('Validation rules')
  const needle = q.toLowerCase()
  const shown = needle
    ? rules.filter((r) => r.code.toLowerCase().includes(needle) || r.message.toLowerCase().includes(needle) || r.fields.some((f) => f.toLowerCase() === needle))
    : rules
  const form = h('form', { method: 'get', action: '/rules', class: 'app-filter', role: 'search', 'aria-label': 'Find rules' },
    h('div', { class: 'app-filter__row' },
      textInput('rules-q', 'q', 'Search rules', q, { hint: 'Rule code, field (for example DECOM) or words', cls: 'govuk-input--width-20', spellcheck: false }),
      h('div', { class: 'govuk-form-group' }, h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Search'))))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    navigate(withQuery('/rules', { year, q: String(new FormData(form).get('q') ?? '').trim() }))
  })
  fill(ctx.main, 
    heading('Validation rules'),
    p('The Department for Education’s rules for the SSDA903 return that Hearth checks, with what each one means and how to fix what it finds.'),
    form,
    table(`${shown.length} of ${rules.length} rules`, [
      { head: 'Rule', cell: (r: Rule) => link(`/rules/${encodeURIComponent(r.code)}`, h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Rule '), r.code)), rowHeader: true },
      { head: 'Severity', cell: (r) => severityTag(r.severity) },
      { head: 'What it checks', cell: (r) => r.message },
      { head: 'Fields', cell: (r) => r.fields.join(', ') }
    ], shown, { small: true }))
}

export async function ruleDefPage(ctx: Ctx): Promise<void> {
  const r = await get('/rules/{code}', { code: ctx.params.code })
  if (!ctx.live()) return
  setTitle(`Rule ${r.code}`)
  fill(ctx.main, 
    backLink('/rules', 'Back to rules'),
    heading(`Rule ${r.code}`, 'SSDA903 validation'),
    p(r.message),
    summaryList([
      ['Severity', severityTag(r.severity)],
      ['How to fix', r.how_to_fix],
      ['Tables', r.tables.join(', ')],
      ['Fields', r.fields.join(', ')],
      ['Source', r.basis],
      ['Applies from', r.first_collection_year],
      ['Applies until', r.last_collection_year ?? 'Still applies']
    ]),
    can('data_quality') ? p(link(`/data-quality/${encodeURIComponent(r.code)}`, `Findings for rule ${r.code} in the latest return`)) : null)
}
