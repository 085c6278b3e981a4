// Who is signed in and what they may do: GET /api/v1/session, kept for the page's lifetime.
import { get, setCsrf, setHomeCouncil, ApiError } from './api'
import type { Capability, Role, SignedIn } from './types'
import { rememberIdleLimit, sessionStarted, stopIdleWatch } from './idle'

let current: SignedIn | null = null

export function session(): SignedIn | null {
  return current
}

// What the last user of this browser could use, kept so that the next page load can start the
// page's data alongside the session's request without asking for something the user may not
// see (a refused request is written to the audit log). Only capability names, never who or what:
// the server decides every request either way, so a wrong hint costs a request, not access.
const CAN_HINT = 'hearth.can'

/** Keep who is signed in; `expires` is GET /api/v1/session's (the idle warning's fallback). */
export function setSession(s: SignedIn | null, expires?: number): void {
  const was = current
  current = s
  if (s && !was) sessionStarted(expires)
  if (!s) stopIdleWatch()
  if (s?.csrf) setCsrf(s.csrf)
  setHomeCouncil(s?.user.councils[0] ?? '')
  try {
    if (s) localStorage.setItem(CAN_HINT, s.can.join(' '))
    else localStorage.removeItem(CAN_HINT)
  } catch {
    // storage turned off: no hint, pages just wait for the session
  }
}

/** Whether the last session in this browser could use any of these; null when none is remembered. */
export function couldUse(actions: Capability[]): boolean | null {
  let hint: string | null = null
  try {
    hint = localStorage.getItem(CAN_HINT)
  } catch {
    return null
  }
  if (hint === null) return null
  const can = hint.split(' ')
  return actions.some((a) => can.includes(a))
}

/** Ask the server who is signed in; null when nobody is (401). */
export async function loadSession(): Promise<SignedIn | null> {
  try {
    const s = await get('/session', {}, { allow401: true })
    rememberIdleLimit(s.idle_seconds)  // the server's limit, in whatever browser this is
    setSession(s, s.expires)
    return s
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setSession(null)
      return null
    }
    throw e
  }
}

export function can(action: Capability): boolean {
  return !!current && current.can.includes(action)
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'administrator',
  analyst: 'performance analyst',
  manager: 'team manager',
  iro: 'independent reviewing officer',
  worker: 'social worker',
  board: 'Corporate Parenting Board member',
  participation: 'participation worker',
  young_person: 'young person',
  board_officer: 'Corporate Parenting Board officer'
}

/**
 * Where a role starts after signing in: the first page of the scorecard, their worklist, their
 * own record, then the indicators, that the session's `can` list allows — except an IRO, whose
 * day is the reviews of the children they review: their worklist, which opens on those.
 */
export function homeFor(s: SignedIn): string {
  if (s.user.role === 'iro' && s.can.includes('worklist')) return '/worklist'
  const homes: [Capability, string][] = [['dashboard', '/'], ['worklist', '/worklist'], ['my_record', '/my-record'], ['listening', '/listening'], ['indicators', '/indicators']]
  for (const [action, path] of homes) if (s.can.includes(action)) return path
  return '/indicators'
}

/** The council to ask about: ?la= on the page, else the user's first council. */
export function councilFrom(params: URLSearchParams): string {
  return params.get('la') || current?.user.councils[0] || ''
}
