// Data quality: the 903 validation findings of a stored import (the latest return, or a past
// import the imports page opens), counted by rule with what is new first; one rule's rows, where
// the performance team explains a finding the data rightly raises (the note is kept against the
// finding, so next month's import lists only what is new); and both downloadable as CSV or Excel.
import { h, fill } from '../dom'
import { heading, p, link, severityTag, table, pagination, backLink, withQuery, summaryList, inset, details, errorSummary, notification } from '../components'
import { get, post, del, ApiError } from '../api'
import { num, plural, dateTime } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { RuleCount, Finding, StoredImportRef } from '../types'

type Show = 'new' | 'explained' | 'all'

/** The page's own query: which council, and which stored import (by year or number). */
function whichImport(ctx: Ctx): Record<string, string | null> {
  return { la: ctx.query.get('la'), year: ctx.query.get('year'), import: ctx.query.get('import') }
}

function downloads(params: Record<string, string | null | undefined>, what: string): HTMLElement {
  const a = (format: string, text: string, secondary: boolean) =>
    h('a', { href: withQuery('/api/v1/findings/export', { ...params, format }), download: '', class: `govuk-button${secondary ? ' govuk-button--secondary' : ''}`, 'data-module': 'govuk-button', role: 'button', draggable: 'false' },
      text, h('span', { class: 'govuk-visually-hidden' }, ` (${what})`))
  return h('div', { class: 'govuk-button-group app-no-print' },
    a('xlsx', 'Download as Excel', false),
    a('csv', 'Download as CSV', true))
}

/** Which import this is, and a way back to the one in use when it has been replaced. */
function importNote(imp: StoredImportRef, la: string | null): HTMLElement | null {
  if (imp.current) return null
  return inset(`This is import ${imp.id}, stored ${dateTime(imp.imported_at)}. A later import has replaced its data: `,
    link(withQuery('/data-quality', { la }), 'see the findings of the return in use'), '.')
}

export async function dataQualityPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const which = whichImport(ctx)
  const f = await get('/findings', { la, year: which.year ?? '', import: which.import ?? '' })
  if (!ctx.live()) return
  setTitle('Data quality')
  const ruleLink = (r: RuleCount) => link(withQuery(`/data-quality/${encodeURIComponent(r.code)}`, { ...which, show: r.new ? null : 'explained' }), h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Rule '), r.code))
  const open = f.rules.filter((r) => r.new > 0).sort((a, b) => b.new - a.new)
  const done = f.rules.filter((r) => r.new === 0)
  const what = f.year ? `SSDA903 return ${f.year}` : 'Local records'
  fill(ctx.main,
    heading('Data quality', `${what} · council ${f.la} · import ${f.import_id}`),
    importNote(f.import, ctx.query.get('la')),
    p(`The Department for Education’s validation rules applied to ${f.import.current ? 'the stored return in use' : 'this import'}: `,
      h('strong', null, plural(f.total, 'finding')), ` from ${plural(f.rules.length, 'rule')}`,
      f.explained ? [', of which ', h('strong', null, `${num(f.new, 0)} new`), ` and ${num(f.explained, 0)} explained by the performance team`] : '',
      '. Fix them in the case management system, then import the return again; explain a finding that is right as recorded, and it stays explained in later imports.'),
    f.total ? downloads({ la: ctx.query.get('la'), year: which.year, import: which.import }, 'every finding') : null,
    open.length
      ? table('New findings by rule', [
          { head: 'Rule', cell: ruleLink, rowHeader: true },
          { head: 'Severity', cell: (r: RuleCount) => severityTag(r.severity) },
          { head: 'What is wrong', cell: (r) => r.message },
          { head: 'New', cell: (r) => num(r.new, 0), numeric: true },
          { head: 'Explained', cell: (r) => num(r.explained, 0), numeric: true },
          { head: 'Children', cell: (r) => num(r.children, 0), numeric: true },
          { head: 'How to fix', cell: (r) => r.how_to_fix }
        ], open, { small: true })
      : p(f.total ? 'Nothing new: every finding has been explained.' : 'No findings: the return passes every rule.'),
    done.length
      ? details(`Rules whose findings are all explained (${done.length})`,
          table('Explained findings by rule', [
            { head: 'Rule', cell: ruleLink, rowHeader: true },
            { head: 'What is wrong', cell: (r: RuleCount) => r.message },
            { head: 'Explained', cell: (r) => num(r.explained, 0), numeric: true }
          ], done, { small: true }))
      : null)
}

/** A finding's explanation, or (for the performance team) a form to explain it. */
function explanationCell(r: Finding, importId: number, la: string, onChange: (msg: string) => void, onError: (err: unknown) => void): HTMLElement | string {
  const e = r.explanation
  if (e) {
    const body = h('div', null,
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, e.note),
      h('p', { class: 'govuk-hint govuk-body-s govuk-!-margin-bottom-1' }, `${e.user}, ${dateTime(e.at)}`))
    if (can('explain_findings')) {
      const withdraw = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-no-print', 'data-module': 'govuk-button' },
        'Withdraw', h('span', { class: 'govuk-visually-hidden' }, ` the explanation for child ${r.child || 'not known'}, row ${r.row}`))
      withdraw.addEventListener('click', () => {
        withdraw.setAttribute('disabled', '')
        del('/findings/notes/{id}', { id: String(e.id), la }).then(() => onChange('The explanation was withdrawn: the finding is new again.'), (err) => { withdraw.removeAttribute('disabled'); onError(err) })
      })
      body.append(withdraw)
    }
    return body
  }
  if (!can('explain_findings') || !r.key) return 'Not explained'
  const id = `note-${r.key}`
  const area = h('textarea', { class: 'govuk-textarea', id, name: 'note', rows: '3', maxlength: '2000' })
  const form = h('form', { novalidate: true, class: 'app-no-print' },
    h('div', { class: 'govuk-form-group govuk-!-margin-bottom-2' },
      h('label', { class: 'govuk-label govuk-label--s', for: id }, 'Why it is right as recorded'),
      area),
    h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0', 'data-module': 'govuk-button' }, 'Save the explanation'))
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    post('/findings/notes', { la }, { import_id: importId, key: r.key, note: area.value })
      .then(() => onChange('The explanation was saved. The finding will not be listed as new again, in this import or later ones.'), onError)
  })
  return details('Explain this finding', form)
}

export async function dataQualityRulePage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const code = ctx.params.rule
  const which = whichImport(ctx)
  const show = (['new', 'explained', 'all'].includes(ctx.query.get('show') ?? '') ? ctx.query.get('show') : 'new') as Show
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1)
  const [rows, rule] = await Promise.all([
    get('/findings/{rule}', { rule: code, la, year: which.year ?? '', import: which.import ?? '', show, page, per_page: 50 }),
    can('rules') ? get('/rules/{code}', { code }).catch(() => null) : Promise.resolve(null)
  ])
  if (!ctx.live()) return
  setTitle(`Rule ${code} findings`)
  const here = (q: Record<string, string | number | null>) => withQuery(`/data-quality/${encodeURIComponent(code)}`, { ...which, show: show === 'new' ? null : show, ...q })
  const banner = h('div', { role: 'status' })
  const saved = sessionStorage.getItem('hearth.findings.saved')
  if (saved) {
    sessionStorage.removeItem('hearth.findings.saved')
    banner.append(notification(saved, '', true))
  }
  const onChange = (msg: string) => {
    sessionStorage.setItem('hearth.findings.saved', msg)
    navigate(location.pathname + location.search, { replace: true })
  }
  const onError = (err: unknown) => {
    const text = err instanceof ApiError ? err.message : 'The change could not be saved. Try again.'
    banner.replaceChildren(errorSummary([{ text }]))
    banner.querySelector<HTMLElement>('.govuk-error-summary')?.focus()
  }
  const tabs: [Show, string, number][] = [['new', 'New', rows.counts.new], ['explained', 'Explained', rows.counts.explained], ['all', 'All', rows.counts.all]]
  const nav = h('nav', { class: 'app-no-print', 'aria-label': 'Which findings' },
    h('ul', { class: 'govuk-list app-inline-list' }, tabs.map(([s, text, n]) => h('li', null,
      s === show
        ? h('strong', { 'aria-current': 'page' }, `${text} (${num(n, 0)})`)
        : link(here({ show: s === 'new' ? null : s, page: null }), `${text} (${num(n, 0)})`)))))
  const words = show === 'new' ? 'new finding' : show === 'explained' ? 'explained finding' : 'finding'
  fill(ctx.main,
    backLink(withQuery('/data-quality', which), 'Back to data quality'),
    banner,
    heading(`Rule ${code} findings`, rule ? rule.message : undefined),
    importNote(rows.import, ctx.query.get('la')),
    rule ? summaryList([
      ['Severity', severityTag(rule.severity)],
      ['How to fix', rule.how_to_fix],
      ['Definition', link(`/rules/${encodeURIComponent(code)}`, `Rule ${code} in full`)]
    ]) : null,
    nav,
    rows.counts.all ? downloads({ la: ctx.query.get('la'), year: which.year, import: which.import, rule: code, show: show === 'all' ? null : show }, `rule ${code}`) : null,
    rows.items.length
      ? table(`Rule ${code}: ${plural(rows.total, words)}`, [
          { head: 'Child', cell: (r: Finding) => (r.child ? link(withQuery(`/children/${encodeURIComponent(r.child)}`, { la }), h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Child '), r.child)) : 'Not known'), rowHeader: true },
          { head: 'Table', cell: (r) => r.table },
          { head: 'Row', cell: (r) => String(r.row), numeric: true },
          { head: 'Field', cell: (r) => r.field },
          { head: 'Value', cell: (r) => r.value },
          { head: 'Message', cell: (r) => r.message },
          { head: 'Explanation', cell: (r) => explanationCell(r, rows.import.id, la, onChange, onError) }
        ], rows.items, { small: true })
      : p(show === 'new' && rows.counts.all ? 'Nothing new: every finding of this rule has been explained.' : `No ${words}s for this rule.`),
    pagination(rows.page, rows.per_page, rows.total, (n) => here({ page: n > 1 ? n : null })) ?? '')
}
