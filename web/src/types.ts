// The shapes the pages read. The API's replies are generated from its OpenAPI document
// (api-types.ts: do not write them by hand here); what follows them is the front end's own.
import type { Session } from './api-types'

export type * from './api-types'

/** Who is signed in, as the pages keep it: from signing in (SignIn) or from GET /api/v1/session
 * (Session); the pages read only what both carry. */
export type SignedIn = Pick<Session, 'user' | 'can' | 'csrf'> & Partial<Pick<Session, 'signed_in_with'>>
