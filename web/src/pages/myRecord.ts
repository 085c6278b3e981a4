// A young person's own view: what is coming up, their worker, their health checks and what
// they are entitled to.
import { h, fill } from '../dom'
import { heading, p, statusTag, table, summaryList } from '../components'
import { get } from '../api'
import { date } from '../format'
import { session } from '../session'
import { setTitle, type Ctx } from '../router'
import type { OwnRecord } from '../types'

export async function myRecordPage(ctx: Ctx): Promise<void> {
  const me = session()?.user
  if (!me?.child) throw new Error('No record is linked to this account')
  const r = await get('/children/{id}', { id: me.child, la: me.councils[0] })
  if (!ctx.live()) return
  if (!('entitlements' in r)) throw new Error('Hearth did not send your own record')
  setTitle('My record')
  fill(ctx.main, 
    heading('My record', me.display_name),
    p('This is what your council holds about your care plan. If something is wrong or missing, tell your worker.'),
    h('h2', { class: 'govuk-heading-m' }, 'Your worker'),
    summaryList([
      ['Name', r.worker?.name ?? 'Not allocated yet'],
      ['Team', r.worker?.team ?? ''],
      ['Your age', String(r.child.age)]
    ]),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What is coming up'),
    r.next.length
      ? table('Your plan dates', [
          { head: 'What', cell: (n: OwnRecord['next'][number]) => n.title, rowHeader: true },
          { head: 'When', cell: (n) => date(n.due) },
          { head: 'Status', cell: (n) => statusTag(n.status) }
        ], r.next)
      : p('Nothing is due at the moment.'),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'Your health'),
    r.health.length
      ? table('Your health checks', [
          { head: 'Check', cell: (n: OwnRecord['health'][number]) => n.kind, rowHeader: true },
          { head: 'Date', cell: (n) => date(n.date) },
          { head: 'Status', cell: (n) => n.status }
        ], r.health)
      : p('No health checks recorded yet.'),
    h('h2', { class: 'govuk-heading-m app-section-break' }, 'What you are entitled to'),
    r.entitlements.length
      ? h('ul', { class: 'govuk-list govuk-list--bullet' }, r.entitlements.map((e) => h('li', null, e)))
      : p('Ask your worker what support you can have.'))
}
