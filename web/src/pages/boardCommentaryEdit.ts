// Writing the officers' commentary (docs/papers.md): a figure's two parts for a quarter on one
// form (each saved as a version of its own, replacing the version the writer started from), or a
// section of the annual report for a year; a preview as the papers will print it; the error
// summary for what the server refuses — words that name a child (never repeated back), too long —
// and, when someone else saved the same part meanwhile, their version shown with the writer's own
// text kept, so nothing is overwritten unseen. For the Board's officer, analysts and managers.
import { h, fill } from '../dom'
import { heading, p, link, details, inset, backLink } from '../components'
import { ApiError } from '../api'
import { boardGet, boardPost } from '../boardApi'
import { councilFrom } from '../session'
import { setTitle, navigate, type Ctx } from '../router'
import type { Commentary, CommentaryPart } from '../boardTypes'
import { boardNav, messages, settle, setFlash, textArea, submit, narrow, fieldError, noErrors, hint, type FormErrors } from './boardParts'
import { PART_TITLES, pieceContext, periodCaption, rendered, byline, listHref, historyHref, type PieceContext } from './boardCommentary'
import { dateTime } from '../format'

/** The most the server keeps of one part, in characters (as the server counts them). */
const MAX_CHARS = 20000

type ByPart<T> = Partial<Record<CommentaryPart, T>>

interface EditState {
  /** what is in each box */
  values: ByPart<string>
  /** the newest version known of each part: a save replaces it */
  current: ByPart<Commentary>
  /** a version someone else saved meanwhile, shown above the writer's own text */
  theirs: ByPart<Commentary>
  /** the server's rendering of each box, once asked for */
  preview: ByPart<string> | null
  errors: FormErrors
  done: string
}

const fieldId = (part: CommentaryPart) => `commentary-${part}`

export async function editCommentaryPage(ctx: Ctx): Promise<void> {
  const pc = await pieceContext(ctx)
  if (!ctx.live()) return
  const current: ByPart<Commentary> = {}
  for (const c of pc.list.items) if (c.subject === pc.subject) current[c.part] = c
  const values: ByPart<string> = {}
  for (const part of pc.parts) values[part] = current[part]?.body ?? ''
  drawEdit(ctx, pc, { values, current, theirs: {}, preview: null, errors: noErrors(), done: '' })
}

/** A part as an error message names it: a figure's two by their titles, a section's one as the commentary. */
function named(pc: PieceContext, part: CommentaryPart): string {
  return pc.parts.length > 1 ? `“${PART_TITLES[part]}”` : 'The commentary'
}

/** Who saved the version the box started from, for the field's hint. */
function lastSaved(c: Commentary | undefined): string {
  if (!c) return 'Nothing written yet.'
  return `${c.body.trim() ? 'Last saved' : 'Cleared'} by ${c.written_by}, ${dateTime(c.written_at)}.`
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** What the server's refusal of one part says, in the form's words: a child named is never repeated. */
function partError(err: unknown, label: string): string {
  if (!(err instanceof ApiError)) throw err
  if (err.code === 'names_a_child') return `${label} names a child. The Board never learns who a child is: say what is happening without naming anyone`
  if (err.code === 'bad_body') return `${label} must be 20,000 characters or fewer`
  return sentence(err.message)
}

const tooLong = (text: string) => [...text].length > MAX_CHARS

function help(): HTMLElement {
  return details('Help with formatting',
    p('Use **bold**, *italic*, lists and links; HTML is shown as text.'),
    h('ul', { class: 'govuk-list govuk-list--bullet' },
      h('li', null, 'Start each line of a list with a dash and a space: - like this'),
      h('li', null, 'Write a link as [the words](https://www.example.gov.uk/page)'),
      h('li', null, 'Leave an empty line between paragraphs')),
    p('Do not name a child, or give anything that would tell the Board who a child is.'))
}

function previewSection(pc: PieceContext, preview: ByPart<string>): HTMLElement {
  return h('section', { 'aria-labelledby': 'preview-title', 'data-testid': 'preview' },
    h('h2', { class: 'govuk-heading-m app-section-break', id: 'preview-title', tabindex: '-1' }, 'Preview'),
    p(hint('As the papers will print it. Nothing is saved until you choose Save.')),
    pc.parts.map((part) => h('div', { class: 'govuk-!-margin-bottom-6' },
      pc.parts.length > 1 ? h('h3', { class: 'govuk-heading-s' }, PART_TITLES[part]) : null,
      preview[part] ? rendered(preview[part] ?? '') : p('Nothing written.'))))
}

function drawEdit(ctx: Ctx, pc: PieceContext, st: EditState): void {
  const la = councilFrom(ctx.query)
  const laParam = ctx.query.get('la')
  const title = `Commentary: ${pc.title}`
  setTitle(st.errors.items.length ? `Error: ${title}` : title)
  const f = st.errors.fields

  const form = h('form', { method: 'post', action: '/api/v1/commentary', id: 'write-commentary', novalidate: true },
    help(),
    pc.parts.map((part) => {
      const theirs = st.theirs[part]
      return [
        theirs
          ? inset(h('h2', { class: 'govuk-heading-s' }, `${PART_TITLES[part]}: the version saved meanwhile`),
            theirs.body.trim() ? rendered(theirs.html) : p('They took the words out.'), byline(theirs))
          : null,
        textArea(fieldId(part), part, PART_TITLES[part], st.values[part] ?? '', {
          hint: lastSaved(st.current[part]), error: f[part], rows: 8, labelClass: 'govuk-label--s'
        })
      ]
    }),
    h('div', { class: 'govuk-button-group' },
      submit('Save'),
      h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button', id: 'preview-button' }, 'Preview'),
      link(listHref(pc.period, laParam), 'Cancel')))

  const read = (): ByPart<string> => {
    const d = new FormData(form)
    const out: ByPart<string> = {}
    for (const part of pc.parts) out[part] = String(d.get(part) ?? '').trim()
    return out
  }
  const lengthErrors = (values: ByPart<string>): FormErrors => {
    const errors = noErrors()
    for (const part of pc.parts) if (tooLong(values[part] ?? '')) fieldError(part, fieldId(part), `${named(pc, part)} must be 20,000 characters or fewer`, errors)
    return errors
  }

  ;(form.querySelector('#preview-button') as HTMLButtonElement).addEventListener('click', async () => {
    const values = read()
    const errors = lengthErrors(values)
    if (errors.items.length) return drawEdit(ctx, pc, { ...st, values, errors, preview: null, done: '' })
    const preview: ByPart<string> = {}
    try {
      for (const part of pc.parts) {
        const text = values[part] ?? ''
        preview[part] = text ? (await boardPost('/commentary/preview', { la }, { body: text })).html : ''
      }
    } catch (err) {
      if (!ctx.live()) return
      return drawEdit(ctx, pc, { ...st, values, preview: null, errors: { items: [{ text: partError(err, 'The commentary') }], fields: {} }, done: '' })
    }
    if (!ctx.live()) return
    drawEdit(ctx, pc, { ...st, values, preview, errors: noErrors(), done: '' })
    ;(ctx.main.querySelector('#preview-title') as HTMLElement | null)?.focus()
  })

  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const values = read()
    const errors = lengthErrors(values)
    const changed = pc.parts.filter((part) => values[part] !== (st.current[part]?.body ?? '').trim())
    if (!errors.items.length && !changed.length) fieldError(pc.parts[0], fieldId(pc.parts[0]), 'Change the commentary before you save it', errors)
    if (errors.items.length) return drawEdit(ctx, pc, { ...st, values, errors, done: '' })
    const current = { ...st.current }
    const theirs: ByPart<Commentary> = { ...st.theirs }
    const saved: string[] = []
    for (const part of changed) {
      const label = named(pc, part)
      try {
        current[part] = await boardPost('/commentary', { la }, {
          subject: pc.subject, period: pc.period, part, body: values[part] ?? '', replaces: st.current[part]?.id ?? 0
        })
        saved.push(label)
        delete theirs[part]
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          // someone saved this part meanwhile: show theirs, keep this writer's text, and let the
          // next save replace theirs knowingly
          const fresh = await boardGet('/commentary', { la, period: pc.period }).catch(() => null)
          const newest = fresh?.items.find((c) => c.subject === pc.subject && c.part === part)
          if (newest) {
            theirs[part] = newest
            current[part] = newest
          }
          fieldError(part, fieldId(part), `Someone else saved ${pc.parts.length > 1 ? label : 'this commentary'} while you were writing. ${newest
            ? 'Their version is shown above your text, which is kept: check theirs, then save again'
            : 'Your text is kept: copy it, then open this page again to see theirs'}`, errors)
        } else {
          fieldError(part, fieldId(part), partError(err, label), errors)
        }
      }
    }
    if (!ctx.live()) return
    if (errors.items.length) {
      const done = saved.length ? `${saved.join(' and ')} was saved` : ''
      return drawEdit(ctx, pc, { values, current, theirs, preview: null, errors, done })
    }
    setFlash('/board/commentary', 'The commentary was saved')
    navigate(listHref(pc.period, laParam))
  })

  fill(ctx.main,
    backLink(listHref(pc.period, laParam), 'Back to the commentary'),
    messages(st.errors.items, st.done),
    heading(title, periodCaption(pc.list)),
    boardNav(ctx.path, laParam),
    narrow(
      p(pc.parts.length > 1
        ? 'Say what is behind this figure and what is being done about it. Each part is kept version by version; the papers print the words as they stood on their day.'
        : 'The words of this section of the annual report. Each version is kept; the report prints the words as they stood on its day.'),
      Object.keys(st.current).length ? p(link(historyHref(pc.subject, pc.period, laParam), 'Every version so far')) : null,
      form,
      st.preview ? previewSection(pc, st.preview) : null))
  settle(ctx.main)
}
