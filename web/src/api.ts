// The one place the front end talks to the Hearth JSON API (docs/api.md): it sends the CSRF
// token on every request that changes something, turns the error shape
// {"error":{"code","message","details"}} into an ApiError, and sends the user to the sign-in
// page when the session has ended (401). Each call names its route as the OpenAPI document
// writes it ("/children/{id}"), so its reply has the type the document gives (api-types.ts).
import type { Error as ErrorReply, Replies } from './api-types'

type ErrorShape = ErrorReply['error']
/** What an ApiError is made from: the server's error shape, or one made up here (a network
 * failure, a reply that is not Hearth's) that has no details. */
type ErrorBody = Pick<ErrorShape, 'code' | 'message'> & Partial<Pick<ErrorShape, 'details'>>

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown>
  constructor(status: number, body: ErrorBody) {
    super(body.message || `Request failed (${status})`)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code || 'error'
    this.details = body.details ?? {}
  }
}

/** Raised after a 401 has started the move to the sign-in page: pages just stop. */
export class SessionEnded extends Error {
  constructor() {
    super('The session has ended')
    this.name = 'SessionEnded'
  }
}

export const API = '/api/v1'

let csrfFromSession = ''

/** The session reply's csrf value, used when the cookie cannot be read. */
export function setCsrf(token: string): void {
  csrfFromSession = token
}

export function readCookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return ''
}

export function csrfToken(): string {
  return readCookie('hearth_csrf') || csrfFromSession
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
/** A method's routes, as the OpenAPI document writes them after /api/v1: "/children/{id}". */
export type Route<M extends Method> = keyof Replies extends infer K ? (K extends `${M} /api/v1${infer R}` ? R : never) : never
type Reply<M extends Method, R extends string> = `${M} /api/v1${R}` extends infer K extends keyof Replies ? Replies[K] : never
/** A route's path parameters: "/imports/{id}/files/{name}" → { id: string } & { name: string }. */
type PathParams<R extends string> = R extends `${string}{${infer P}}${infer Rest}` ? { [K in P]: string } & PathParams<Rest> : unknown
type Query = Record<string, string | number | boolean | null | undefined>
/** A call's arguments after the route: its parameters, path and query alike as the document
 * lists them (required when the route has path parameters), then `Rest`. */
type Args<R extends string, Rest extends unknown[]> = keyof PathParams<R> extends never
  ? [params?: Query, ...rest: Rest]
  : [params: Query & PathParams<R>, ...rest: Rest]

/** "/children/{id}" with { id: "1", la: "887", q: "" } → "/api/v1/children/1?la=887": the path
 * parameters fill the route, the others make the query (empty ones left out). */
export function apiUrl(route: Route<Method>, params: Query = {}): string {
  const q = new URLSearchParams()
  let path: string = route
  for (const [k, v] of Object.entries(params)) {
    if (path.includes(`{${k}}`)) path = path.replace(`{${k}}`, encodeURIComponent(String(v)))
    else if (v !== null && v !== undefined && v !== '') q.set(k, String(v))
  }
  const qs = q.toString()
  return `${API}${path}${qs ? `?${qs}` : ''}`
}

let onUnauthenticated: (() => void) | null = null
let onActivity: () => void = () => undefined

/** The idle warning (idle.ts) hears of every reply: each signed-in request restarts the session's idle time. */
export function setActivityHandler(handler: () => void): void {
  onActivity = handler
}

/** The router registers what to do when the session has ended. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: ErrorBody = { code: 'http_' + res.status, message: res.statusText || 'The request failed' }
  try {
    const json = (await res.json()) as { error?: ErrorBody }
    if (json && json.error) body = json.error
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, body)
}

export interface RequestOptions {
  /** A 401 is returned to the caller instead of ending the session (the sign-in form). */
  allow401?: boolean
}

async function send(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    })
  } catch {
    throw new ApiError(0, { code: 'network', message: 'Hearth could not be reached. Check your connection and try again.' })
  }
  if (res.status === 401 && !opts.allow401) {
    if (onUnauthenticated) onUnauthenticated()
    throw new SessionEnded()
  }
  if (res.status !== 401) onActivity()
  return res
}

async function bodyOf<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const type = res.headers.get('Content-Type') || ''
  if (!type.includes('json')) return (await res.text()) as unknown as T
  return (await res.json()) as T
}

async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, url, body, opts)
  if (!res.ok) throw await errorFrom(res)
  return bodyOf<T>(res)
}

/**
 * POST where some failure statuses carry a reply the page reads (an import's accept answers 422
 * with the import and why it was not stored): those come back with their status; others throw.
 */
export async function postFor<R extends Route<'POST'>>(route: R, ...[params, body, readable]: Args<R, [body: unknown, readable: number[]]>): Promise<{ status: number; body: Reply<'POST', R> }> {
  type T = Reply<'POST', R>
  const res = await send('POST', apiUrl(route, params), body ?? {})
  if (res.ok || readable.includes(res.status)) {
    const type = res.headers.get('Content-Type') || ''
    const json = type.includes('json') ? ((await res.clone().json().catch(() => null)) as unknown) : null
    // a reply in the error shape is an error whatever its status
    if (!res.ok && (!json || (json as { error?: unknown }).error)) throw await errorFrom(res)
    return { status: res.status, body: res.ok ? await bodyOf<T>(res) : (json as T) }
  }
  throw await errorFrom(res)
}

// Requests started before the session is known. On a page load the page's data used to wait for
// the session's reply (HTML, then script, then session, then data: four round trips in a row on
// a phone). The router now starts the page's first request alongside the session's; when the
// page asks for the same thing it gets that request instead of a second one.
interface Early { at: number; reply: Promise<unknown> }
const early = new Map<string, Early>()
/** An early request is used only this soon after it started: later the page asks afresh. */
const EARLY_MS = 30_000
let homeCouncil = ''

/** The council the server takes when a request names none (the user's first): set with the session. */
export function setHomeCouncil(la: string): void {
  homeCouncil = la
}

// Early requests are made before the session names the user's council, so they leave la out; the
// page names it. The same request either way: compare them without la when it is the user's own,
// and with the query in one order.
function sameRequest(url: string): string {
  const u = new URL(url, location.origin)
  if (homeCouncil && u.searchParams.get('la') === homeCouncil) u.searchParams.delete('la')
  u.searchParams.sort()
  return u.pathname + '?' + u.searchParams.toString()
}

/** Start a GET now for the page to take up later (see above). A 401 here ends nothing: the
 * session's own request decides that. */
export function prefetch<R extends Route<'GET'>>(route: R, ...[params]: Args<R, []>): void {
  const url = apiUrl(route, params)
  const reply = request('GET', url, undefined, { allow401: true })
  reply.catch(() => undefined) // taken up, or dropped, later
  early.set(sameRequest(url), { at: Date.now(), reply })
}

/** Forget requests started early (nobody is signed in, or the page went elsewhere). */
export function dropPrefetched(): void {
  early.clear()
}

export function get<R extends Route<'GET'>>(route: R, ...[params, opts]: Args<R, [opts?: RequestOptions]>): Promise<Reply<'GET', R>> {
  const url = apiUrl(route, params)
  if (early.size) {
    const key = sameRequest(url)
    const e = early.get(key)
    early.delete(key)
    if (e && Date.now() - e.at < EARLY_MS) {
      return e.reply.catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401 && !opts?.allow401) {
          if (onUnauthenticated) onUnauthenticated()
          throw new SessionEnded()
        }
        throw err
      }) as Promise<Reply<'GET', R>>
    }
  }
  return request('GET', url, undefined, opts)
}

export function post<R extends Route<'POST'>>(route: R, ...[params, body, opts]: Args<R, [body?: unknown, opts?: RequestOptions]>): Promise<Reply<'POST', R>> {
  return request('POST', apiUrl(route, params), body ?? {}, opts)
}

export function del<R extends Route<'DELETE'>>(route: R, ...[params, opts]: Args<R, [opts?: RequestOptions]>): Promise<Reply<'DELETE', R>> {
  return request('DELETE', apiUrl(route, params), undefined, opts)
}

/**
 * Upload one file as the raw request body (PUT), reporting progress. XMLHttpRequest is used
 * because fetch cannot report upload progress.
 */
export function upload<R extends Route<'PUT'>>(route: R, ...[params, file, onProgress]: Args<R, [file: Blob, onProgress: (sent: number, total: number) => void]>): Promise<Reply<'PUT', R>> {
  return new Promise<Reply<'PUT', R>>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', apiUrl(route, params))
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    const token = csrfToken()
    if (token) xhr.setRequestHeader('X-CSRF-Token', token)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total)
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'The upload did not reach Hearth. Try again.' }))
    xhr.onload = () => {
      let json: unknown = null
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        json = null
      }
      if (xhr.status === 401) {
        if (onUnauthenticated) onUnauthenticated()
        reject(new SessionEnded())
        return
      }
      onActivity()
      if (xhr.status < 200 || xhr.status >= 300) {
        const err = (json as { error?: ErrorBody } | null)?.error
        reject(new ApiError(xhr.status, err ?? { code: 'http_' + xhr.status, message: 'The upload failed' }))
        return
      }
      onProgress(file.size, file.size)
      resolve(json as Reply<'PUT', R>)
    }
    xhr.send(file)
  })
}

export function put<R extends Route<'PUT'>>(route: R, ...[params, body, opts]: Args<R, [body?: unknown, opts?: RequestOptions]>): Promise<Reply<'PUT', R>> {
  return request('PUT', apiUrl(route, params), body ?? {}, opts)
}
