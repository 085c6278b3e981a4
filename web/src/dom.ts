// A tiny helper for building DOM without innerHTML: every text goes in as a text node, so data
// from the API can never become markup, and no style attributes are written (strict CSP).

export type Child = Node | string | number | null | undefined | false | Child[] | { label: string }

export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c)
    return
  }
  if (child instanceof Node) parent.appendChild(child)
  else if (typeof child === 'object' && child !== null && 'label' in child) parent.appendChild(document.createTextNode(String((child as { label: unknown }).label)))
  else parent.appendChild(document.createTextNode(String(child)))
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (key === 'style') throw new Error('style attributes are not allowed (CSP): use a class')
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value)
    } else if (key === 'class') {
      el.setAttribute('class', String(value))
    } else {
      el.setAttribute(key, value === true ? '' : String(value))
    }
  }
}

/** Make an HTML element: h('a', {href: '/x', class: 'govuk-link'}, 'text'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  setAttrs(el, attrs ?? undefined)
  append(el, children)
  return el
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Make an SVG element with createElementNS. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | number | null | undefined> | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag)
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue
      if (key === 'style') throw new Error('style attributes are not allowed (CSP): use a class')
      el.setAttribute(key, String(value))
    }
  }
  append(el, children)
  return el
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild)
}

let idCounter = 0
/** A unique id for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1
  return `${prefix}-${idCounter}`
}

/** Replace an element's content with the given children (null and false are left out). */
export function fill(el: Element, ...children: Child[]): void {
  clear(el)
  append(el, children)
}
