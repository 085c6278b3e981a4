// Plain words for the people who are not data professionals: a councillor on the Corporate
// Parenting Board, a participation worker and a young person (issue 15 item 2). Some texts the
// API sends were written for analysts — the reason a measure has no figure names the reference
// file it needs, a comparator's source names the repository and file it came from, an
// indicator's definition names 903 fields and configuration keys. Those stay whole for analysts,
// who act on them; for these readers the page keeps what is plain and says the rest in a plain
// sentence. The server should send plain texts itself (see the report on issue 15): this is the
// page's own guarantee that no file path or code reaches them meanwhile.
import { session } from './session'
import type { Role } from './types'

const PLAIN_ROLES: Role[] = ['board', 'participation', 'young_person']

/** The signed-in user reads plain words only. */
export function plainAudience(): boolean {
  const role = session()?.user.role
  return !!role && PLAIN_ROLES.includes(role)
}

// What gives a text away as written for analysts: a file or path, a configuration section or
// key, a repository at a commit, a word joined with underscores (an identifier), "not built".
const TECHNICAL = [
  /\.(csv|rds|md|toml|json|xlsx|xml)\b/i,
  /(^|[\s(])(\.\.\/|reference\/|docs\/|data-raw\/|data\/|src\/)/,
  /\[[a-z_]+\]/,
  /@[0-9a-f]{7,}\b/,
  /[A-Za-z0-9]_[A-Za-z0-9]/,
  /\bnot built\b/i
]

/** True when the text has nothing an analyst's eye is needed for. */
export function isPlain(text: string): boolean {
  return !TECHNICAL.some((re) => re.test(text))
}

/** Leave out the bracketed 903 codes that follow a plain description: "in a foster placement
 * (PLACE U1-U6)" → "in a foster placement"; "(IN_TOUCH YES)", "(REC E11, E12)", "(PR2-PR5)". A
 * bracket is a code list when it starts with a code: capitals, digits and underscores. */
export function withoutCodes(text: string): string {
  return text.replace(/\s*\((?:[A-Z][A-Z0-9_]+\b|[A-Z]{1,3}\d)[^()]*\)/g, '').replace(/\s+([.,;:])/g, '$1').trim()
}

/** The text for a plain reader: without its codes, or null when what remains is still technical. */
export function plainOrNull(text: string | null | undefined): string | null {
  if (!text) return null
  const t = withoutCodes(text)
  return t && isPlain(t) ? t : null
}

/** A measure without a figure, for a plain reader: the server's reason when it is plain, else a
 * plain sentence (the reason names a file or a module only an analyst can act on). */
export function plainReason(reason: string | null | undefined): string {
  return plainOrNull(reason) ?? 'The council does not record what this measure needs yet, so there is no figure.'
}

/** A published figure's source, for a plain reader: the publication, without the repository,
 * commit and file it was read from ("DfE, Children looked after in England … (time series)"). */
export function plainSource(source: string): string {
  const publication = source.split(/,\s*via\s/)[0]
  const cleaned = publication.replace(/\s*\([^()]*(\/|\.[a-z]{2,4}\b)[^()]*\)/g, '').trim()
  return isPlain(cleaned) && cleaned ? cleaned : 'Published national figures'
}

/** Where an indicator's data comes from, in words ("903", "local", "903 / local", "not held"). */
export function sourceWords(source: string, plain: boolean): string {
  const parts = source.split('/').map((s) => s.trim())
  const has903 = parts.includes('903')
  const local = parts.includes('local')
  if (source === 'not held') return plain ? 'Not recorded yet' : 'Not held'
  if (!plain) return has903 && local ? 'SSDA903 return and local records' : has903 ? 'SSDA903 return' : local ? 'Local records' : source
  if (has903 && local) return 'The yearly return to the Department for Education, and the council’s own records'
  if (has903) return 'The council’s yearly return to the Department for Education'
  if (local) return 'The council’s own records'
  return isPlain(source) ? source : 'The council’s records'
}
