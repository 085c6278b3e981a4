// The pages for "not found", "no access" and "something went wrong".
import { h, fill } from '../dom'
import { heading, p, link } from '../components'
import { setTitle, type Ctx } from '../router'
import { navFor } from '../layout'
import { ROLE_NAMES } from '../session'
import { ApiError } from '../api'
import { plainAudience, isPlain } from '../plain'

export function notFound(ctx: Ctx): void {
  setTitle('Page not found')
  fill(ctx.main, 
    heading('Page not found'),
    p('If you typed the web address, check it is correct.'),
    p('If you pasted the web address, check you copied the entire address.'),
    ctx.session ? p(link('/', 'Go to the start page')) : p(link('/login', 'Sign in')))
}

export function forbidden(ctx: Ctx): void {
  setTitle('You do not have access to this page')
  const s = ctx.session
  const role = s ? ROLE_NAMES[s.user.role] : ''
  const items = navFor(s)
  fill(ctx.main, 
    h('div', { 'data-page': 'forbidden' },
      heading('You do not have access to this page'),
      s ? p(`You are signed in as ${s.user.display_name || s.user.username}, a ${role}. Hearth shows each role only what it needs for its work, so this page is not available to you.`) : null,
      items.length
        ? [h('h2', { class: 'govuk-heading-m' }, `What you can do as a ${role}`),
          h('ul', { class: 'govuk-list govuk-list--bullet' }, items.map((n) => h('li', null, link(n.href, n.text))))]
        : null,
      p(s?.user.role === 'young_person' ? 'If you think you should be able to see this page, ask your worker.' : 'If you think you should have access, ask your Hearth administrator.')))
}

export function failure(ctx: Ctx, e: unknown): void {
  console.error('Hearth could not show this page:', e)
  setTitle('Sorry, there is a problem with the service')
  // The server's message and error code help an administrator; a councillor or young person
  // gets the message only when it is plain words (src/plain.ts), and no code.
  const plain = plainAudience()
  const fallback = 'Something went wrong while showing this page.'
  const message = e instanceof ApiError && (!plain || isPlain(e.message)) ? e.message : fallback
  const who = ctx.session?.user.role === 'young_person' ? 'your worker' : 'your Hearth administrator'
  fill(ctx.main, 
    heading('Sorry, there is a problem with the service'),
    p(message),
    p(`Try again later. If the problem continues, tell ${who} what you were doing.`),
    !plain && e instanceof ApiError && e.code ? p(h('span', { class: 'govuk-hint' }, `Error code: ${e.code}`)) : null)
}
