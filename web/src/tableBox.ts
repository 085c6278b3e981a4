// The box every table sits in. When the table is wider than the page (on a phone most are), the
// box scrolls sideways instead of the page. While it scrolls it is a region named by the table's
// caption and a stop in the tab order, so keyboard users can reach it to scroll it and screen
// reader users hear what it holds (WCAG 2.1.1; axe's scrollable-region-focusable). While the table
// fits it is a plain box: no tab stop or landmark with nothing behind it.
import { h } from './dom'

const SCROLLS = 'app-table-box--scrolls'

function mark(box: HTMLElement, scrolls: boolean): void {
  if (scrolls === box.classList.contains(SCROLLS)) return
  box.classList.toggle(SCROLLS, scrolls)
  if (scrolls) {
    box.setAttribute('role', 'region')
    box.setAttribute('aria-labelledby', (box.querySelector('caption') as HTMLElement).id)
    box.tabIndex = 0
  } else {
    box.removeAttribute('role')
    box.removeAttribute('aria-labelledby')
    box.removeAttribute('tabindex')
  }
}

// One observer for every box: it reports a box when its width changes (the window is resized, a
// phone turned, a tab or a details element opened around it), and when it leaves the page, when
// it is let go. (It also reports a box made but not yet on the page: that one is kept.)
const onPage = new WeakSet<Element>()
// Every box is measured before any is marked: marking one changes the page's styles, and
// measuring the next would then lay the whole page out again (on a long worklist at a phone's
// speed, a sixth of a second per box).
const watcher = new ResizeObserver((entries) => {
  const measured: [HTMLElement, boolean][] = []
  for (const { target } of entries) {
    if (target.isConnected) {
      onPage.add(target)
      measured.push([target as HTMLElement, target.scrollWidth > target.clientWidth])
    } else if (onPage.has(target)) {
      watcher.unobserve(target)
    }
  }
  for (const [box, scrolls] of measured) mark(box, scrolls)
})

/** The table in its box. The table has a caption with an id: it names the box while it scrolls. */
export function tableBox(table: HTMLTableElement): HTMLElement {
  const box = h('div', { class: 'app-table-box' }, table)
  watcher.observe(box)
  return box
}
