// Data quality: the 903 validation findings of the latest stored return, counted by rule, and
// the rows behind each rule.
import { h, fill } from '../dom'
import { heading, p, link, severityTag, table, pagination, backLink, withQuery, summaryList } from '../components'
import { get } from '../api'
import { num, plural } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, type Ctx } from '../router'
import type { RuleCount, Finding } from '../types'

export async function dataQualityPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const year = ctx.query.get('year') ?? ''
  const f = await get('/findings', { la, year })
  if (!ctx.live()) return
  setTitle('Data quality')
  const link_ = (r: RuleCount) => link(withQuery(`/data-quality/${encodeURIComponent(r.code)}`, { la: ctx.query.get('la'), year }), h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Rule '), r.code))
  fill(ctx.main, 
    heading('Data quality', `SSDA903 return ${f.year} · council ${f.la}`),
    p(`The Department for Education's validation rules applied to the latest stored return${f.import_id ? ` (import ${f.import_id})` : ''}: `,
      h('strong', null, plural(f.total, 'finding')), ` from ${plural(f.rules.length, 'rule')}. Fix them in the case management system, then import the return again.`),
    f.rules.length
      ? table('Findings by rule', [
          { head: 'Rule', cell: link_, rowHeader: true },
          { head: 'Severity', cell: (r: RuleCount) => severityTag(r.severity) },
          { head: 'What is wrong', cell: (r) => r.message },
          { head: 'Findings', cell: (r) => num(r.count, 0), numeric: true },
          { head: 'Children', cell: (r) => num(r.children, 0), numeric: true },
          { head: 'How to fix', cell: (r) => r.how_to_fix }
        ], [...f.rules].sort((a, b) => b.count - a.count), { small: true })
      : p('No findings: the return passes every rule.'))
}

export async function dataQualityRulePage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const code = ctx.params.rule
  const year = ctx.query.get('year') ?? ''
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1)
  const [rows, rule] = await Promise.all([
    get('/findings/{rule}', { rule: code, la, year, page, per_page: 50 }),
    can('rules') ? get('/rules/{code}', { code }).catch(() => null) : Promise.resolve(null)
  ])
  if (!ctx.live()) return
  setTitle(`Rule ${code} findings`)
  fill(ctx.main, 
    backLink(withQuery('/data-quality', { la: ctx.query.get('la'), year }), 'Back to data quality'),
    heading(`Rule ${code} findings`, rule ? rule.message : undefined),
    rule ? summaryList([
      ['Severity', severityTag(rule.severity)],
      ['How to fix', rule.how_to_fix],
      ['Definition', link(`/rules/${encodeURIComponent(code)}`, `Rule ${code} in full`)]
    ]) : null,
    rows.items.length
      ? table(`Rule ${code}: ${plural(rows.total, 'finding')}`, [
          { head: 'Child', cell: (r: Finding) => (r.child ? link(withQuery(`/children/${encodeURIComponent(r.child)}`, { la }), h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Child '), r.child)) : 'Not known'), rowHeader: true },
          { head: 'Table', cell: (r) => r.table },
          { head: 'Row', cell: (r) => String(r.row), numeric: true },
          { head: 'Field', cell: (r) => r.field },
          { head: 'Value', cell: (r) => r.value },
          { head: 'Message', cell: (r) => r.message }
        ], rows.items, { small: true })
      : p('No findings for this rule.'),
    pagination(rows.page, rows.per_page, rows.total, (n) => withQuery(`/data-quality/${encodeURIComponent(code)}`, { la: ctx.query.get('la'), year, page: n > 1 ? n : '' })) ?? '')
}
