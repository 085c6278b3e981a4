// History-API routing: every page is a path the server answers with index.html. The router
// checks the session, the role's permissions (the session's `can` list), sets the page title,
// moves focus to the new page's heading and initialises GOV.UK Frontend's JavaScript.
import { initAll } from 'govuk-frontend'
import { ApiError, SessionEnded, readCookie, setUnauthenticatedHandler } from './api'
import { clear } from './dom'
import { loadSession, session, setSession, can } from './session'
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

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  void render()
}

function here(): string {
  return location.pathname + location.search
}

function toLogin(expired: boolean): void {
  const next = here()
  const q = new URLSearchParams()
  if (next !== '/' && !next.startsWith('/login')) q.set('next', next)
  if (expired) q.set('expired', '1')
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
    const s = await loadSession().catch(() => null)
    if (!live()) return
    if (!s) {
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
  afterRender(main)
}

function afterRender(main: HTMLElement): void {
  initAll({ scope: main, onError: () => undefined })
  main.dataset.state = 'ready'
  main.removeAttribute('aria-busy')
  const summary = main.querySelector('.govuk-error-summary')
  // The error summary takes focus itself; otherwise the new page's heading does, so screen
  // reader users hear that the page changed (not on the first load: the browser starts at the top).
  if (!summary && !firstRender) {
    const h1 = main.querySelector<HTMLElement>('h1')
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
      h1.focus({ preventScroll: false })
    } else {
      main.focus()
    }
  }
  if (!firstRender) window.scrollTo(0, 0)
  firstRender = false
}

/** Re-run the page's initialisation after a page replaced part of itself. */
export function refreshComponents(scope: HTMLElement): void {
  initAll({ scope, onError: () => undefined })
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
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!a || !isRoutable(a, e)) return
    e.preventDefault()
    const url = new URL(a.href, location.href)
    navigate(url.pathname + url.search + url.hash)
  })
  window.addEventListener('popstate', () => {
    if (here() === rendered) return // only the fragment changed
    void render()
  })
  void render()
}

