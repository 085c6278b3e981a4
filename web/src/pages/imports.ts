// Imports: the list of stored imports, and an import in progress — choose what it is, upload
// the files one at a time with progress, check them (nothing is stored; the findings come
// back), then accept (stored whole or not at all), accept with findings (the good rows), or
// cancel. The API: docs/api.md, /api/v1/imports.
import { h, fill } from '../dom'
import { heading, p, link, table, breakAfterUnderscores, radios, select, errorSummary, notification, severityTag, summaryList, backLink, warning, inset, tag, pagination, withQuery, type ErrorItem } from '../components'
import { get, post, postFor, del, upload, ApiError } from '../api'
import { bytes, dateTime, num, plural, yearWords } from '../format'
import { session, can, councilFrom } from '../session'
import { changesSection, confirmBox } from './importChanges'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { Finding, ImportRecord, ImportResult, ImportRuleCount, LocalAcceptResult, ReturnAcceptResult } from '../types'

/** Collection years, the last complete one (the return now due) first, then the year in
 * progress, then earlier years. A year runs from 1 April to 31 March. */
function yearsOffered(): string[] {
  const now = new Date()
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1
  const label = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`
  return [current - 1, current, current - 2, current - 3, current - 4].map(label)
}

const KIND_WORDS: Record<string, string> = { '903': 'SSDA903 return', local: 'Local records' }
const kindWords = (k: string) => KIND_WORDS[k] ?? k

const STATUS_TAG: Record<string, [string, string]> = {
  open: ['Open', 'govuk-tag--blue'],
  checked: ['Checked', 'govuk-tag--yellow'],
  imported: ['Stored', 'govuk-tag--green'],
  cancelled: ['Cancelled', 'govuk-tag--grey']
}
function statusTag(status: string): HTMLElement {
  const [text, cls] = STATUS_TAG[status] ?? [status, 'govuk-tag--grey']
  return tag(text, cls)
}

/** The outcome of an accept (it has a status), or null after a check or before any. */
const acceptOutcome = (r: ImportResult | null): ReturnAcceptResult | LocalAcceptResult | null => (r && 'status' in r ? r : null)
/** Rows the last check or accept rejected (local records' accept does not count them). */
const rejectedRows = (r: ImportResult | null): number => (r && 'rejected' in r ? r.rejected : 0)

/** What the server accepts as a file name: letters, digits, - _ . ending .csv or .xml. */
export function goodFileName(name: string): boolean {
  return name.length > 0 && name.length <= 100 && !name.startsWith('.') && /^[A-Za-z0-9_.-]+$/.test(name) && /\.(csv|xml)$/i.test(name)
}

// ---- the list -----------------------------------------------------------------------------

export async function importsPage(ctx: Ctx): Promise<void> {
  const q = ctx.query
  const la = councilFrom(q)
  const page = Math.max(1, Number(q.get('page') ?? '1') || 1)
  const list = await get('/imports', { la, page, per_page: 50 })
  if (!ctx.live()) return
  setTitle(page > 1 ? `Imports (page ${page})` : 'Imports')
  const rows = list.items
  const cancelled = q.get('cancelled') === '1'
  fill(ctx.main,
    cancelled ? notification('The import was cancelled and its files were deleted. Nothing was stored.', null, true) : null,
    heading('Imports', `Council ${la}`),
    p('Each import brings in a whole SSDA903 return or a set of local records, whole or not at all. The newest is first.'),
    can('import_upload')
      ? h('a', { href: '/imports/new', class: 'govuk-button', role: 'button', draggable: 'false', 'data-module': 'govuk-button' }, 'Start a new import')
      : inset('Only the performance team (the analyst role) imports data. You can see what has been imported.'),
    rows.length
      ? table(`Imports for council ${la}`, [
          { head: 'Import', cell: (r: ImportRecord) => h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Import '), String(r.id)), rowHeader: true },
          { head: 'What', cell: (r) => [kindWords(r.kind), r.format && r.format !== 'synthetic' ? ` (${r.format.toUpperCase()})` : r.format === 'synthetic' ? ' (demo data)' : ''] },
          { head: 'Year', cell: (r) => (r.collection_year ? yearWords(r.collection_year) : 'Not applicable') },
          { head: 'Rows', cell: (r) => num(r.rows, 0), numeric: true },
          { head: 'Findings', cell: (r) => [r.findings && can('data_quality') ? link(withQuery('/data-quality', { la: q.get('la'), import: r.id }), h('span', null, num(r.findings, 0), h('span', { class: 'govuk-visually-hidden' }, ` findings of import ${r.id}`))) : num(r.findings, 0), r.accepted_with_findings ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, 'accepted with findings') : ''], numeric: true },
          { head: 'Stored', cell: (r) => (r.finished_at ? dateTime(r.finished_at) : 'Not finished') },
          { head: 'By', cell: (r) => r.user.replace(/^web:/, '') }
        ], rows, { small: true })
      : p('No imports yet.'),
    pagination(list.page, list.per_page, list.total, (n) => withQuery('/imports', { la: q.get('la') ?? '', page: n > 1 ? n : '' })) ?? '')
}

// ---- a new import -------------------------------------------------------------------------

export function newImportPage(ctx: Ctx): void {
  setTitle('Start a new import')
  drawNew(ctx, {})
}

function drawNew(ctx: Ctx, errors: { kind?: string; server?: string }, values: { kind?: string; year?: string; la?: string } = {}): void {
  const councils = session()?.user.councils ?? []
  const years = yearsOffered()
  const summary: ErrorItem[] = []
  if (errors.kind) summary.push({ text: errors.kind, href: '#kind-radio' })
  if (errors.server) summary.push({ text: errors.server })
  const yearSelect = select('import-year', 'year', 'Collection year', years.map((y) => ({ value: y, text: yearWords(y) })), values.year ?? years[0], 'For an SSDA903 return: the year it covers, 1 April to 31 March. Local records need no year.')
  const form = h('form', { method: 'post', action: '/api/v1/imports', novalidate: true },
    radios('kind', 'What are you importing?', [
      { value: '903', text: 'An SSDA903 return', hint: 'The 903 CSV files (header.csv, episodes.csv…) or one XML file' },
      { value: 'local', text: 'Local records', hint: 'CSV extracts of health checks, visits, plans and other local records' }
    ], values.kind ?? '', { error: errors.kind, legendClass: 'govuk-fieldset__legend--m' }),
    yearSelect,
    councils.length > 1
      ? select('import-la', 'la', 'Council', councils.map((c) => ({ value: c, text: c })), values.la ?? councils[0])
      : h('input', { type: 'hidden', name: 'la', value: councils[0] ?? '' }),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Continue'),
      h('a', { class: 'govuk-link', href: '/imports' }, 'Cancel')))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const d = new FormData(form)
    const v = { kind: String(d.get('kind') ?? ''), year: String(d.get('year') ?? ''), la: String(d.get('la') ?? '') }
    if (!v.kind) {
      setTitle('Error: Start a new import')
      drawNew(ctx, { kind: 'Select what you are importing' }, v)
      refreshComponents(ctx.main)
      return
    }
    try {
      const body: Record<string, string> = { kind: v.kind, la: v.la }
      if (v.kind === '903') body.year = v.year
      const r = await post('/imports', {}, body)
      navigate(`/imports/${encodeURIComponent(r.id)}`, { replace: true })
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      setTitle('Error: Start a new import')
      drawNew(ctx, { server: err.message }, v)
      refreshComponents(ctx.main)
    }
  })
  fill(ctx.main,
    backLink('/imports', 'Back to imports'),
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' },
        summary.length ? errorSummary(summary) : null,
        heading('Start a new import'),
        p('You upload the files next, one at a time. Hearth checks them before anything is stored.'),
        form)))
}

// ---- an import in progress ----------------------------------------------------------------

function ruleTable(rules: ImportRuleCount[]): HTMLElement {
  return table('Findings by rule', [
    { head: 'Rule', cell: (r: ImportRuleCount) => r.rule, rowHeader: true },
    { head: 'Severity', cell: (r) => severityTag(r.severity) },
    { head: 'What is wrong', cell: (r) => [r.message, r.how_to_fix ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, r.how_to_fix) : ''] },
    { head: 'Rows', cell: (r) => num(r.count, 0), numeric: true }
  ], rules, { small: true, captionClass: 'govuk-table__caption--s' })
}

function findingTable(list: Finding[], total: number): HTMLElement {
  const caption = list.length < total ? `The first ${num(list.length, 0)} of ${plural(total, 'finding')}` : `Every finding (${num(total, 0)})`
  return table(caption, [
    { head: 'Rule', cell: (f: Finding) => f.rule, rowHeader: true },
    { head: 'Severity', cell: (f) => severityTag(f.severity) },
    // file names and field codes are long words (placed_for_adoption.csv): unbroken, they make the
    // table wider than its column even on a desktop
    { head: 'File and row', cell: (f) => breakAfterUnderscores([f.file && !f.file.startsWith('/') ? f.file : 'The files as a whole', f.row ? `, row ${num(f.row, 0)}` : ''].join('')) },
    { head: 'Field and value', cell: (f) => breakAfterUnderscores(f.field ? `${f.field}${f.value ? `: ${f.value}` : ' (blank)'}` : 'Not applicable') },
    { head: 'Child', cell: (f) => f.child || 'Not applicable' },
    { head: 'What is wrong', cell: (f) => f.message }
  ], list, { small: true, captionClass: 'govuk-table__caption--s' })
}

/** The rows that storing with findings leaves out (every row an error rejected), or that none are. */
function leftOutSection(r: ImportResult, accepted: boolean): HTMLElement | null {
  const left = r.left_out
  if (!left) return null
  if (left.total === 0) return p(`No rows are left out: every row read ${accepted ? 'was' : 'will be'} stored.`)
  const caption = `${plural(left.total, 'row')} ${accepted ? 'left out' : 'that accepting with findings leaves out'}${left.rows.length < left.total ? ` (the first ${num(left.rows.length, 0)} listed; the findings download lists every one)` : ''}`
  return table(caption, [
    { head: 'File and row', cell: (x: { file: string; row: number }) => breakAfterUnderscores(`${x.file}, row ${num(x.row, 0)}`), rowHeader: true },
    { head: 'Child', cell: (x: { child: string }) => x.child || 'Not known' },
    { head: 'Why', cell: (x: { why: string[] }) => x.why.join(' ') }
  ], left.rows, { small: true, captionClass: 'govuk-table__caption--s' })
}

/** What a check or an accept found: counts, the problem, findings by rule and the first rows. */
function resultSection(r: ImportResult, accepted: boolean): HTMLElement {
  const f = r.findings
  const outcome = acceptOutcome(r)
  const facts: [string, string][] = []
  if ('rows' in r) facts.push(['Rows read', num(r.rows, 0)])
  if ('rejected' in r) facts.push(['Rows rejected', num(r.rejected, 0)])
  facts.push(['Findings', f.total ? `${plural(f.total, 'finding')}, ${plural(f.errors, 'error')}` : 'None'])
  if (accepted && outcome?.import_id) facts.push(['Stored as', `Import ${outcome.import_id}`])
  const problem = 'problem' in r ? r.problem : ''
  return h('section', { id: 'check-results', tabindex: '-1', 'aria-labelledby': 'check-heading', class: 'app-section-break' },
    h('h2', { class: 'govuk-heading-m', id: 'check-heading' }, accepted ? 'What was stored' : outcome ? 'Why it was not stored' : 'Check results'),
    summaryList(facts),
    problem ? warning(problem) : null,
    leftOutSection(r, accepted),
    accepted && outcome?.import_id && f.total && can('data_quality') ? p(link(withQuery('/data-quality', { import: outcome.import_id }), `Work through the ${plural(f.total, 'finding')} on the data quality page`), ', where they can be explained or downloaded.') : null,
    f.total
      ? [ruleTable(f.by_rule), f.first.length ? findingTable(f.first, f.total) : null]
      : p('No findings.'))
}

export async function importPage(ctx: Ctx): Promise<void> {
  const id = ctx.params.id
  let imp = await get('/imports/{id}', { id })
  if (!ctx.live()) return
  const title = imp.kind === 'local' ? 'Import local records' : `Import the SSDA903 return for ${yearWords(imp.collection_year)}`
  setTitle(title)

  // announced to screen readers as uploads and checks progress
  const status = h('p', { class: 'govuk-body govuk-!-margin-bottom-0', role: 'status', 'aria-live': 'polite' })
  const progress = h('ul', { class: 'govuk-list', id: 'upload-progress' })
  const body = h('div')
  let problems: ErrorItem[] = []
  let fileError: string | null = null
  let stored = false
  let busy = false
  let triedWithFindings = false
  let confirmError: string | null = null

  const focusSummary = () => (body.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
  const fail = (err: unknown, fallback: string): void => {
    if (!(err instanceof ApiError)) throw err
    if (err.code === 'no_files') {
      fileError = 'Upload the files first: there is nothing to check'
      problems = [{ text: fileError, href: '#import-files' }]
    } else {
      problems = [{ text: err.message || fallback }]
    }
  }

  const uploadFiles = async (files: File[]) => {
    triedWithFindings = false
    problems = []
    fileError = null
    progress.replaceChildren()
    const bad = files.filter((f) => !goodFileName(f.name))
    for (const f of bad) problems.push({ text: `${f.name} cannot be uploaded: a file name is letters, digits, hyphens, underscores and full stops, ending .csv or .xml`, href: '#import-files' })
    for (const file of files.filter((f) => goodFileName(f.name))) {
      const bar = h('progress', { class: 'app-progress', max: '100', value: '0', 'aria-label': `Uploading ${file.name}` })
      const text = h('span', { class: 'govuk-!-display-block' }, `${file.name}: waiting`)
      progress.appendChild(h('li', null, text, bar))
      status.textContent = `Uploading ${file.name}`
      try {
        imp = await upload('/imports/{id}/files/{name}', { id, name: file.name }, file, (sent, total) => {
          const pct = total ? Math.round((sent / total) * 100) : 100
          bar.value = pct
          text.textContent = `${file.name}: ${pct}% (${bytes(sent)} of ${bytes(total)})`
        })
        bar.value = 100
        text.textContent = `${file.name}: uploaded (${bytes(file.size)})`
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        const limit = Number(err.details.limit_bytes ?? 0)
        const msg = err.status === 413
          ? `${file.name} is too large: one file may be at most ${limit ? bytes(limit) : 'the upload limit'}`
          : `${file.name} did not upload: ${err.message}`
        text.textContent = msg
        problems.push({ text: msg, href: '#import-files' })
      }
    }
    if (problems.length) fileError = problems[0].text
    // the server's view of the files, whatever happened to each upload
    imp = await get('/imports/{id}', { id })
    const good = files.length - problems.length
    status.textContent = problems.length ? `${plural(good, 'file')} uploaded, ${plural(problems.length, 'problem')}` : `${plural(good, 'file')} uploaded`
  }

  const rerender = () => {
    const open = imp.status === 'open' || imp.status === 'checked'
    const r = imp.result
    const outcome = acceptOutcome(r)
    const errors = (r?.findings.errors ?? 0) > 0 || rejectedRows(r) > 0
    // after a check: unless it cannot be imported at all; after a refused accept (422, its
    // result has a status): once more with findings, unless that was what was refused
    const canAccept = open && imp.status === 'checked' && !!r &&
      (outcome ? outcome.status === 'blocked' && !triedWithFindings : 'can_import' in r && r.can_import)
    const acceptWith = errors || outcome?.status === 'blocked'
    const changes = r && 'changes' in r ? r.changes : undefined
    const mustConfirm = canAccept && !!changes?.needs_confirmation

    // 1. upload
    const fileInput = h('input', {
      class: `govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`, id: 'import-files', name: 'files', type: 'file', multiple: true,
      accept: '.csv,.xml,text/csv,application/xml,text/xml', 'aria-describedby': `import-files-hint${fileError ? ' import-files-error' : ''}`
    })
    const uploadForm = h('form', { method: 'post', action: `/api/v1/imports/${encodeURIComponent(id)}/files`, novalidate: true, 'aria-labelledby': 'upload-heading' },
      h('div', { class: `govuk-form-group${fileError ? ' govuk-form-group--error' : ''}` },
        h('label', { class: 'govuk-label govuk-label--s', for: 'import-files' }, 'Choose files'),
        h('div', { class: 'govuk-hint', id: 'import-files-hint' }, imp.kind === 'local'
          ? 'Local record CSV files, for example health_checks.csv or visits.csv. Choose one or more; they upload one at a time. A file with the same name as one already uploaded replaces it.'
          : 'The 903 CSV files (header.csv, episodes.csv, reviews.csv…) or one XML return. Choose one or more; they upload one at a time. A file with the same name as one already uploaded replaces it.'),
        fileError ? h('p', { class: 'govuk-error-message', id: 'import-files-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), fileError) : null,
        fileInput),
      progress,
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Upload'))
    uploadForm.addEventListener('submit', async (e) => {
      e.preventDefault()
      if (busy) return
      const files = Array.from(fileInput.files ?? [])
      if (!files.length) {
        problems = [{ text: 'Choose one or more files to upload', href: '#import-files' }]
        fileError = problems[0].text
        rerender()
        focusSummary()
        return
      }
      busy = true
      // the last problem no longer stands while the new files upload
      body.querySelector('.govuk-error-summary')?.remove()
      try {
        await uploadFiles(files)
      } finally {
        busy = false
      }
      rerender()
      if (problems.length) focusSummary()
      else document.getElementById('files-heading')?.focus()
    })

    // 2. check
    const check = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button' }, imp.status === 'checked' ? 'Check the files again' : 'Check the files')
    check.addEventListener('click', async () => {
      if (busy) return
      busy = true
      problems = []
      fileError = null
      status.textContent = 'Checking the files…'
      triedWithFindings = false
      progress.replaceChildren() // the uploads are done: the files table lists them
      try {
        imp = await post('/imports/{id}/check', { id })
        const f = imp.result?.findings
        status.textContent = `Check finished: ${plural(f?.total ?? 0, 'finding')}`
      } catch (err) {
        fail(err, 'The check failed')
        status.textContent = ''
      } finally {
        busy = false
      }
      rerender()
      if (problems.length) focusSummary()
      else document.getElementById('check-results')?.focus()
    })

    // 3. accept or cancel
    const accept = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button' }, acceptWith ? 'Accept with findings' : 'Accept and store')
    accept.addEventListener('click', async () => {
      if (busy) return
      busy = true
      problems = []
      fileError = null
      confirmError = null
      const confirmed = (body.querySelector('#confirm-change') as HTMLInputElement | null)?.checked ?? false
      if (mustConfirm && !confirmed) {
        busy = false
        confirmError = 'Confirm that you have checked what would change before you store this import'
        problems = [{ text: confirmError, href: '#confirm-change' }]
        rerender()
        focusSummary()
        return
      }
      status.textContent = 'Storing the import…'
      try {
        const res = await postFor('/imports/{id}/accept', { id }, { accept_with_findings: acceptWith, confirm_large_change: mustConfirm && confirmed }, [422])
        imp = res.body
        if (acceptWith) triedWithFindings = true
        if (res.status === 422) {
          const rr = acceptOutcome(imp.result)
          problems = [{ text: rr?.problem || (rr?.status === 'invalid' ? 'Nothing could be stored from these files' : `The import was not stored: ${plural(rr?.findings.errors ?? 0, 'error')} ${(rr?.findings.errors ?? 0) === 1 ? 'blocks' : 'block'} it`), href: '#check-results' }]
          status.textContent = 'The import was not stored'
        } else {
          stored = true
          status.textContent = 'The import was stored'
        }
      } catch (err) {
        fail(err, 'The import could not be stored')
        status.textContent = ''
      } finally {
        busy = false
      }
      rerender()
      if (problems.length) focusSummary()
      else (body.querySelector('.govuk-notification-banner') as HTMLElement | null)?.focus()
    })
    const cancel = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-module': 'govuk-button' }, 'Cancel this import')
    cancel.addEventListener('click', async () => {
      if (busy) return
      busy = true
      try {
        await del('/imports/{id}', { id })
        navigate('/imports?cancelled=1')
      } catch (err) {
        fail(err, 'The import could not be cancelled')
        rerender()
        focusSummary()
      } finally {
        busy = false
      }
    })

    const storedId = outcome?.import_id
    body.replaceChildren()
    fill(body,
      problems.length ? errorSummary(problems) : null,
      imp.status === 'imported'
        ? notification(stored ? `The import was stored${storedId ? ` as import ${storedId}` : ''}. Its figures are in Hearth now.` : `This import was stored${storedId ? ` as import ${storedId}` : ''}.`,
          [h('a', { class: 'govuk-notification-banner__link', href: '/imports' }, 'See every import'),
            imp.kind === '903' && imp.collection_year && can('data_quality')
              ? [' or ', h('a', { class: 'govuk-notification-banner__link', href: withQuery('/data-quality', { la: imp.la, year: imp.collection_year.replace('/', '-') }) }, `the return's validation findings`)]
              : null], true)
        : null,
      summaryList([
        ['What', kindWords(imp.kind)],
        ['Collection year', imp.collection_year ? yearWords(imp.collection_year) : 'Not applicable'],
        ['Council', imp.la],
        ['Started by', imp.user],
        ['Status', statusTag(imp.status)]
      ]),
      imp.status === 'cancelled' ? inset('This import was cancelled and its files were deleted. Nothing was stored.') : null,

      open ? h('h2', { class: 'govuk-heading-m', id: 'upload-heading' }, '1. Upload the files') : null,
      open ? uploadForm : null,
      open || imp.files.length
        ? [h('h2', { class: open ? 'govuk-heading-s' : 'govuk-heading-m', id: 'files-heading', tabindex: '-1' }, 'Files uploaded'),
          imp.files.length
            ? table(`${plural(imp.files.length, 'file')}, ${bytes(imp.files.reduce((n, f) => n + f.size, 0))}`, [
                { head: 'File', cell: (f: { name: string; size: number }) => f.name, rowHeader: true },
                { head: 'Size', cell: (f) => bytes(f.size), numeric: true }
              ], imp.files, { small: true, captionClass: 'govuk-table__caption--s' })
            : p('No files uploaded yet.')]
        : null,

      open ? h('h2', { class: 'govuk-heading-m' }, '2. Check the files') : null,
      open ? p('Hearth reads the files and checks every row. Nothing is stored.') : null,
      open ? h('div', { class: 'govuk-button-group' }, check) : null,

      r ? resultSection(r, imp.status === 'imported') : null,
      changes ? changesSection(changes, imp.status === 'imported') : null,

      open ? h('h2', { class: 'govuk-heading-m' }, '3. Store the import') : null,
      canAccept && acceptWith
        ? warning(`Accepting with findings stores the good rows and leaves out ${r?.left_out ? `the ${plural(r.left_out.total, 'row')} listed above` : rejectedRows(r) ? plural(rejectedRows(r), 'rejected row') : 'the rows with errors'}. Fix the files and upload them again if you want every row.`)
        : null,
      open && imp.status !== 'checked' ? p('Check the files before you store them.') : null,
      mustConfirm ? confirmBox(confirmError) : null,
      open
        ? h('div', { class: 'govuk-button-group' }, canAccept ? accept : null, cancel)
        : null)
    refreshComponents(body)
  }

  fill(ctx.main,
    backLink('/imports', 'Back to imports'),
    heading(title, `Council ${imp.la}`),
    status,
    body)
  rerender()
}
