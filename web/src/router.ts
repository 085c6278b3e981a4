// History-API routing: every page is a path the server answers with index.html. The router
// checks the session, the role's permissions (the session's `can` list), sets the page title,
// moves focus to the new page's heading and initialises GOV.UK Frontend's JavaScript.
import { initGovuk } from './govuk'
import { ApiError, SessionEnded, readCookie, setUnauthenticatedHandler, setActivityHandler, dropPrefetched, del } from './api'
import { noteActivity, startIdleWatch } from './idle'
import { clear } from './dom'
import { loadSession, session, setSession, can, couldUse } from './session'
import { renderShell, markCurrent } from './layout'
import type { Capability, SignedIn } from './types'

export interface Ctx {
  path: string
  params: Record<string, string>
  query: URLSearchParams
  main: HTMLElement
  session: SignedIn | null
  /** false once another navigation has started: stop rendering */
  live: () => boolean
}

export interface Route {
  path: string
  /** any one of these actions lets the user in */
  need?: Capability[]
  public?: boolean
  render: (ctx: Ctx) => Promise<void> | void
  /** start the page's first request before the session is known (routes.ts) */
  prefetch?: (query: URLSearchParams, params: Record<string, string>) => void
}

interface Compiled extends Route {
  re: RegExp
  keys: string[]
}

let routes: Compiled[] = []
let fallback: Route['render'] = () => undefined
let forbidden: Route['render'] = () => undefined
let failure: (ctx: Ctx, e: unknown) => void = () => undefined
let generation = 0
let rendered = ''
let firstRender = true

export function setTitle(page: string): void {
  document.title = `${page} – Hearth`
}

export function register(table: Route[], pages: { notFound: Route['render']; forbidden: Route['render']; failure: (ctx: Ctx, e: unknown) => void }): void {
  routes = table.map((r) => {
    const keys: string[] = []
    const re = new RegExp('^' + r.path.replace(/:([a-z_]+)/g, (_, k: string) => {
      keys.push(k)
      return '([^/]+)'
    }) + '/?$')
    return { ...r, re, keys }
  })
  fallback = pages.notFound
  forbidden = pages.forbidden
  failure = pages.failure
}

function match(path: string): { route: Compiled | null; params: Record<string, string> } {
  for (const r of routes) {
    const m = r.re.exec(path)
    if (m) {
      const params: Record<string, string> = {}
      r.keys.forEach((k, i) => { params[k] = decodeURIComponent(m[i + 1]) })
      return { route: r, params }
    }
  }
  return { route: null, params: {} }
}

// Going back to a list puts it where it was. The list's filters and page are in its address
// already; its scroll position is kept in its history entry's state when the user goes on, and
// put back once the page has been drawn again (the browser's own restoration would come before
// the list's data, so it is turned off).
interface Place { scrollY?: number }
if ('scrollRestoration' in history) history.scrollRestoration = 'manual'

function keepPlace(): void {
  const state = (history.state ?? {}) as Place
  history.replaceState({ ...state, scrollY: Math.round(window.scrollY) }, '')
}

/** The scroll position to put back: the history entry's, when it has one (back, forward, reload). */
function savedPlace(): number | null {
  const y = (history.state as Place | null)?.scrollY
  return typeof y === 'number' ? y : null
}

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url)
  else {
    keepPlace()
    history.pushState(null, '', url)
  }
  void render()
}

function here(): string {
  return location.pathname + location.search
}

function toLogin(expired: boolean, idleMinutes = 0): void {
  const next = here()
  const q = new URLSearchParams()
  if (next !== '/' && !next.startsWith('/login')) q.set('next', next)
  if (idleMinutes) q.set('idle', String(idleMinutes))
  else if (expired) q.set('expired', '1')
  const qs = q.toString()
  navigate('/login' + (qs ? `?${qs}` : ''), { replace: true })
}

/** Put the page on screen for the current location. */
export async function render(): Promise<void> {
  const mine = ++generation
  const live = () => mine === generation
  rendered = here()
  const path = location.pathname.replace(/\/+$/, '') || '/'
  const { route, params } = match(path)
  const query = new URLSearchParams(location.search)

  if (!route?.public && !session()) {
    // On a page load the page's data is asked for alongside the session, not after it: unless
    // this browser's last session could not see the page (then the page is the 403 page anyway)
    if (route?.prefetch && (!route.need || couldUse(route.need) !== false)) route.prefetch(query, params)
    const s = await loadSession().catch(() => null)
    if (!live()) return
    if (!s) {
      dropPrefetched()
      // a hearth_csrf cookie left behind means a session existed and has ended
      toLogin(!!readCookie('hearth_csrf'))
      return
    }
  }
  const main = renderShell(session(), signOutTarget)
  markCurrent(path)
  const ctx: Ctx = { path, params, query, main, session: session(), live }
  clear(main)
  // the browser tests wait for "ready"; assistive technology hears the new heading instead
  main.dataset.state = 'loading'
  main.setAttribute('aria-busy', 'true')
  try {
    if (!route) await fallback(ctx)
    else if (route.need && !route.need.some((a) => can(a))) await forbidden(ctx)
    else await route.render(ctx)
  } catch (e) {
    if (!live() || e instanceof SessionEnded) return
    if (e instanceof ApiError && e.status === 403 && e.code !== 'csrf') {
      clear(main)
      await forbidden(ctx)
    } else if (e instanceof ApiError && e.status === 404) {
      clear(main)
      await fallback(ctx)
    } else {
      clear(main)
      failure(ctx, e)
    }
  }
  if (!live()) return
  dropPrefetched() // the page has what it asked for; anything else is stale from now on
  afterRender(main)
}

function afterRender(main: HTMLElement): void {
  initGovuk(main)
  const place = savedPlace()
  const summary = main.querySelector('.govuk-error-summary')
  // The error summary takes focus itself; otherwise the new page's heading does, so screen
  // reader users hear that the page changed (not on the first load: the browser starts at the top).
  if (!summary && !firstRender) {
    const h1 = main.querySelector<HTMLElement>('h1')
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
      h1.focus({ preventScroll: place !== null })
    } else {
      main.focus({ preventScroll: place !== null })
    }
  }
  if (place !== null) window.scrollTo(0, place)
  else if (!firstRender) window.scrollTo(0, 0)
  firstRender = false
  // the browser tests wait for this: the page is drawn and in its place
  main.dataset.state = 'ready'
  main.removeAttribute('aria-busy')
}

/** Re-run the page's initialisation after a page replaced part of itself. */
export function refreshComponents(scope: HTMLElement): void {
  initGovuk(scope)
}

function signOutTarget(): void {
  setSession(null)
  navigate('/login?signed_out=1', { replace: true })
}

function isRoutable(a: HTMLAnchorElement, e: MouseEvent): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false
  if (a.target && a.target !== '_self') return false
  if (a.hasAttribute('download') || a.dataset.router === 'off') return false
  const url = new URL(a.href, location.href)
  if (url.origin !== location.origin) return false
  if (url.pathname.startsWith('/api/')) return false
  if (/\.[a-z0-9]+$/i.test(url.pathname)) return false
  // same page, only the fragment differs: leave it to the browser (skip link, error summary)
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return false
  return true
}

export function start(): void {
  setUnauthenticatedHandler(() => {
    setSession(null)
    toLogin(true)
  })
  setActivityHandler(noteActivity)
  // The idle time ran out with nobody answering the warning: end the session here rather than
  // leave it to the server a minute later, then sign in again and come back to this page.
  startIdleWatch((minutes) => {
    setSession(null)
    void del('/session', {}, { allow401: true }).catch(() => undefined).finally(() => toLogin(false, minutes))
  })
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!a || !isRoutable(a, e)) return
    e.preventDefault()
    const url = new URL(a.href, location.href)
    navigate(url.pathname + url.search + url.hash)
  })
  // leaving for another site, a download or a reload: keep the place for coming back
  window.addEventListener('pagehide', keepPlace)
  window.addEventListener('popstate', () => {
    if (here() === rendered) return // only the fragment changed
    void render()
  })
  void render()
}

