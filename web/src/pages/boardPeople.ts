// Who the Board is and what it has promised: its members by kind, the councillors who champion an
// area, the sub-groups that report to it, the pledge to children in care, and the children in care
// council's themes with the one in focus — which the participation officer or the Board's officer
// changes. The Board's officer loads new arrangements here (the governance file, docs/governance.md):
// checked whole, kept whole or not at all, a mistake named by its line.
import { h, fill } from '../dom'
import { heading, p, table, tag, summaryList, textInput } from '../components'
import { ApiError } from '../api'
import { boardGet, boardPost } from '../boardApi'
import { date, dateTime, num, plural, yearWords, compareText } from '../format'
import { councilFrom } from '../session'
import { setTitle, type Ctx } from '../router'
import type { Arrangements } from '../boardTypes'
import { boardNav, may, priorityTitle, hint, messages, settle, textArea, submit, valuesOf, fieldError, noErrors, refusal, narrow, type FormErrors } from './boardParts'

const KINDS: [string, string][] = [
  ['councillor', 'Councillors'],
  ['officer', 'Council officers'],
  ['partner', 'Partners'],
  ['foster_carer', 'Foster carers'],
  ['young_people', 'Young people']
]

const LOAD_IDS: Record<string, string> = { text: 'arrangements-text', source: 'arrangements-source', file: 'arrangements-file' }

interface State { values: Record<string, string>; errors: FormErrors; done: string }

export async function boardPeoplePage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const g = await boardGet('/governance', { la })
  if (!ctx.live()) return
  draw(ctx, g, { values: {}, errors: noErrors(), done: '' })
}

function members(g: Arrangements): HTMLElement[] {
  const known = new Set(KINDS.map(([k]) => k))
  const groups: [string, Arrangements['members']][] = KINDS.map(([kind, words]) => [words, g.members.filter((m) => m.kind === kind)])
  groups.push(['Others', g.members.filter((m) => !known.has(m.kind))])
  return groups.filter(([, list]) => list.length).map(([words, list]) => h('div', null,
    h('h3', { class: 'govuk-heading-s' }, `${words} (${num(list.length, 0)})`),
    h('ul', { class: 'govuk-list' }, list.map((m) => h('li', null,
      h('strong', null, m.name), [m.role, m.organisation].filter(Boolean).length ? hint([m.role, m.organisation].filter(Boolean).join(', ')) : null)))))
}

function draw(ctx: Ctx, g: Arrangements, st: State): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  setTitle(st.errors.items.length ? 'Error: Members and themes' : 'Members and themes')
  const mayFocus = may('manage_cards') || may('manage_board')
  const themes = [...g.themes].sort((x, y) => compareText(y.year, x.year))

  const focusForm = (t: Arrangements['themes'][number]): HTMLFormElement => {
    const form = h('form', { method: 'post', id: `focus-${t.id}`, class: 'govuk-!-margin-0' },
      h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', 'data-module': 'govuk-button', 'data-prevent-double-click': 'true', 'data-theme': t.id },
        'Put this theme in focus', h('span', { class: 'govuk-visually-hidden' }, `: ${t.title}`)))
    form.addEventListener('submit', async (e) => {
      e.preventDefault()
      try {
        const after = await boardPost('/themes/{id}/focus', { id: t.id, la }, {})
        if (!ctx.live()) return
        draw(ctx, after, { values: {}, errors: noErrors(), done: `${t.title} is now the theme in focus` })
      } catch (err) {
        draw(ctx, g, { values: st.values, errors: refusal(err, {}), done: '' })
      }
    })
    return form
  }

  let load: HTMLFormElement | null = null
  if (may('manage_board')) {
    const v = st.values
    const f = st.errors.fields
    load = h('form', { method: 'post', action: '/api/v1/governance', id: 'load-arrangements', novalidate: true },
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: LOAD_IDS.file }, 'The arrangements file'),
        h('div', { class: 'govuk-hint', id: `${LOAD_IDS.file}-hint` }, 'Choosing it puts its text in the box below, to check before you load it'),
        h('input', { class: 'govuk-file-upload', id: LOAD_IDS.file, name: 'file', type: 'file', accept: '.toml,text/plain', 'aria-describedby': `${LOAD_IDS.file}-hint` })),
      textInput(LOAD_IDS.source, 'source', 'Name of the file', v.source ?? '', { hint: 'Kept with the arrangements, so you can tell the versions apart', error: f.source }),
      textArea(LOAD_IDS.text, 'text', 'The arrangements', v.text ?? '', { hint: 'Or paste the file’s text here', error: f.text, rows: 12 }),
      submit('Load the arrangements'))
    const file = load.querySelector(`#${LOAD_IDS.file}`) as HTMLInputElement
    file.addEventListener('change', () => {
      const chosen = file.files?.[0]
      if (!chosen) return
      const reader = new FileReader()
      reader.onload = () => {
        ;(load?.querySelector(`#${LOAD_IDS.text}`) as HTMLTextAreaElement).value = String(reader.result ?? '')
        ;(load?.querySelector(`#${LOAD_IDS.source}`) as HTMLInputElement).value = chosen.name
      }
      reader.readAsText(chosen)
    })
    load.addEventListener('submit', async (e) => {
      e.preventDefault()
      // the text as it is, spaces and all: its line numbers are what a mistake is named by
      const text = (load?.querySelector(`#${LOAD_IDS.text}`) as HTMLTextAreaElement).value
      const values = { source: valuesOf(load as HTMLFormElement)('source'), text }
      if (!text.trim()) return draw(ctx, g, { values, errors: fieldError('text', LOAD_IDS.text, 'Choose the arrangements file, or paste its text'), done: '' })
      try {
        const after = await boardPost('/governance', { la }, { source: values.source || 'Pasted into Hearth', text })
        if (!ctx.live()) return
        draw(ctx, after, { values: {}, errors: noErrors(), done: 'The new arrangements are loaded: they apply from now' })
      } catch (err) {
        // the file's mistakes, one a line ("board.toml:74: …"), each its own item
        if (err instanceof ApiError && err.code === 'bad_governance') {
          const errors = noErrors()
          const lines = err.message.split('\n').map((l) => l.trim()).filter(Boolean)
          for (const line of lines) errors.items.push({ text: line, href: `#${LOAD_IDS.text}` })
          errors.fields.text = lines.length > 1 ? `The file has ${num(lines.length, 0)} mistakes: they are listed at the top of the page` : lines[0] ?? err.message
          return draw(ctx, g, { values, errors, done: '' })
        }
        draw(ctx, g, { values, errors: refusal(err, LOAD_IDS), done: '' })
      }
    })
  }

  const section = (text: string) => h('h2', { class: 'govuk-heading-m app-section-break' }, text)
  fill(ctx.main,
    messages(st.errors.items, st.done),
    heading('Members and themes', g.name || 'The Board'),
    boardNav('/board/people', laParam),
    summaryList([
      ['Chair', g.chair],
      ['Strategy', [g.strategy, g.from && g.to ? hint(`${date(g.from)} to ${date(g.to)}`) : null]],
      ['Arrangements', `Loaded on ${dateTime(g.loaded_at)}${g.loaded_by ? ` by ${g.loaded_by}` : ''}`]
    ]),
    section('Members'),
    g.members.length ? members(g) : p('No members are recorded.'),
    section('Champions'),
    g.champions.length
      ? table(`Councillors who champion an area: ${plural(g.champions.length, 'champion')}`, [
          { head: 'Champion', cell: (c: Arrangements['champions'][number]) => c.name, rowHeader: true },
          { head: 'Area', cell: (c) => c.area }
        ], g.champions, { small: true, captionClass: 'govuk-table__caption--s' })
      : p('No champions are recorded.'),
    section('Sub-groups'),
    g.subgroups.length
      ? table(`Sub-groups that report to the Board: ${plural(g.subgroups.length, 'sub-group')}`, [
          { head: 'Sub-group', cell: (s: Arrangements['subgroups'][number]) => s.title, rowHeader: true },
          { head: 'Chair', cell: (s) => s.chair },
          { head: 'Priority', cell: (s) => priorityTitle(g, s.priority) || 'None' },
          { head: 'Reports', cell: (s) => (s.every_months === 1 ? 'Every month' : `Every ${num(s.every_months, 0)} months`) }
        ], g.subgroups, { small: true, captionClass: 'govuk-table__caption--s' })
      : p('No sub-groups are recorded.'),
    section(g.pledge_title || 'The pledge'),
    g.promises.length ? h('ul', { class: 'govuk-list govuk-list--bullet' }, g.promises.map((x) => h('li', null, x))) : p('No promises are recorded.'),
    section('The children in care council’s themes'),
    themes.length
      ? table(`Themes: ${plural(themes.length, 'theme')}`, [
          { head: 'Theme', cell: (t: Arrangements['themes'][number]) => t.title, rowHeader: true },
          { head: 'Year', cell: (t) => h('span', { class: 'app-nowrap' }, yearWords(t.year)) },
          { head: 'In focus', cell: (t) => (t.focus ? tag('In focus', 'govuk-tag--green') : mayFocus ? focusForm(t) : 'No') }
        ], themes, { small: true, captionClass: 'govuk-table__caption--s' })
      : p('No themes are recorded.'),
    load
      ? [section('Load new arrangements'),
        p('The arrangements are checked whole: if anything in the file is wrong, nothing is loaded, and the line that is wrong is named.'),
        narrow(load),
        g.versions.length
          ? table(`Arrangements loaded: ${plural(g.versions.length, 'version')}`, [
              { head: 'Loaded', cell: (x: Arrangements['versions'][number]) => dateTime(x.loaded_at), rowHeader: true },
              { head: 'By', cell: (x) => x.loaded_by },
              { head: 'File', cell: (x) => x.source, breakAnywhere: true }
            ], g.versions, { small: true, captionClass: 'govuk-table__caption--s' })
          : null]
      : null)
  settle(ctx.main)
}
