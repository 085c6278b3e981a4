// GOV.UK Frontend components built as DOM: the markup follows the Design System's templates.
import { h, uid, fill, type Child } from './dom'
import { STATUS, SEVERITY, RAG_WORDS, num } from './format'
import { tableBox } from './tableBox'
import type { ItemStatus, Rag, Severity } from './types'

export function heading(text: string, caption?: string): HTMLElement {
  return h('h1', { class: 'govuk-heading-l', tabindex: '-1', id: 'page-heading' },
    caption ? h('span', { class: 'govuk-caption-l' }, caption) : null, text)
}

export function p(...children: Child[]): HTMLParagraphElement {
  return h('p', { class: 'govuk-body' }, ...children)
}

export function link(href: string, text: Child, extra: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', { class: 'govuk-link', href, ...extra }, text)
}

export function tag(text: string, cls = ''): HTMLElement {
  return h('strong', { class: `govuk-tag ${cls}`.trim() }, text)
}

export function statusTag(status: ItemStatus): HTMLElement {
  return tag(STATUS[status].text, STATUS[status].tag)
}

export function severityTag(sev: Severity): HTMLElement {
  return tag(SEVERITY[sev].text, SEVERITY[sev].tag)
}

export function ragTag(r: Rag): HTMLElement {
  if (!r) return tag('No target', 'govuk-tag--grey')
  return tag(RAG_WORDS[r].text, RAG_WORDS[r].tag)
}

export interface Column<T> {
  head: string
  cell: (row: T) => Child
  numeric?: boolean
  /** the first column names the row: a <th scope="row"> */
  rowHeader?: boolean
  /** holds long unbroken text (a path, a URL) that on a phone may break anywhere rather than widen the table */
  breakAnywhere?: boolean
}

/** A GOV.UK table with a caption and scoped headers, in a box that scrolls sideways when the
 * table is wider than the page (src/tableBox.ts). */
export function table<T>(caption: string, columns: Column<T>[], rows: T[], opts: { captionClass?: string; small?: boolean } = {}): HTMLElement {
  const numericCls = (c: Column<T>) => (c.numeric ? ' govuk-table__header--numeric' : '')
  const cellCls = (c: Column<T>) => `govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}${c.breakAnywhere ? ' app-break-anywhere' : ''}`
  return tableBox(h('table', { class: `govuk-table${opts.small ? ' govuk-table--small-text-until-tablet' : ''}` },
    h('caption', { class: `govuk-table__caption ${opts.captionClass ?? 'govuk-table__caption--m'}`, id: uid('caption') }, caption),
    h('thead', { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' },
        columns.map((c) => h('th', { scope: 'col', class: `govuk-table__header${numericCls(c)}` }, c.head)))),
    h('tbody', { class: 'govuk-table__body' },
      rows.map((r) => h('tr', { class: 'govuk-table__row' },
        columns.map((c) => c.rowHeader
          ? h('th', { scope: 'row', class: `govuk-table__header${numericCls(c)}` }, c.cell(r))
          : h('td', { class: cellCls(c) }, c.cell(r))))))))
}

/** A file name or field code with a line-break opportunity after each underscore
 * (placed_for_|adoption.csv, DATE_|PLACED), so its table column need not be as wide as the whole word. */
export function breakAfterUnderscores(text: string): Child[] {
  return text.split(/(?<=_)/).map((part, i) => (i ? [h('wbr'), part] : part))
}

export function summaryList(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'govuk-summary-list' },
    rows.map(([k, v]) => h('div', { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key' }, k),
      h('dd', { class: 'govuk-summary-list__value' }, v === '' || v === null || v === undefined ? 'Not recorded' : v))))
}

export function details(summary: string, ...content: Child[]): HTMLElement {
  return h('details', { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, summary)),
    h('div', { class: 'govuk-details__text' }, ...content))
}

/**
 * Details whose content is built when they are first opened. The Board's scorecard has a closed
 * "Show the trend as a table" under every tile: building all those tables up front was most of
 * the page's elements and a good part of its script time on a phone. The summary is there from
 * the start, so keyboard and screen reader users meet the same closed details; opening it fills
 * the content before the browser paints it.
 */
export function lazyDetails(summary: string, build: () => Child): HTMLElement {
  const text = h('div', { class: 'govuk-details__text' })
  const el = h('details', { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, summary)),
    text)
  let built = false
  el.addEventListener('toggle', () => {
    if (built || !el.open) return
    built = true
    fill(text, build())
  })
  return el
}

export function inset(...content: Child[]): HTMLElement {
  return h('div', { class: 'govuk-inset-text' }, ...content)
}

// How old the records are, in plain words, from the server's records_note ("records up to 31 March
// 2026; today is 2 December 2026"); nothing when the records reach today.
export function recordsNote(note: string | null | undefined, what: string): HTMLElement | null {
  if (!note) return null
  return h('div', { class: 'govuk-inset-text', 'data-testid': 'records-note' },
    `${what} are worked out from the council's ${note}. Anything recorded since then is not shown yet.`)
}

export function warning(...content: Child[]): HTMLElement {
  return h('div', { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), ...content))
}

export function notification(title: string, body: Child, success = false): HTMLElement {
  const id = uid('banner-title')
  return h('div', {
    class: `govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`,
    role: success ? 'alert' : 'region',
    'aria-labelledby': id,
    'data-module': 'govuk-notification-banner'
  },
  h('div', { class: 'govuk-notification-banner__header' },
    h('h2', { class: 'govuk-notification-banner__title', id }, success ? 'Success' : 'Important')),
  h('div', { class: 'govuk-notification-banner__content' },
    h('p', { class: 'govuk-notification-banner__heading' }, title),
    body ? h('p', { class: 'govuk-body' }, body) : null))
}

export interface ErrorItem {
  text: string
  href?: string
}

/** The error summary; GOV.UK Frontend's JS moves focus to it when it is initialised. */
export function errorSummary(items: ErrorItem[], title = 'There is a problem'): HTMLElement {
  return h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, title),
      h('div', { class: 'govuk-error-summary__body' },
        h('ul', { class: 'govuk-list govuk-error-summary__list' },
          items.map((i) => h('li', null, i.href ? h('a', { href: i.href }, i.text) : i.text))))))
}

export function button(text: string, attrs: Record<string, string | EventListener> = {}, cls = ''): HTMLButtonElement {
  return h('button', { type: 'submit', class: `govuk-button ${cls}`.trim(), 'data-module': 'govuk-button', ...attrs }, text)
}

export interface Option {
  value: string
  text: string
  /** radios only: a hint under the option's label */
  hint?: string
}

export function select(id: string, name: string, label: string, options: Option[], value: string, hint?: string): HTMLElement {
  const hintId = hint ? `${id}-hint` : undefined
  return h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: hintId }, hint) : null,
    h('select', { class: 'govuk-select', id, name, 'aria-describedby': hintId },
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.text))))
}

export function textInput(id: string, name: string, label: string, value: string, opts: { hint?: string; type?: string; autocomplete?: string; cls?: string; error?: string; spellcheck?: boolean } = {}): HTMLElement {
  const hintId = opts.hint ? `${id}-hint` : ''
  const errId = opts.error ? `${id}-error` : ''
  const described = [hintId, errId].filter(Boolean).join(' ') || undefined
  return h('div', { class: `govuk-form-group${opts.error ? ' govuk-form-group--error' : ''}` },
    h('label', { class: 'govuk-label', for: id }, label),
    opts.hint ? h('div', { class: 'govuk-hint', id: hintId }, opts.hint) : null,
    opts.error ? h('p', { class: 'govuk-error-message', id: errId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), opts.error) : null,
    h('input', {
      class: `govuk-input${opts.cls ? ' ' + opts.cls : ''}${opts.error ? ' govuk-input--error' : ''}`,
      id, name, type: opts.type ?? 'text', value, autocomplete: opts.autocomplete,
      spellcheck: opts.spellcheck === false ? 'false' : undefined, 'aria-describedby': described
    }))
}

/** GOV.UK character count: a textarea that says how many characters are left (its script is
 * started by initGovuk; without it the limit is still said under the field). */
export function characterCount(id: string, name: string, label: string, value: string, maxlength: number, opts: { hint?: string; error?: string; labelClass?: string; rows?: number } = {}): HTMLElement {
  const hintId = opts.hint ? `${id}-hint` : ''
  const errId = opts.error ? `${id}-error` : ''
  return h('div', { class: `govuk-form-group govuk-character-count${opts.error ? ' govuk-form-group--error' : ''}`, 'data-module': 'govuk-character-count', 'data-maxlength': maxlength },
    h('label', { class: `govuk-label${opts.labelClass ? ' ' + opts.labelClass : ''}`, for: id }, label),
    opts.hint ? h('div', { class: 'govuk-hint', id: hintId }, opts.hint) : null,
    opts.error ? h('p', { class: 'govuk-error-message', id: errId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), opts.error) : null,
    h('textarea', {
      class: `govuk-textarea govuk-js-character-count${opts.error ? ' govuk-textarea--error' : ''}`,
      id, name, rows: opts.rows ?? 5, 'aria-describedby': [`${id}-info`, hintId, errId].filter(Boolean).join(' ')
    }, value),
    h('div', { class: 'govuk-hint govuk-character-count__message', id: `${id}-info` }, `You can enter up to ${num(maxlength, 0)} characters`))
}

export function radios(name: string, legend: string, options: Option[], value: string, opts: { inline?: boolean; small?: boolean; hint?: string; error?: string; legendClass?: string } = {}): HTMLElement {
  const base = `${name}-radio`
  const hintId = opts.hint ? `${base}-hint` : ''
  const errId = opts.error ? `${base}-error` : ''
  return h('div', { class: `govuk-form-group${opts.error ? ' govuk-form-group--error' : ''}` },
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': [hintId, errId].filter(Boolean).join(' ') || undefined },
      h('legend', { class: `govuk-fieldset__legend ${opts.legendClass ?? 'govuk-fieldset__legend--s'}` }, legend),
      opts.hint ? h('div', { class: 'govuk-hint', id: hintId }, opts.hint) : null,
      opts.error ? h('p', { class: 'govuk-error-message', id: errId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), opts.error) : null,
      h('div', { class: `govuk-radios${opts.inline ? ' govuk-radios--inline' : ''}${opts.small ? ' govuk-radios--small' : ''}`, 'data-module': 'govuk-radios' },
        options.map((o, i) => {
          const id = i === 0 ? base : `${base}-${i + 1}`
          // (no conditional reveals: GOV.UK's script puts aria-expanded on the radio, which
          // ARIA does not allow there)
          const itemHint = o.hint ? `${id}-item-hint` : undefined
          return h('div', { class: 'govuk-radios__item' },
            h('input', { class: 'govuk-radios__input', id, name, type: 'radio', value: o.value, checked: o.value === value, 'aria-describedby': itemHint }),
            h('label', { class: 'govuk-label govuk-radios__label', for: id }, o.text),
            o.hint ? h('div', { class: 'govuk-hint govuk-radios__hint', id: itemHint }, o.hint) : null)
        }))))
}

/** GOV.UK pagination: previous, numbered pages, next, as links that keep the query string.
 * `label` names the navigation landmark: a page with several lists names each one's. */
export function pagination(page: number, perPage: number, total: number, hrefFor: (page: number) => string, label = 'Pagination'): HTMLElement | null {
  const pages = Math.max(1, Math.ceil(total / perPage))
  if (pages <= 1) return null
  const items: (number | null)[] = []
  for (let i = 1; i <= pages; i++) {
    if (i === 1 || i === pages || Math.abs(i - page) <= 1) items.push(i)
    else if (items[items.length - 1] !== null) items.push(null)
  }
  return h('nav', { class: 'govuk-pagination', 'aria-label': label },
    page > 1
      ? h('div', { class: 'govuk-pagination__prev' },
        h('a', { class: 'govuk-link govuk-pagination__link', href: hrefFor(page - 1), rel: 'prev' },
          arrow('prev'), h('span', { class: 'govuk-pagination__link-title' }, 'Previous', h('span', { class: 'govuk-visually-hidden' }, ' page'))))
      : null,
    h('ul', { class: 'govuk-pagination__list' },
      items.map((i) => i === null
        ? h('li', { class: 'govuk-pagination__item govuk-pagination__item--ellipses' }, '⋯')
        : h('li', { class: `govuk-pagination__item${i === page ? ' govuk-pagination__item--current' : ''}` },
          h('a', { class: 'govuk-link govuk-pagination__link', href: hrefFor(i), 'aria-label': `Page ${i}`, 'aria-current': i === page ? 'page' : undefined }, String(i))))),
    page < pages
      ? h('div', { class: 'govuk-pagination__next' },
        h('a', { class: 'govuk-link govuk-pagination__link', href: hrefFor(page + 1), rel: 'next' },
          h('span', { class: 'govuk-pagination__link-title' }, 'Next', h('span', { class: 'govuk-visually-hidden' }, ' page')), arrow('next')))
      : null)
}

function arrow(dir: 'prev' | 'next'): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('class', `govuk-pagination__icon govuk-pagination__icon--${dir}`)
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  svg.setAttribute('height', '13')
  svg.setAttribute('width', '15')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  svg.setAttribute('viewBox', '0 0 15 13')
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path')
  // a plain arrow: shaft and head
  path.setAttribute('d', dir === 'prev' ? 'M7 0 0 6.5 7 13l1.4-1.4L4 7.5h11v-2H4l4.4-4.1z' : 'M8 0 6.6 1.4 11 5.5H0v2h11l-4.4 4.1L8 13l7-6.5z')
  svg.appendChild(path)
  return svg
}

export function backLink(href: string, text = 'Back'): HTMLAnchorElement {
  return h('a', { class: 'govuk-back-link', href }, text)
}

/** Build a path with query parameters, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  const qs = q.toString()
  return qs ? `${path}?${qs}` : path
}

export function loading(): HTMLElement {
  return h('p', { class: 'govuk-body', role: 'status' }, 'Loading…')
}
