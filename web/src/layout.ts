// The page shell: skip link, header with who is signed in, service navigation built from the
// session's `can` list, the main landmark and the footer. Built once per session.
import { initGovuk } from './govuk'
import { h } from './dom'
import { del } from './api'
import type { Capability, SignedIn } from './types'
import { ROLE_NAMES, homeFor } from './session'

interface NavItem {
  href: string
  text: string
  need: Capability[]
  /** paths under this one mark the item as current */
  prefix: string[]
}

const NAV: NavItem[] = [
  { href: '/', text: 'Scorecard', need: ['dashboard'], prefix: ['/', '/scorecard'] },
  { href: '/board', text: 'The Board', need: ['board'], prefix: ['/board'] },
  { href: '/listening', text: 'Listening to you', need: ['listening'], prefix: ['/listening'] },
  { href: '/worklist', text: 'My worklist', need: ['worklist'], prefix: ['/worklist'] },
  { href: '/worklist/team', text: 'Team worklists', need: ['team_worklist', 'all_worklist'], prefix: ['/worklist/team'] },
  { href: '/statements', text: 'Messages', need: ['statements'], prefix: ['/statements'] },
  { href: '/alerts', text: 'Safety alerts', need: ['alerts'], prefix: ['/alerts'] },
  { href: '/children', text: 'Children', need: ['children'], prefix: ['/children'] },
  { href: '/data-quality', text: 'Data quality', need: ['data_quality'], prefix: ['/data-quality'] },
  { href: '/imports', text: 'Imports', need: ['imports'], prefix: ['/imports'] },
  { href: '/indicators', text: 'Indicators', need: ['indicators'], prefix: ['/indicators'] },
  { href: '/rules', text: 'Rules', need: ['rules'], prefix: ['/rules'] },
  { href: '/users', text: 'Users', need: ['users'], prefix: ['/users'] },
  { href: '/my-record', text: 'My record', need: ['my_record'], prefix: ['/my-record'] }
]

export function navFor(s: SignedIn | null): NavItem[] {
  if (!s) return []
  const items = NAV.filter((n) => n.need.some((a) => s.can.includes(a)))
  // An IRO's work is their reviews: their worklist opens on the review items of the children
  // they review (pages/worklist.ts), comes first and is named for what it holds (issue 15 item 5).
  const mine = s.user.role === 'iro' ? items.find((n) => n.href === '/worklist') : undefined
  return mine ? [{ ...mine, text: 'My reviews' }, ...items.filter((n) => n !== mine)] : items
}

let shellKey: string | null = null
let mainEl: HTMLElement | null = null

/** Build the shell when the session changes; return the <main> element to render into. */
export function renderShell(s: SignedIn | null, onSignedOut: () => void): HTMLElement {
  const key = s ? `${s.user.username}|${s.can.join(',')}` : ''
  if (key === shellKey && mainEl) return mainEl
  shellKey = key
  const app = document.getElementById('app') as HTMLElement
  const items = navFor(s)

  const signOut = async (e: Event) => {
    e.preventDefault()
    try {
      await del('/session')
    } catch {
      // the session may already have ended: signing out is done either way
    }
    // Signed in through the council's single sign-on: sign out there too (the server sends the
    // browser to the provider, which sends it back to the sign-in page)
    if (s?.signed_in_with === 'sso') window.location.assign('/auth/oidc/sign-out')
    else onSignedOut()
  }

  const header = h('header', { class: 'app-header' },
    h('div', { class: 'govuk-width-container app-header__container' },
      h('a', { class: 'app-header__product', href: s ? homeFor(s) : '/login' }, 'Hearth'),
      s ? h('div', { class: 'app-header__user' },
        h('span', null, h('span', { class: 'govuk-visually-hidden' }, 'Signed in as '), s.user.display_name || s.user.username,
          h('span', { class: 'govuk-visually-hidden' }, `, ${ROLE_NAMES[s.user.role]}`)),
        h('form', { method: 'post', action: '/api/v1/session', class: 'app-header__form', onsubmit: signOut as EventListener },
          h('button', { type: 'submit', class: 'app-header__signout', 'data-testid': 'sign-out' }, 'Sign out')))
        : null))

  const nav = items.length
    ? h('div', { class: 'govuk-service-navigation', 'data-module': 'govuk-service-navigation' },
      h('div', { class: 'govuk-width-container' },
        h('div', { class: 'govuk-service-navigation__container' },
          h('nav', { 'aria-label': 'Menu', class: 'govuk-service-navigation__wrapper' },
            items.length > 1
              ? h('button', { type: 'button', class: 'govuk-service-navigation__toggle govuk-js-service-navigation-toggle', 'aria-controls': 'navigation', hidden: true, 'aria-hidden': 'true' }, 'Menu')
              : null,
            h('ul', { class: 'govuk-service-navigation__list', id: 'navigation' },
              items.map((n) => h('li', { class: 'govuk-service-navigation__item', 'data-prefix': n.prefix.join(' ') },
                h('a', { class: 'govuk-service-navigation__link', href: n.href }, n.text)))))))
    )
    : null

  mainEl = h('main', { class: 'govuk-main-wrapper', id: 'main-content' })
  const footer = h('footer', { class: 'govuk-footer' },
    h('div', { class: 'govuk-width-container' },
      h('div', { class: 'govuk-footer__meta' },
        h('div', { class: 'govuk-footer__meta-item govuk-footer__meta-item--grow' },
          h('h2', { class: 'govuk-visually-hidden' }, 'About Hearth'),
          h('p', { class: 'govuk-footer__licence-description' },
            'Hearth is open-source software for councils as corporate parents of children in care and care leavers.'),
          // only where figures are shown: a young person's own record has none
          s && s.can.some((a) => a === 'dashboard' || a === 'scorecard')
            ? h('p', { class: 'govuk-footer__licence-description' },
              'Figures marked c are hidden to protect children’s privacy: they stand for fewer than 5 children.')
            : null))))

  app.replaceChildren(
    h('a', { href: '#main-content', class: 'govuk-skip-link', 'data-module': 'govuk-skip-link' }, 'Skip to main content'),
    header,
    nav ?? '',
    h('div', { class: 'govuk-width-container app-main-container' }, mainEl),
    footer)
  initGovuk(app)
  return mainEl
}

/** Mark the navigation item for the current path (aria-current and the active style). */
export function markCurrent(path: string): void {
  const items = Array.from(document.querySelectorAll<HTMLElement>('.govuk-service-navigation__item'))
  let best: HTMLElement | null = null
  let bestLen = -1
  for (const li of items) {
    for (const prefix of (li.dataset.prefix ?? '').split(' ')) {
      const hit = prefix === '/' ? path === '/' : path === prefix || path.startsWith(prefix + '/')
      if (hit && prefix.length > bestLen) {
        best = li
        bestLen = prefix.length
      }
    }
  }
  for (const li of items) {
    const a = li.querySelector('a')
    const on = li === best
    li.classList.toggle('govuk-service-navigation__item--active', on)
    if (!a) continue
    if (on) {
      a.setAttribute('aria-current', a.getAttribute('href') === path ? 'page' : 'true')
      if (!a.querySelector('strong')) {
        const strong = h('strong', { class: 'govuk-service-navigation__active-fallback' }, a.textContent ?? '')
        a.replaceChildren(strong)
      }
    } else {
      a.removeAttribute('aria-current')
      const strong = a.querySelector('strong')
      if (strong) a.replaceChildren(strong.textContent ?? '')
    }
  }
}
