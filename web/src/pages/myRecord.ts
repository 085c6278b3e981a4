// A young person's own view: what is coming up, their worker, their health checks and what
// they can have. Written for someone as young as 12 (issue 15 item 2): "your next review
// meeting", not "Later looked-after reviews"; "late", not "overdue".
import { h, fill } from '../dom'
import { heading, p, table, summaryList, tag } from '../components'
import { get } from '../api'
import { date } from '../format'
import { session } from '../session'
import { setTitle, type Ctx } from '../router'
import type { OwnRecord } from '../types'

type Next = OwnRecord['next'][number]
type Health = OwnRecord['health'][number]

// The statutory items' titles (src/timescales/items/*.cpp) in a young person's words. The reply
// names each item only by that title, so a title this list does not know is shown as it is.
const ITEM_WORDS: Record<string, string> = {
  'First looked-after review': 'Your first review meeting',
  'Second looked-after review': 'Your second review meeting',
  'Later looked-after reviews': 'Your next review meeting',
  'Social worker visit': 'A visit from your social worker',
  'Initial health assessment': 'Your first health check',
  'Review health assessment': 'Your health check',
  'Dental check': 'Your check-up at the dentist',
  'Strengths and Difficulties Questionnaire': 'A questionnaire about how you are feeling',
  'Immunisations checked': 'Checking your injections (vaccinations) are up to date',
  'Personal Education Plan initiated': 'Starting your school plan',
  'PEP review each school term': 'Your school plan meeting this term',
  'Permanence plan': 'A plan for where you will live as you grow up',
  'Return home interview': 'A chat with someone after you were missing',
  'Needs assessment and pathway plan': 'Making your plan for leaving care (your pathway plan)',
  'Pathway plan review': 'Checking your plan for leaving care (your pathway plan)',
  'Personal adviser allocated': 'Getting your personal adviser',
  'Personal adviser contact': 'Seeing your personal adviser',
  'Contact after a move of home': 'Seeing your personal adviser after you move home',
  'In touch around the birthday (903 OC3)': 'Keeping in touch around your birthday'
}

const WHEN: Record<Next['status'], { text: string; tag: string }> = {
  overdue: { text: 'Late', tag: 'govuk-tag--red' },
  due_soon: { text: 'Soon', tag: 'govuk-tag--yellow' },
  upcoming: { text: 'Coming up', tag: 'govuk-tag--blue' }
}

const HEALTH_DONE: Record<Health['status'], string> = {
  done: 'Done',
  'you said no': 'You said no',
  'not done': 'Not done'
}

export async function myRecordPage(ctx: Ctx): Promise<void> {
  const me = session()?.user
  if (!me?.child) throw new Error('No record is linked to this account')
  const r = await get('/children/{id}', { id: me.child, la: me.councils[0] })
  if (!ctx.live()) return
  if (!('entitlements' in r)) throw new Error('Hearth did not send your own record')
  setTitle('My record')
  fill(ctx.main,
    heading('My record', me.display_name),
    p('This is what your council has written down about you and your plan. If something is wrong or missing, tell your worker.'),
    h('h2', { class: 'govuk-heading-m' }, 'Your worker'),
    summaryList([
      ['Name', r.worker?.name ?? 'You do not have a worker yet'],
      ['Team', r.worker?.team ?? ''],
      ['Your age', r.child.age === null ? '' : String(r.child.age)]
    ]),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What is coming up'),
    r.next.length
      ? table('Things in your plan and when they should happen', [
          { head: 'What', cell: (n: Next) => ITEM_WORDS[n.title] ?? n.title, rowHeader: true },
          { head: 'When', cell: (n) => date(n.due) },
          { head: 'Is it on time?', cell: (n) => tag(WHEN[n.status].text, WHEN[n.status].tag) }
        ], r.next)
      : p('Nothing is due at the moment.'),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Your health'),
    r.health.length
      ? table('Your health checks', [
          { head: 'Check', cell: (n: Health) => n.kind, rowHeader: true },
          { head: 'Date', cell: (n) => date(n.date) },
          { head: 'Done?', cell: (n) => HEALTH_DONE[n.status] ?? n.status }
        ], r.health)
      : p('No health checks written down yet.'),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What you can have'),
    r.entitlements.length
      ? [p('The council must offer you:'), h('ul', { class: 'govuk-list govuk-list--bullet' }, r.entitlements.map((e) => h('li', null, e)))]
      : p('Ask your worker what help you can have.'))
}
