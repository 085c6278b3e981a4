// How numbers, dates and statuses are written on the pages.
import type { ChildStatus, ItemStatus, Mood, Polarity, Purpose, Rag, Severity, Topic, Unit, Value } from './types'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export const SUPPRESSED_TEXT = 'fewer than 5 children: not shown to protect their privacy'

export function isSuppressed(v: Value | undefined): boolean {
  return v === 'c'
}

// Numbers are written by hand in the en-GB style ("1,234.5"): toLocaleString built a formatter
// (locale data and all) on every call, over half a second of script on the Board's scorecard on a
// slow phone, and even one kept Intl.NumberFormat cost a phone 100 ms to make on the worklist.
// The text is toLocaleString's: like Intl, it rounds the number's shortest decimal form (69.85,
// not the double just below it) half away from zero, and leaves out trailing zeros.
export function num(v: number, maxDigits = 1): string {
  const shortest = String(Math.abs(v))
  // exponent forms (below a millionth, or 10^21 and over) are left to Intl: Hearth shows none
  if (!Number.isFinite(v) || shortest.includes('e')) return v.toLocaleString('en-GB', { maximumFractionDigits: maxDigits })
  const dot = shortest.indexOf('.')
  let whole = dot < 0 ? shortest : shortest.slice(0, dot)
  let frac = dot < 0 ? '' : shortest.slice(dot + 1)
  if (frac.length > maxDigits) {
    const up = frac.charCodeAt(maxDigits) >= 53 // the first digit dropped is 5 or more
    frac = frac.slice(0, maxDigits)
    if (up) {
      // add one in the last place kept, carrying leftwards
      const digits = (whole + frac).split('')
      let i = digits.length - 1
      while (i >= 0 && digits[i] === '9') digits[i--] = '0'
      if (i >= 0) digits[i] = String(Number(digits[i]) + 1)
      else digits.unshift('1')
      whole = digits.slice(0, digits.length - frac.length).join('')
      frac = digits.slice(digits.length - frac.length).join('')
    }
  }
  frac = frac.replace(/0+$/, '')
  const sign = v < 0 || Object.is(v, -0) ? '-' : ''
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? '.' + frac : '')
}

/**
 * Compare two texts for an alphabetical list (names, item titles), ignoring case. localeCompare
 * makes a collator for every comparison, and even one kept Intl.Collator took a phone about
 * 100 ms to make, to sort a worklist's filter choices: for English names and titles, comparing
 * the lower-case texts gives the same order.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x !== y) return x < y ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** An indicator value in its unit: "53.4%", "480", "69.8 per 10,000", "412 days". */
export function formatValue(v: Value | undefined, unit: Unit): string {
  if (v === 'c') return 'c'
  if (v === null || v === undefined || Number.isNaN(v)) return 'Not available'
  switch (unit) {
    case 'percent':
      return `${num(v)}%`
    case 'rate_per_10000':
      return `${num(v)} per 10,000`
    case 'days':
      return `${num(v, 0)} days`
    case 'count':
      return num(v, 0)
    default:
      return num(v)
  }
}

/** The unit in words, for chart axes and captions. */
export function unitWords(unit: Unit): string {
  switch (unit) {
    case 'percent': return 'per cent'
    case 'rate_per_10000': return 'rate per 10,000 children'
    case 'days': return 'days'
    case 'count': return 'number of children'
    case 'ratio': return 'ratio'
    case 'score': return 'average score'
    default: return unit
  }
}

export function polarityWords(p: Polarity): string {
  if (p === 'higher_is_better') return 'Higher is better'
  if (p === 'lower_is_better') return 'Lower is better'
  return 'Context: neither higher nor lower is better'
}

/** "2026-03-31" → "31 March 2026". */
export function date(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`
}

// Made once, for the same reason as the number formatters.
let londonTime: Intl.DateTimeFormat | undefined

/** "2026-11-23T15:49:24Z" → "23 November 2026 at 15:49". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  let s = iso
  // a UTC time ("…Z") is shown as the time in the UK
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(iso)) {
    const d = new Date(iso)
    if (!Number.isNaN(d.getTime())) {
      londonTime ??= new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      })
      const parts = Object.fromEntries(londonTime.formatToParts(d).map((p) => [p.type, p.value]))
      s = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
    }
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(s)
  return m ? `${date(m[1])} at ${m[2]}` : date(s)
}

/** A collection year as words: "2025-26" or "2025/26" → "2025 to 2026". */
export function yearWords(y: string | null | undefined): string {
  const m = /^(\d{4})[-/](\d{2})$/.exec(y ?? '')
  if (!m) return y ?? ''
  return `${m[1]} to ${Number(m[1]) + 1}`
}

/** A size in bytes as words: "930 bytes", "5.7 KB", "12.3 MB". */
export function bytes(n: number): string {
  if (n < 1024) return `${num(n, 0)} bytes`
  if (n < 1024 * 1024) return `${num(n / 1024, 1)} KB`
  return `${num(n / (1024 * 1024), 1)} MB`
}

export const RAG_WORDS: Record<'red' | 'amber' | 'green', { text: string; tag: string }> = {
  green: { text: 'Green: on target', tag: 'govuk-tag--green' },
  amber: { text: 'Amber: near target', tag: 'govuk-tag--orange' },
  red: { text: 'Red: off target', tag: 'govuk-tag--red' }
}

export function ragWords(r: Rag): string {
  return r ? RAG_WORDS[r].text : 'No target'
}

export const STATUS: Record<ItemStatus, { text: string; tag: string }> = {
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  due_soon: { text: 'Due soon', tag: 'govuk-tag--yellow' },
  done_late: { text: 'Done late', tag: 'govuk-tag--orange' },
  done_on_time: { text: 'Done on time', tag: 'govuk-tag--green' },
  upcoming: { text: 'Upcoming', tag: 'govuk-tag--blue' },
  not_applicable: { text: 'Not applicable', tag: 'govuk-tag--grey' }
}

export const CHILD_STATUS: Record<ChildStatus, string> = {
  looked_after: 'Looked after',
  care_leaver: 'Care leaver',
  left_care: 'Left care'
}

export const SEVERITY: Record<Severity, { text: string; tag: string }> = {
  error: { text: 'Error', tag: 'govuk-tag--red' },
  query: { text: 'Query', tag: 'govuk-tag--yellow' },
  warning: { text: 'Warning', tag: 'govuk-tag--yellow' }
}

// A child's statement in words (the young person's choices, src/api-types/voice.ts).
export const MOOD_WORDS: Record<Mood, string> = {
  great: 'Great',
  good: 'Good',
  okay: 'Okay',
  sad: 'Sad',
  angry: 'Angry',
  scared: 'Scared'
}

export const TOPIC_WORDS: Record<Topic, string> = {
  home: 'Home',
  school: 'School',
  family_time: 'Family time',
  health: 'Health',
  my_worker: 'My worker',
  money: 'Money',
  where_i_live: 'Where I live',
  something_else: 'Something else'
}

// A survey's audience and answers in words (src/api-types/listening.ts; the young people's survey
// pages on the server word them the same way).
export const AUDIENCE_WORDS: Record<'looked_after' | 'care_leaver' | 'all', string> = {
  looked_after: 'Children in care',
  care_leaver: 'Care leavers',
  all: 'Everyone'
}

export const ANSWER_WORDS: Record<string, string> = {
  strongly_agree: 'Strongly agree',
  agree: 'Agree',
  neither: 'Not sure',
  disagree: 'Disagree',
  strongly_disagree: 'Strongly disagree',
  very_happy: 'Very happy',
  happy: 'Happy',
  okay: 'Okay',
  unhappy: 'Unhappy',
  very_unhappy: 'Very unhappy',
  yes: 'Yes',
  no: 'No',
  not_sure: 'Not sure',
  never: 'Never',
  rarely: 'Hardly ever',
  sometimes: 'Sometimes',
  often: 'Often'
}

/** What the young person asked for besides being heard: a tag's words and colour, and in full. */
export const PURPOSE: Record<Exclude<Purpose, ''>, { text: string; tag: string; full: string }> = {
  prepare: { text: 'Prepare for review', tag: 'govuk-tag--purple', full: 'Prepare for my review or meeting' },
  good_news: { text: 'Good news', tag: 'govuk-tag--green', full: 'Share good news' }
}

/** A mood or topic in words; one this list does not know (from another app) as its own words. */
export function voiceWords(list: Record<string, string>, code: string): string {
  return Object.hasOwn(list, code) ? list[code] : words(code)
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${num(n, 0)} ${n === 1 ? one : many}`
}

export function words(code: string): string {
  const s = code.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
