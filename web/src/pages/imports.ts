// Imports: the list, and a new import — choose what it is, upload the files one by one with
// progress, check them (the findings come back), then accept or cancel.
import { h, clear, fill } from '../dom'
import { heading, p, link, table, radios, select, errorSummary, notification, severityTag, summaryList, backLink, warning, type ErrorItem } from '../components'
import { get, post, del, upload, ApiError } from '../api'
import { dateTime, num, plural } from '../format'
import { session, can } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { ImportRow, ImportDetail, ImportFinding } from '../types'

/** Collection years, the last complete one (the return now due) first, then the year in
 * progress, then earlier years. A year runs from 1 April to 31 March. */
function yearsOffered(): string[] {
  const now = new Date()
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1
  const label = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`
  return [current - 1, current, current - 2, current - 3, current - 4].map(label)
}

export async function importsPage(ctx: Ctx): Promise<void> {
  const body = await get<ImportRow[] | { items: ImportRow[] }>('/imports')
  if (!ctx.live()) return
  const rows = Array.isArray(body) ? body : body.items ?? []
  setTitle('Imports')
  fill(ctx.main, 
    heading('Imports'),
    p('Each import brings in a whole 903 return or a set of local records, whole or not at all. The newest is first.'),
    can('import_upload')
      ? h('a', { href: '/imports/new', class: 'govuk-button', role: 'button', draggable: 'false', 'data-module': 'govuk-button' }, 'Start a new import')
      : p('Only the performance team starts imports.'),
    rows.length
      ? table('Imports', [
          { head: 'Import', cell: (r: ImportRow) => link(`/imports/${r.id}`, h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Import '), String(r.id))), rowHeader: true },
          { head: 'Council', cell: (r) => r.la },
          { head: 'Year', cell: (r) => (r.collection_year && !r.collection_year.startsWith('-') ? r.collection_year : 'Local records') },
          { head: 'Format', cell: (r) => r.format },
          { head: 'Rows', cell: (r) => num(r.rows, 0), numeric: true },
          { head: 'Findings', cell: (r) => num(r.findings, 0), numeric: true },
          { head: 'Finished', cell: (r) => (r.finished_at ? dateTime(r.finished_at) : r.status ?? 'Open') },
          { head: 'By', cell: (r) => r.user }
        ], rows, { small: true })
      : p('No imports yet.'))
}

export function newImportPage(ctx: Ctx): void {
  setTitle('Start a new import')
  draw(ctx, {})
}

function draw(ctx: Ctx, errors: { kind?: string; server?: string }, values: { kind?: string; year?: string; la?: string } = {}): void {
  const councils = session()?.user.councils ?? []
  const summary: ErrorItem[] = []
  if (errors.kind) summary.push({ text: errors.kind, href: '#kind-radio' })
  if (errors.server) summary.push({ text: errors.server })
  const form = h('form', { method: 'post', action: '/api/v1/imports', novalidate: true },
    radios('kind', 'What are you importing?', [
      { value: '903', text: 'An SSDA903 return (CSV files or one XML file)' },
      { value: 'local', text: 'Local records (health checks, visits, plans and other CSV extracts)' }
    ], values.kind ?? '', { error: errors.kind, legendClass: 'govuk-fieldset__legend--m' }),
    select('import-year', 'year', 'Collection year', yearsOffered().map((y) => ({ value: y, text: y.replace('-', ' to 20') })), values.year ?? yearsOffered()[0], 'The year the return covers, 1 April to 31 March'),
    councils.length > 1
      ? select('import-la', 'la', 'Council', councils.map((c) => ({ value: c, text: c })), values.la ?? councils[0])
      : h('input', { type: 'hidden', name: 'la', value: councils[0] ?? '' }),
    h('div', { class: 'govuk-button-group' },
      h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true' }, 'Continue'),
      link('/imports', 'Cancel')))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const d = new FormData(form)
    const v = { kind: String(d.get('kind') ?? ''), year: String(d.get('year') ?? ''), la: String(d.get('la') ?? '') }
    if (!v.kind) {
      setTitle('Error: Start a new import')
      draw(ctx, { kind: 'Select what you are importing' }, v)
      refreshComponents(ctx.main)
      return
    }
    try {
      const r = await post<{ id: number; status: string }>('/imports', v)
      navigate(`/imports/${r.id}`, { replace: true })
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      setTitle('Error: Start a new import')
      draw(ctx, { server: err.message }, v)
      refreshComponents(ctx.main)
    }
  })
  fill(ctx.main, 
    backLink('/imports', 'Back to imports'),
    h('div', { class: 'govuk-grid-row' },
      h('div', { class: 'govuk-grid-column-two-thirds' },
        summary.length ? errorSummary(summary) : null,
        heading('Start a new import'),
        form)))
}

function findingRows(list: ImportFinding[]): HTMLElement {
  return table(`${plural(list.length, 'finding')}`, [
    { head: 'Rule', cell: (f: ImportFinding) => h('span', { id: `finding-${list.indexOf(f) + 1}` }, f.rule ?? f.code ?? ''), rowHeader: true },
    { head: 'Severity', cell: (f) => severityTag(f.severity) },
    { head: 'What is wrong', cell: (f) => [f.message, f.how_to_fix ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, f.how_to_fix) : ''] },
    { head: 'Where', cell: (f) => [f.file ?? f.table ?? '', f.row ? ` row ${f.row}` : '', f.field ? `, ${f.field}` : ''].join('') },
    { head: 'Child', cell: (f) => f.child ?? f.child_id ?? '' }
  ], list, { small: true })
}

export async function importPage(ctx: Ctx): Promise<void> {
  const id = ctx.params.id
  let imp = await get<ImportDetail>(`/imports/${encodeURIComponent(id)}`)
  if (!ctx.live()) return
  setTitle(`Import ${id}`)
  const status = h('p', { class: 'govuk-body', role: 'status', 'aria-live': 'polite' })
  const body = h('div')
  let checked: ImportFinding[] | null = imp.status === 'checked' ? imp.findings : null
  let problem: string | null = null
  let done: string | null = null

  const rerender = () => {
    clear(body)
    const open = imp.status === 'open' || imp.status === 'checked'
    const errors = (checked ?? []).filter((f) => f.severity === 'error')
    const items: ErrorItem[] = []
    if (problem) items.push({ text: problem, href: '#import-files' })
    errors.slice(0, 10).forEach((f) => items.push({ text: `Rule ${f.rule ?? f.code}: ${f.message}${f.row ? ` (${f.file ?? f.table ?? ''} row ${f.row})` : ''}`, href: `#finding-${(checked ?? []).indexOf(f) + 1}` }))
    if (errors.length > 10) items.push({ text: `and ${errors.length - 10} more findings in the table below` })

    const fileInput = h('input', { class: 'govuk-file-upload', id: 'import-files', name: 'files', type: 'file', multiple: true, 'aria-describedby': 'import-files-hint' })
    const progress = h('ul', { class: 'govuk-list', 'aria-label': 'Upload progress' })
    const uploadForm = h('form', { method: 'post', action: `/api/v1/imports/${id}/files`, novalidate: true },
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'import-files' }, 'Upload files'),
        h('div', { class: 'govuk-hint', id: 'import-files-hint' }, imp.kind === 'local'
          ? 'Local record CSV files, for example health_checks.csv or visits.csv. Choose one or more; they upload one at a time.'
          : 'The 903 CSV files (header.csv, episodes.csv, reviews.csv…) or one ssda903.xml. Choose one or more; they upload one at a time.'),
        fileInput),
      progress,
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Upload'))
    uploadForm.addEventListener('submit', async (e) => {
      e.preventDefault()
      const files = Array.from(fileInput.files ?? [])
      if (!files.length) {
        problem = 'Choose a file to upload'
        rerender()
        focusSummary()
        return
      }
      problem = null
      for (const file of files) {
        const bar = h('progress', { class: 'app-progress', max: '100', value: '0', 'aria-label': `Uploading ${file.name}` })
        const text = h('span', null, `${file.name}: starting`)
        progress.appendChild(h('li', null, text, bar))
        status.textContent = `Uploading ${file.name}`
        try {
          await upload(`/imports/${id}/files/${encodeURIComponent(file.name)}`, file, (sent, total) => {
            const pct = total ? Math.round((sent / total) * 100) : 100
            bar.value = pct
            text.textContent = `${file.name}: ${pct}% (${num(sent / 1024, 0)} of ${num(total / 1024, 0)} KB)`
          })
          text.textContent = `${file.name}: uploaded`
          status.textContent = `${file.name} uploaded`
        } catch (err) {
          const msg = err instanceof ApiError && err.status === 413
            ? `${file.name} is too large to upload`
            : `${file.name} did not upload: ${err instanceof Error ? err.message : 'try again'}`
          text.textContent = msg
          problem = msg
        }
      }
      imp = await get<ImportDetail>(`/imports/${encodeURIComponent(id)}`)
      checked = null
      rerender()
      if (problem) focusSummary()
    })

    const check = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button', disabled: imp.files.length === 0 }, 'Check the files')
    check.addEventListener('click', async () => {
      status.textContent = 'Checking the files…'
      check.setAttribute('disabled', '')
      try {
        const r = await post<ImportDetail & { findings: ImportFinding[] }>(`/imports/${id}/check`)
        checked = r.findings ?? []
        imp = { ...imp, ...r, files: r.files ?? imp.files }
        problem = null
        status.textContent = `Check finished: ${plural(checked.length, 'finding')}`
      } catch (err) {
        problem = err instanceof ApiError ? err.message : 'The check failed'
      }
      rerender()
      if (problem || (checked ?? []).some((f) => f.severity === 'error')) focusSummary()
      else document.getElementById('check-results')?.focus()
    })

    const accept = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button' }, errors.length ? 'Accept with these findings' : 'Accept and store')
    accept.addEventListener('click', async () => {
      try {
        await post(`/imports/${id}/accept`)
        done = 'The import was stored.'
        imp = await get<ImportDetail>(`/imports/${encodeURIComponent(id)}`)
      } catch (err) {
        problem = err instanceof ApiError ? err.message : 'The import could not be stored'
      }
      rerender()
      ;(document.querySelector('.govuk-notification-banner, .govuk-error-summary') as HTMLElement | null)?.focus()
    })
    const cancel = h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-module': 'govuk-button' }, 'Cancel this import')
    cancel.addEventListener('click', async () => {
      try {
        await del(`/imports/${id}`)
        navigate('/imports')
      } catch (err) {
        problem = err instanceof ApiError ? err.message : 'The import could not be cancelled'
        rerender()
        focusSummary()
      }
    })

    body.append(
      items.length ? errorSummary(items, problem ? 'There is a problem' : 'The files have problems') : h('span'),
      done ? notification(done, link('/imports', 'Back to imports'), true) : h('span'),
      summaryList([
        ['What', imp.kind === 'local' ? 'Local records' : 'SSDA903 return'],
        ['Year', imp.year ?? ''],
        ['Council', imp.la ?? ''],
        ['Status', imp.status]
      ]),
      imp.files.length
        ? table('Files uploaded', [
            { head: 'File', cell: (f: { name: string; size: number }) => f.name, rowHeader: true },
            { head: 'Size', cell: (f) => `${num(f.size / 1024, 1)} KB`, numeric: true }
          ], imp.files, { small: true })
        : p('No files uploaded yet.'),
      open ? uploadForm : h('span'),
      open ? h('div', { class: 'govuk-button-group' }, check) : h('span'),
      checked
        ? h('section', { id: 'check-results', tabindex: '-1', 'aria-labelledby': 'check-heading' },
          h('h2', { class: 'govuk-heading-m', id: 'check-heading' }, 'Check results'),
          checked.length ? [errors.length ? warning('Accepting stores the return with these errors; the DfE will reject them until they are fixed.') : null, findingRows(checked)] : p('No findings: every rule passes.'))
        : h('span'),
      open && checked ? h('div', { class: 'govuk-button-group' }, accept, cancel) : open ? h('div', { class: 'govuk-button-group' }, cancel) : h('span'))
    refreshComponents(body)
  }

  const focusSummary = () => (body.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()

  fill(ctx.main, 
    backLink('/imports', 'Back to imports'),
    heading(`Import ${id}`),
    status,
    body)
  rerender()
}
