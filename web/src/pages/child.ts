// A child's journey: who they are, their episodes of care on a timeline, reviews, missing
// episodes, statutory items with evidence, and the data quality findings about them.
import { h, s, uid, fill, type Child } from '../dom'
import { heading, p, link, statusTag, severityTag, table, summaryList, details, backLink, withQuery, recordsNote, errorSummary, inset } from '../components'
import { get, post, ApiError } from '../api'
import { date, dateTime, CHILD_STATUS, plural } from '../format'
import { councilFrom, can } from '../session'
import { setTitle, navigate, refreshComponents, type Ctx } from '../router'
import type { ChildRecord, Episode, Evidence, Finding, Invitation, MissingEpisode, Review, TimescaleItem } from '../types'
import { childName, codedText, labelOf } from './children'
import { fitted } from '../charts'
import { itemCell } from './worklist'

function placementGroup(code: string | undefined): string {
  if (!code) return 'other'
  if (/^U/.test(code)) return 'foster'
  if (/^A/.test(code)) return 'adoption'
  if (/^(K|R|S)/.test(code)) return 'residential'
  if (code === 'P1') return 'parents'
  if (/^(P2|H5|P3)/.test(code)) return 'independent'
  return 'other'
}

const DAY = 86400000
const t = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z')

/** Lanes for placement and legal status (segments labelled with their codes), reviews and
 * missing episodes as marks, on one time axis. The tables below carry the same facts. Wide, the
 * lanes' names are a column to their left; on a phone each is above its lane, which takes the
 * full width (src/charts.ts fitted). */
function timeline(rec: ChildRecord, asOf: string, narrow: boolean): SVGSVGElement {
  const eps = rec.episodes
  const start = Math.min(...eps.map((e) => t(e.start)))
  const end = Math.max(t(asOf), ...eps.map((e) => (e.end ? t(e.end) : t(asOf))))
  // laneH: a lane's height; band and bandH: where its marks are within it; nameY: its name's baseline
  const { w, left, right, laneH, band, bandH, nameY } = narrow
    ? { w: 360, left: 16, right: 16, laneH: 44, band: 18, bandH: 22, nameY: 13 }
    : { w: 900, left: 110, right: 16, laneH: 34, band: 4, bandH: 26, nameY: 21 }
  const span = Math.max(end - start, 30 * DAY)
  const x = (ms: number) => left + ((ms - start) / span) * (w - left - right)
  const lanes = ['Placement', 'Legal status', 'Reviews', 'Missing']
  const top = 8
  const hgt = top + lanes.length * laneH + 30
  const mid = (lane: number) => top + lane * laneH + band + bandH / 2
  const titleId = uid('timeline')
  const moves = eps.filter((e) => e.reason_new && /[PTBU]/.test(e.reason_new.code)).length
  const svg = s('svg', { class: `app-timeline${narrow ? ' app-timeline--narrow' : ''}`, viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
    s('title', { id: titleId }, `Timeline from ${date(new Date(start).toISOString())} to ${date(asOf)}: ${plural(eps.length, 'episode')}, ${plural(moves, 'change')} of placement, ${plural(rec.reviews.length, 'review')}, ${plural(rec.missing.length, 'missing or away episode')}. The same facts are in the tables below.`))
  // year ticks; narrow, a year is labelled only where its label fits (40 px apart)
  const y0 = new Date(start).getUTCFullYear()
  const y1 = new Date(end).getUTCFullYear()
  const every = narrow ? Math.ceil(40 / (x(Date.UTC(2001, 0, 1)) - x(Date.UTC(2000, 0, 1)))) : 1
  for (let y = y0; y <= y1 + 1; y++) {
    const ms = Date.UTC(y, 0, 1)
    if (ms < start || ms > end) continue
    svg.appendChild(s('line', { class: 'app-timeline__tick', x1: x(ms), x2: x(ms), y1: top, y2: top + lanes.length * laneH }))
    if (y % every === 0) svg.appendChild(s('text', { x: x(ms), y: hgt - 8, 'text-anchor': 'middle' }, String(y)))
  }
  // after the ticks: narrow, the names are over them
  lanes.forEach((name, i) => svg.appendChild(s('text', { class: 'app-timeline__lane-label', x: 0, y: top + i * laneH + nameY }, name)))
  const segment = (lane: number, e: Episode, code: string | undefined, cls: string) => {
    const x1 = x(t(e.start))
    const x2 = x(e.end ? t(e.end) : t(asOf))
    const g = s('g', null,
      s('rect', { class: `app-timeline__segment ${cls}`, x: x1, y: top + lane * laneH + band, width: Math.max(x2 - x1, 2), height: bandH }))
    if (code && x2 - x1 > 28) g.appendChild(s('text', { x: x1 + 4, y: mid(lane) + 5 }, code))
    svg.appendChild(g)
  }
  for (const e of eps) {
    segment(0, e, e.placement?.code, `app-timeline__segment--${placementGroup(e.placement?.code)}`)
    segment(1, e, e.legal_status?.code, 'app-timeline__segment--legal')
  }
  for (const r of rec.reviews) {
    svg.appendChild(s('circle', { class: 'app-timeline__review', cx: x(t(r.date)), cy: mid(2), r: 6 }))
  }
  for (const m of rec.missing) {
    const cx = x(t(m.start))
    const cy = mid(3)
    svg.appendChild(s('path', { class: 'app-timeline__missing', d: `M${cx} ${cy - 7} L${cx + 7} ${cy + 6} L${cx - 7} ${cy + 6} Z` }))
  }
  return svg
}

function evidenceText(e: Evidence | null): string {
  if (!e) return ''
  const bits: string[] = []
  if (e.kind) bits.push(String(e.kind).replace(/_/g, ' '))
  if (e.type) bits.push(String(e.type))
  if (e.date) bits.push(date(String(e.date)))
  if (e.id) bits.push(String(e.id))
  if (e.seen_alone === 'Y') bits.push('seen alone')
  return bits.join(', ')
}

/** "Hearth for {name}": a one-time code that lets the young person make their own account (on the
 * server's page /my/start, not here), to send their worker messages and read the replies. The
 * code is shown once: the server keeps only its hash. */
function invitationSection(la: string, child: string, name: string): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'invite-heading', 'data-testid': 'invitation' })
  const draw = (...content: Child[]) => {
    fill(section, h('h2', { class: 'govuk-heading-m app-section-break', id: 'invite-heading' }, `Hearth for ${name}`), ...content)
    // (drawn first with the page, whose components the router starts)
    if (section.isConnected) refreshComponents(section)
  }
  const offer = (error?: string) => {
    const button = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Create an invitation code')
    button.addEventListener('click', async () => {
      button.setAttribute('disabled', '')
      try {
        show(await post('/invitations', {}, { la, child }))
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        offer(err.message.charAt(0).toUpperCase() + err.message.slice(1))
        ;(section.querySelector('.govuk-error-summary') as HTMLElement | null)?.focus()
      }
    })
    draw(error ? errorSummary([{ text: error }]) : null,
      p(`With their own Hearth account, ${name} can send messages to the people who work with them, say if they do not feel safe and read the replies, on their phone. To let them make one, create a code and give it to them.`),
      button)
  }
  const show = (inv: Invitation) => {
    const until = dateTime(inv.expires_at)
    const day = until.split(' at ')[0]
    const intro = p('Give them this code privately, in person or by phone. It is shown only this once.')
    intro.tabIndex = -1
    draw(intro,
      h('p', { class: 'app-code', 'data-testid': 'invitation-code' }, inv.code),
      p(`It stops working on ${until}.`),
      h('h3', { class: 'govuk-heading-s' }, 'What to tell them'),
      inset(`Go to ${location.host}/my/start on your phone and type in this code. It works once and stops working on ${day}.`))
    intro.focus()
  }
  offer()
  return section
}

type Advocacy = ChildRecord['advocacy']
const SERVICE = { advocate: 'Advocate', independent_visitor: 'Independent visitor' } as const

/** Who the child asked for and who was appointed: their advocate or independent visitor
 * (the council's local records; the statutory items above say whether it was in time). */
function advocacySection(a: Advocacy): (HTMLElement | null)[] {
  const heading = h('h2', { class: 'govuk-heading-m app-section-break' }, 'Advocate and independent visitor')
  if (!a.requests.length && !a.appointments.length)
    return [heading, p('No requests for an advocate or independent visitor recorded.')]
  return [
    heading,
    a.appointments.length
      ? table('Appointed', [
          { head: 'Who', cell: (x: Advocacy['appointments'][number]) => [SERVICE[x.service], h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, [x.advocate, x.provider].filter(Boolean).join(', '))], rowHeader: true },
          { head: 'From', cell: (x) => h('span', { class: 'app-nowrap' }, date(x.start)) },
          { head: 'To', cell: (x) => (x.end ? h('span', { class: 'app-nowrap' }, date(x.end)) : 'Still appointed') },
          { head: 'Saw the child', cell: (x) => (x.visits ? `${plural(x.visits, 'time')}, last ${date(x.last_visit)}` : 'Not recorded') }
        ], a.appointments, { small: true })
      : p('Nobody appointed yet.'),
    a.requests.length
      ? table('Requests', [
          { head: 'Asked', cell: (x: Advocacy['requests'][number]) => h('span', { class: 'app-nowrap' }, date(x.date)), rowHeader: true },
          { head: 'For', cell: (x) => SERVICE[x.service] },
          { head: 'Why', cell: (x) => [x.reason, x.requested_by ? ` (asked by: ${x.requested_by})` : ''].join('') },
          { head: 'Closed', cell: (x) => (x.closed ? `${date(x.closed)}${x.closed_reason ? `: ${x.closed_reason}` : ''}` : '') }
        ], a.requests, { small: true })
      : null
  ]
}

export async function childPage(ctx: Ctx): Promise<void> {
  const la = councilFrom(ctx.query)
  const rec = await get('/children/{id}', { id: ctx.params.id, la })
  if (!ctx.live()) return
  // a young person's own record (their account's child) is the My record page
  if (!('episodes' in rec)) return navigate('/my-record', { replace: true })
  const c = rec.child
  // the child's name when the records give one, the 903 id always (the reference every system shares)
  const who = c.name ? `${childName(c.name, c.preferred_name)} (${c.id})` : `Child ${c.id}`
  setTitle(who)
  const asOf = rec.timescales.as_of
  const items = rec.timescales.items
  const order: TimescaleItem['status'][] = ['overdue', 'due_soon', 'upcoming', 'done_late', 'done_on_time', 'not_applicable']
  const open: TimescaleItem['status'][] = ['overdue', 'due_soon', 'upcoming']
  // an item without a due date sorts first
  const due = (i: TimescaleItem) => i.due ?? ''
  // ISO dates sort as plain strings (localeCompare would make a collator for every comparison)
  const byDate = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  const sorted = [...items].sort((a, b) => (order.indexOf(a.status) - order.indexOf(b.status)) || byDate(due(a), due(b)))
  const openItems = sorted.filter((i) => open.includes(i.status))
  const done = sorted.filter((i) => !open.includes(i.status)).sort((a, b) => byDate(due(b), due(a)))
  const svg = rec.episodes.length ? fitted((narrow) => timeline(rec, asOf, narrow)) : null

  const itemCols = [
    // an open item says what to do next and, behind "Why", what started its clock and the law
    { head: 'Item', cell: (i: TimescaleItem) => itemCell(i, open.includes(i.status)), rowHeader: true },
    { head: 'Due', cell: (i: TimescaleItem) => h('span', { class: 'app-nowrap' }, date(i.due)) },
    { head: 'Status', cell: (i: TimescaleItem) => statusTag(i.status) },
    { head: 'Evidence', cell: (i: TimescaleItem) => evidenceText(i.evidence) || 'None recorded' }
  ]

  fill(ctx.main, 
    backLink(withQuery('/children', { la: ctx.query.get('la') }), 'Back to children'),
    heading(who, `${CHILD_STATUS[c.status]} · council ${c.la}`),
    recordsNote(rec.records_note, 'This child\'s statutory items'),
    summaryList([
      ['Age', `${c.age}${c.dob ? ` (born ${date(c.dob)})` : ''}`],
      ['Sex', labelOf(c.sex)],
      ['Ethnicity', codedText(c.ethnicity)],
      ['Legal status', codedText(c.legal_status)],
      ['Placement', codedText(c.placement)],
      ['Social worker', c.worker ? `${c.worker.name} (${c.worker.team})` : 'Not allocated'],
      ...(rec.timescales.personal_adviser ? [['Personal adviser', rec.timescales.personal_adviser.name] as [string, string]] : []),
      ['Independent reviewing officer', c.iro ? c.iro.name : 'Not recorded'],
      ['Unique pupil number', c.upn_known ? 'Recorded' : 'Not recorded']
    ]),
    can('invite_young_person') ? invitationSection(c.la, c.id, c.name || `child ${c.id}`) : null,

    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Statutory items'),
    openItems.length
      ? table(`Open items as at ${date(asOf)}`, itemCols, openItems, { small: true })
      : p('Nothing is overdue or due.'),
    done.length
      ? details(`Show ${plural(done.length, 'completed or closed item')}`, table('Completed and closed items', itemCols, done, { small: true }))
      : null,

    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Journey through care'),
    svg ? [svg, p(h('span', { class: 'govuk-hint' }, 'Placement and legal status are labelled with their 903 codes; circles are reviews, triangles are missing or away episodes.'))] : null,
    rec.episodes.length
      ? table('Episodes of care', [
          { head: 'From', cell: (e: Episode) => h('span', { class: 'app-nowrap' }, date(e.start)), rowHeader: true },
          { head: 'To', cell: (e: Episode) => (e.end ? h('span', { class: 'app-nowrap' }, date(e.end)) : 'Open') },
          { head: 'Why it started', cell: (e: Episode) => codedText(e.reason_new) },
          { head: 'Legal status', cell: (e: Episode) => codedText(e.legal_status) },
          { head: 'Placement', cell: (e: Episode) => [codedText(e.placement), e.provider ? h('span', { class: 'govuk-!-display-block govuk-hint govuk-!-margin-bottom-0' }, codedText(e.provider)) : ''] },
          { head: 'Why it ended', cell: (e: Episode) => (e.reason_end ? codedText(e.reason_end) : '') + (e.reason_place_change ? `; ${codedText(e.reason_place_change)}` : '') }
        ], rec.episodes, { small: true })
      : p('No episodes of care recorded.'),
    rec.reviews.length
      ? table('Looked-after reviews', [
          { head: 'Date', cell: (r: Review) => date(r.date), rowHeader: true },
          { head: 'How the child took part', cell: (r) => codedText(r.participation) }
        ], rec.reviews, { small: true })
      : p('No reviews recorded.'),
    rec.missing.length
      ? table('Missing and away episodes', [
          { head: 'Started', cell: (m: MissingEpisode) => date(m.start), rowHeader: true },
          { head: 'Ended', cell: (m) => (m.end ? date(m.end) : 'Not recorded') },
          { head: 'Type', cell: (m) => (m.type === 'away' ? 'Away from placement (whereabouts known)' : 'Missing (whereabouts unknown)') }
        ], rec.missing, { small: true })
      : p('No missing or away episodes recorded.'),

    advocacySection(rec.advocacy),

    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Data quality'),
    rec.findings.length
      ? table(`Validation findings about child ${c.id}`, [
          { head: 'Rule', cell: (f: Finding) => (can('rules') ? link(`/rules/${encodeURIComponent(f.rule)}`, f.rule) : f.rule), rowHeader: true },
          { head: 'Severity', cell: (f) => severityTag(f.severity) },
          { head: 'What is wrong', cell: (f) => f.message },
          { head: 'Where', cell: (f) => [f.table, f.row ? ` row ${f.row}` : '', f.field ? `, ${f.field}` : ''].join('') },
          { head: 'Value', cell: (f) => f.value }
        ], rec.findings, { small: true })
      : p('No validation findings about this child.'))
}
