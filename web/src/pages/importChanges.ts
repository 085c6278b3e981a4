// What an import would change, as its check worked it out (the check's `changes`): for each
// year, the stored import it replaces, children and episodes before and after, children looked
// after at the year's end, and whose caseloads change; and, when the change is larger than the
// council's threshold, the confirmation the accept needs.
import { h } from '../dom'
import { summaryList, table, warning } from '../components'
import { dateTime, num, plural } from '../format'
import type { ImportChanges, ImportYearChange } from '../types'

const arrow = (before: number, after: number) =>
  before === after ? `${num(before, 0)} (no change)` : `${num(before, 0)} → ${num(after, 0)} (${after > before ? '+' : '−'}${num(Math.abs(after - before), 0)})`

function longDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

function yearPart(y: ImportYearChange): (HTMLElement | null)[] {
  const rep = y.replaces
  return [
    h('h3', { class: 'govuk-heading-s' }, `Collection year ${y.collection_year}`),
    summaryList([
      ['Replaces', rep ? `Import ${rep.import_id}, stored ${dateTime(rep.imported_at)} by ${rep.user} (${plural(rep.rows, 'row')})` : 'Nothing: this year is new to Hearth'],
      ['Children in the return', `${arrow(y.children.before, y.children.after)}${rep ? `; ${plural(y.children_added, 'child', 'children')} new, ${plural(y.children_removed, 'child', 'children')} no longer in it` : ''}`],
      ['Episodes of care', arrow(y.episodes.before, y.episodes.after)],
      [`Looked after on ${longDate(y.year_end)}`, arrow(y.looked_after_at_year_end.before, y.looked_after_at_year_end.after)]
    ]),
    y.caseloads.length
      ? table(`Caseloads that change: children looked after on ${longDate(y.year_end)}`, [
          { head: 'Worker', cell: (c: ImportYearChange['caseloads'][number]) => c.name ? `${c.name} (${c.worker})` : c.worker, rowHeader: true },
          { head: 'Before', cell: (c) => num(c.before, 0), numeric: true },
          { head: 'After', cell: (c) => num(c.after, 0), numeric: true }
        ], y.caseloads, { small: true, captionClass: 'govuk-table__caption--s' })
      : h('p', { class: 'govuk-body' }, 'No worker’s caseload changes.')
  ]
}

/** The section, headed "What storing it would change". */
export function changesSection(c: ImportChanges, stored: boolean): HTMLElement {
  return h('section', { class: 'app-section-break', 'aria-labelledby': 'changes-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'changes-heading' }, stored ? 'What storing it changed' : 'What storing it would change'),
    c.needs_confirmation && !stored && c.why ? warning(`${c.why}.`) : null,
    c.years.flatMap(yearPart))
}

/** The checkbox a large change needs ticked before it is stored. */
export function confirmBox(error: string | null): HTMLElement {
  return h('div', { class: `govuk-form-group${error ? ' govuk-form-group--error' : ''}` },
    error ? h('p', { class: 'govuk-error-message', id: 'confirm-change-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), error) : null,
    h('div', { class: 'govuk-checkboxes', 'data-module': 'govuk-checkboxes' },
      h('div', { class: 'govuk-checkboxes__item' },
        h('input', { class: 'govuk-checkboxes__input', id: 'confirm-change', name: 'confirm', type: 'checkbox', value: 'yes', ...(error ? { 'aria-describedby': 'confirm-change-error' } : {}) }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'confirm-change' }, 'I have checked what would change, and want to store this import'))))
}
