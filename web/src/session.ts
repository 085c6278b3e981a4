// Who is signed in and what they may do: GET /api/v1/session, kept for the page's lifetime.
import { get, setCsrf, ApiError } from './api'
import type { Capability, Role, SignedIn } from './types'

let current: SignedIn | null = null

export function session(): SignedIn | null {
  return current
}

export function setSession(s: SignedIn | null): void {
  current = s
  if (s?.csrf) setCsrf(s.csrf)
}

/** Ask the server who is signed in; null when nobody is (401). */
export async function loadSession(): Promise<SignedIn | null> {
  try {
    const s = await get('/session', {}, { allow401: true })
    setSession(s)
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
  young_person: 'young person'
}

/**
 * Where a role starts after signing in: the first page of the scorecard, their worklist, their
 * own record, then the indicators, that the session's `can` list allows — except an IRO, whose
 * day is the reviews of the children they review: their worklist, which opens on those.
 */
export function homeFor(s: SignedIn): string {
  if (s.user.role === 'iro' && s.can.includes('worklist')) return '/worklist'
  const homes: [Capability, string][] = [['dashboard', '/'], ['worklist', '/worklist'], ['my_record', '/my-record'], ['indicators', '/indicators']]
  for (const [action, path] of homes) if (s.can.includes(action)) return path
  return '/indicators'
}

/** The council to ask about: ?la= on the page, else the user's first council. */
export function councilFrom(params: URLSearchParams): string {
  return params.get('la') || current?.user.councils[0] || ''
}
