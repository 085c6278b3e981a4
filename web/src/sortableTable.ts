// A table the reader can sort by a column, as the MOJ Design System's sortable table (the GOV.UK
// community pattern): each sortable column's header holds a button; the sorted column's header
// carries aria-sort (ascending or descending; the others "none"), so a screen reader says how
// the table is sorted when it reads a header; a visually hidden status line says it again when
// the order changes. Sorting moves the rows already built: nothing is fetched or re-rendered.
import { h, uid, type Child } from './dom'
import { tableBox } from './tableBox'
import type { Column } from './components'

export type SortDirection = 'ascending' | 'descending'

export interface SortColumn<T> extends Column<T> {
  /** what the column sorts by; absent: the column does not sort */
  sortBy?: (row: T) => string | number
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' })

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

/** The table sorted by `initial.column` (an index into columns); each sortable header's button
 * sorts by its column, ascending first, then reversing. Ties keep the rows' given order. */
export function sortableTable<T>(caption: string, columns: SortColumn<T>[], rows: T[],
  initial: { column: number; direction: SortDirection }, opts: { captionClass?: string; small?: boolean; testid?: string } = {}): HTMLElement {
  const numericCls = (c: Column<T>) => (c.numeric ? ' govuk-table__header--numeric' : '')
  const cellCls = (c: Column<T>) => `govuk-table__cell${c.numeric ? ' govuk-table__cell--numeric' : ''}`
  const status = h('p', { class: 'govuk-visually-hidden', role: 'status' })
  const built = rows.map((r, i) => ({
    row: r,
    index: i,
    tr: h('tr', { class: 'govuk-table__row' },
      columns.map((c) => c.rowHeader
        ? h('th', { scope: 'row', class: `govuk-table__header${numericCls(c)}` }, c.cell(r))
        : h('td', { class: cellCls(c) }, c.cell(r) as Child)))
  }))
  const tbody = h('tbody', { class: 'govuk-table__body' })
  const headers = columns.map((c, i) => h('th', {
    scope: 'col',
    class: `govuk-table__header${numericCls(c)}`,
    'aria-sort': c.sortBy ? 'none' : undefined
  }, c.sortBy
    ? h('button', { type: 'button', class: 'app-sort-button', 'data-index': String(i), onclick: () => sortOn(i, true) }, c.head)
    : c.head))

  let current = initial
  function sortOn(i: number, clicked: boolean): void {
    const col = columns[i]
    if (!col.sortBy) return
    const direction: SortDirection = clicked
      ? current.column === i && current.direction === 'ascending' ? 'descending' : 'ascending'
      : current.direction
    current = { column: i, direction }
    const key = col.sortBy
    const sign = direction === 'ascending' ? 1 : -1
    const sorted = [...built].sort((a, b) => sign * compare(key(a.row), key(b.row)) || a.index - b.index)
    tbody.replaceChildren(...sorted.map((b) => b.tr))
    headers.forEach((th, j) => {
      if (columns[j].sortBy) th.setAttribute('aria-sort', j === i ? direction : 'none')
    })
    // said only after a click: on first drawing the headers' aria-sort is enough
    if (clicked) status.textContent = `Sorted by ${col.head}, ${direction}`
  }
  sortOn(initial.column, false)

  return h('div', { class: 'app-sortable', 'data-testid': opts.testid },
    tableBox(h('table', { class: `govuk-table${opts.small ? ' govuk-table--small-text-until-tablet' : ''}` },
      h('caption', { class: `govuk-table__caption ${opts.captionClass ?? 'govuk-table__caption--m'}`, id: uid('caption') }, caption),
      h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' }, headers)),
      tbody)),
    status)
}
