// Single sign-on through a real OpenID provider, in Chromium (scripts/sso-e2e.sh starts both
// servers): a worker signs in with their council account and lands on their worklist; the
// provider's sign-out follows Hearth's; a replayed callback, a tampered ID token, one for another
// audience, an expired one, one with the wrong nonce, one with no signature and one signed by an
// unknown key are each refused; so are a person with no Hearth account and a young person; the
// SSO-only worker's password no longer works; every refusal is in the audit log, which verifies.
//
//   HEARTH_URL=http://localhost:PORT OIDC_ISSUER=http://127.0.0.1:PORT2 HEARTH_BIN=… HEARTH_STORE=… node e2e/sso.mjs
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const BASE = process.env.HEARTH_URL.replace(/\/+$/, '')
const ISSUER = process.env.OIDC_ISSUER.replace(/\/+$/, '')
const ARTIFACTS = path.resolve(process.env.HEARTH_ARTIFACTS || 'e2e-artifacts')
const PASSWORD = process.env.HEARTH_DEMO_PASSWORD || 'demo'
const hearth = (...args) => execFileSync(process.env.HEARTH_BIN, ['--store', process.env.HEARTH_STORE, ...args], { encoding: 'utf8' })
fs.mkdirSync(ARTIFACTS, { recursive: true })

const results = []
async function check(name, fn) {
  try {
    const detail = await fn()
    results.push({ name, ok: true })
    console.log(`  ok   ${name}${typeof detail === 'string' && detail ? ` — ${detail}` : ''}`)
  } catch (e) {
    results.push({ name, ok: false })
    console.log(`  FAIL ${name} — ${e instanceof Error ? e.message.split('\n')[0] : e}`)
  }
}
function expect(ok, what) {
  if (!ok) throw new Error(what)
}

const browser = await chromium.launch({
  executablePath: process.env.HEARTH_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
})

/** A fresh browser (no cookies) whose requests stay on this machine. */
async function freshPage() {
  const ctx = await browser.newContext()
  await ctx.route('**/*', (r) => (['127.0.0.1', 'localhost'].includes(new URL(r.request().url()).hostname) ? r.continue() : r.abort()))
  const page = await ctx.newPage()
  const callbacks = []
  page.on('request', (req) => { if (req.url().includes('/auth/oidc/callback')) callbacks.push(req.url()) })
  return { ctx, page, callbacks }
}

async function ready(page) {
  await page.waitForSelector('main[data-state="ready"]', { timeout: 30000 })
}

/** Who the browser's session is (GET /api/v1/session from the page), or the status when none. */
async function whoAmI(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/v1/session')
    return r.ok ? r.json() : r.status
  })
}

/** From the sign-in page through the provider's form, to wherever Hearth sends the browser. */
async function signInThroughProvider(page, login, next = '') {
  await page.goto(`${BASE}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`)
  await ready(page)
  await page.click('#sso-start')
  await page.waitForURL(`${ISSUER}/interaction/**`)
  await page.fill('#username', login)
  await Promise.all([page.waitForURL(`${BASE}/**`), page.click('#sign-in')])
  await ready(page)
}

async function nextToken(mutate) {
  const r = await fetch(`${ISSUER}/__test/next-id-token`, { method: 'POST', body: JSON.stringify({ mutate }) })
  if (r.status !== 204) throw new Error(`the provider's test hook answered ${r.status}`)
}

/** The sign-in page, saying why single sign-on was refused. */
async function refusedPage(page, code, words) {
  const url = new URL(page.url())
  expect(url.pathname === '/login' && url.searchParams.get('sso_error') === code, `expected /login?sso_error=${code}, at ${page.url()}`)
  const summary = await page.textContent('.govuk-error-summary')
  expect(summary && summary.includes(words), `the error summary says: ${summary}`)
}

/** …and no session was made. */
async function refusedWith(page, code, words) {
  await refusedPage(page, code, words)
  const me = await whoAmI(page)
  expect(me === 401, `a session exists after the refusal: ${JSON.stringify(me)}`)
}

async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE)
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })).violations.map((v) => v.id))
  expect(violations.length === 0, `axe on ${label}: ${violations.join(', ')}`)
}

let firstCallback = ''

await check('the sign-in page offers the council account first, and passes axe', async () => {
  const { ctx, page } = await freshPage()
  await page.goto(`${BASE}/login`)
  await ready(page)
  const label = (await page.textContent('#sso-start'))?.trim()
  expect(label === 'Sign in with your council account', `the button says ${label}`)
  expect(await page.isVisible('#username'), 'the password form is still there')
  await axe(page, '/login with single sign-on')
  await page.screenshot({ path: path.join(ARTIFACTS, 'sso-sign-in.png'), fullPage: true })
  await ctx.close()
})

await check('a worker signs in with their council account and lands on their worklist', async () => {
  const { ctx, page, callbacks } = await freshPage()
  await signInThroughProvider(page, 'wendy')
  expect(new URL(page.url()).pathname === '/worklist', `landed on ${page.url()}`)
  const h1 = await page.textContent('h1')
  const me = await whoAmI(page)
  expect(me.user?.username === 'demo-worker' && me.signed_in_with === 'sso', `the session is ${JSON.stringify(me).slice(0, 200)}`)
  firstCallback = callbacks[0] || ''
  expect(firstCallback.includes('code=') && firstCallback.includes('state='), 'the callback carried a code and a state')
  await page.screenshot({ path: path.join(ARTIFACTS, 'sso-worklist.png') })

  // the same callback again, in the same browser: the state was used, the code with it
  await page.goto(firstCallback)
  await ready(page)
  // (the first sign-in's session is left alone: only the replay is refused)
  await refusedPage(page, 'expired', 'took too long, or the link was used already')
  await ctx.close()
  return `h1 "${h1?.trim()}"`
})

await check('a replayed callback in another browser is refused', async () => {
  expect(firstCallback, 'no callback to replay')
  const { ctx, page } = await freshPage()
  await page.goto(firstCallback)
  await ready(page)
  await refusedWith(page, 'expired', 'took too long, or the link was used already')
  await axe(page, '/login?sso_error=expired')
  await ctx.close()
})

await check('a sign-in begun in one browser cannot be finished in another', async () => {
  // someone begins a sign-in and hands the provider's address to another browser (login CSRF):
  // the other browser signs in at the provider, but has no binding cookie for that state
  const a = await freshPage()
  const authorize = new Promise((resolve) => a.page.on('request', (r) => { if (r.url().startsWith(`${ISSUER}/auth?`)) resolve(r.url()) }))
  await a.page.goto(`${BASE}/auth/oidc/start`)
  const url = await authorize
  const b = await freshPage()
  await b.page.goto(url)
  await b.page.waitForURL(`${ISSUER}/interaction/**`)
  await b.page.fill('#username', 'wendy')
  await Promise.all([b.page.waitForURL(`${BASE}/**`), b.page.click('#sign-in')])
  await ready(b.page)
  await refusedWith(b.page, 'expired', 'took too long')
  await a.ctx.close()
  await b.ctx.close()
})

for (const [mutate, what] of [
  ['tampered', 'an ID token changed after it was signed'],
  ['wrong_aud', 'an ID token for another audience'],
  ['expired', 'an expired ID token'],
  ['wrong_nonce', 'an ID token with another nonce'],
  ['alg_none', 'an unsigned ID token (alg none)'],
  ['unknown_key', 'an ID token signed by a key the provider does not publish']
]) {
  await check(`${what} is refused`, async () => {
    const { ctx, page } = await freshPage()
    await nextToken(mutate)
    await signInThroughProvider(page, 'wendy')
    await refusedWith(page, 'refused', 'could not check your council account')
    await ctx.close()
  })
}

await check('someone with no Hearth account is told to ask an administrator', async () => {
  const { ctx, page } = await freshPage()
  await signInThroughProvider(page, 'stranger')
  await refusedWith(page, 'no_account', 'There is no Hearth account for your council account')
  await ctx.close()
})

await check("a new person given the worker's email address does not get the worker's account", async () => {
  const { ctx, page } = await freshPage()
  await signInThroughProvider(page, 'newcomer')
  await refusedWith(page, 'linked_elsewhere', 'linked to a different council account')
  await ctx.close()
})

await check("a young person's account cannot be used through single sign-on", async () => {
  const { ctx, page } = await freshPage()
  await signInThroughProvider(page, 'young')
  await refusedWith(page, 'not_staff', 'Young people sign in with the username and password')
  await ctx.close()
})

await check("the SSO-only worker's password does not work; another user's still does", async () => {
  const post = (username) => fetch(`${BASE}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })
  const worker = await post('demo-worker')
  expect(worker.status === 401, `demo-worker's password answered ${worker.status}`)
  const analyst = await post('demo-analyst')
  expect(analyst.status === 200, `demo-analyst's password answered ${analyst.status}`)
})

await check("signing out ends Hearth's session and the provider's, back on the sign-in page", async () => {
  const { ctx, page } = await freshPage()
  await signInThroughProvider(page, 'wendy', '/worklist?status=overdue')
  expect(page.url().includes('/worklist?status=overdue'), `went to ${page.url()}, not the page asked for`)
  await Promise.all([page.waitForURL(`${BASE}/login?signed_out=1`, { timeout: 30000 }), page.click('[data-testid="sign-out"]')])
  await ready(page)
  const banner = await page.textContent('main')
  expect(banner.includes('You have signed out'), 'the sign-in page says so')
  expect(await whoAmI(page) === 401, 'Hearth still has a session')
  // the provider's session ended too: signing in again asks for the account again
  await page.click('#sso-start')
  await page.waitForURL(`${ISSUER}/interaction/**`)
  expect(await page.isVisible('#username'), 'the provider did not ask who is signing in')
  await ctx.close()
})

await check('an administrator adds a member of staff who signs in only with their council account', async () => {
  const { ctx, page } = await freshPage()
  await page.goto(`${BASE}/login?next=${encodeURIComponent('/users/new')}`)
  await ready(page)
  await page.fill('#username', 'demo-admin')
  await page.fill('#password', PASSWORD)
  await Promise.all([page.waitForURL(`${BASE}/users/new`), page.click('main form button[type="submit"]')])
  await ready(page)
  await page.fill('#username', 'jo.analyst@council.example')
  await page.fill('#display-name', 'Jo Analyst')
  await page.check('input[name="role"][value="analyst"]')
  await page.check('input[name="signs_in"][value="sso"]')
  await axe(page, '/users/new with single sign-on')
  await page.click('button:has-text("Add the user")')
  await page.waitForSelector('h1:has-text("can now sign in with their council account")')
  const users = JSON.parse(hearth('user', 'list', '--format', 'json'))
  const jo = users.find((u) => u.username === 'jo.analyst@council.example')
  expect(jo && jo.sso_only === true && jo.awaiting_setup === false, `the new user is ${JSON.stringify(jo)}`)
  // and on the worker's page: no password to reset, a way back to one
  await page.goto(`${BASE}/users/demo-worker`)
  await ready(page)
  const text = await page.textContent('main')
  expect(text.includes('Their council account only') && text.includes('Let them use a Hearth password') && !text.includes('Reset and make a set-up link'), 'the SSO-only worker\'s page')
  await axe(page, '/users/demo-worker (SSO-only)')
  await ctx.close()
})

await check('the audit log has each sign-in and refusal, and its chain verifies', async () => {
  const rows = JSON.parse(hearth('audit', 'list', '--limit', '500', '--format', 'json'))
  const detail = (r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail ?? {})
  const logins = rows.filter((r) => r.action === 'session.login' && detail(r).method === 'sso')
  expect(logins.length >= 2, `${logins.length} single sign-on logins`)
  const reasons = rows.filter((r) => r.action === 'session.sso_refused').map((r) => detail(r).reason)
  expect(logins.some((r) => detail(r).linked === true), 'the first sign-in linked the account')
  for (const want of ['is linked to', 'id_token: signature', 'id_token: audience', 'id_token: expired', 'id_token: nonce', 'id_token: algorithm', 'id_token: unknown_key', 'state unknown', 'another browser', 'no Hearth account', "young person's"]) {
    expect(reasons.some((r) => r.includes(want)), `no refusal "${want}" in ${JSON.stringify(reasons)}`)
  }
  hearth('audit', 'verify')
  return `${logins.length} sign-ins, ${reasons.length} refusals`
})

await browser.close()
const failed = results.filter((r) => !r.ok)
console.log(`\nsingle sign-on: ${results.length} checks, ${results.length - failed.length} passed, ${failed.length} failed`)
process.exit(failed.length ? 1 : 0)
