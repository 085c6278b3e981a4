// Browser tests for Hearth's front end: every demo role signs in through the form, visits the
// pages its navigation offers and the ones it must not see, and each page is checked with
// axe-core (WCAG 2.0/2.1/2.2 A and AA: any violation fails) and saved as a screenshot, at 1280 px
// wide and again at a phone's 390 px, where nothing may stick out sideways.
//
//   HEARTH_URL=http://127.0.0.1:8080 HEARTH_DEMO_PASSWORD=demo HEARTH_ARTIFACTS=/tmp/shots node e2e/run.mjs
//   HEARTH_BIN=../build/release/bin/hearth node e2e/run.mjs
//
// Without HEARTH_URL it serves a throwaway demo council itself with HEARTH_BIN (as
// scripts/e2e.sh does), on a free port, with the built front end (dist/). Chromium is Debian's
// /usr/bin/chromium (HEARTH_CHROMIUM to change it); no browser is downloaded. The analyst's import
// uploads a real 903 return that `hearth synth` writes: HEARTH_BIN (scripts/e2e.sh passes it),
// else ../build/release/bin/hearth.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium, request } from 'playwright-core'
import { findHearth, startDemoServer } from '../scripts/demo-server.mjs'
import { voiceChecks, listeningChecks } from './voice.mjs'
import { openMailbox, startMailbox } from './mailbox.mjs'
import { youngChecks } from './young.mjs'
import { boardLoopChecks } from './boardLoop.mjs'
import { boardChecks, BOARD_WALKERS } from './board.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const PASSWORD = process.env.HEARTH_DEMO_PASSWORD || 'demo'
const ARTIFACTS = path.resolve(process.env.HEARTH_ARTIFACTS || path.join(here, '..', 'e2e-artifacts'))
const CHROMIUM = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium'
const ONLY = (process.env.HEARTH_ROLES || '').split(',').filter(Boolean)
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

const BIN = findHearth(['release'])
let BASE = process.env.HEARTH_URL
// The server this run started (none with HEARTH_URL): its store is thrown away afterwards.
let own = null
// Its SMTP server's mailbox (none with HEARTH_URL), and the out-of-hours number it is given.
// (scripts/e2e.sh runs one and says where its Maildir is.)
let mailbox = process.env.HEARTH_E2E_MAILDIR ? openMailbox(process.env.HEARTH_E2E_MAILDIR) : null
const OUT_OF_HOURS = process.env.HEARTH_E2E_OUT_OF_HOURS || '01632 960000'
if (!BASE) {
  if (!process.env.HEARTH_BIN) {
    console.error('e2e: set HEARTH_URL to test a running server, or HEARTH_BIN to serve a throwaway demo council')
    process.exit(2)
  }
  // A real SMTP server for the "I don't feel safe" emails, and the configuration that sends to it.
  mailbox = await startMailbox()
  const config = path.join(mailbox.dir, 'hearth.toml')
  fs.writeFileSync(config, `[mail]\nsmtp = "smtp://127.0.0.1:${mailbox.port}"\nfrom = "hearth@e2e.example"\nbase_url = "http://hearth.e2e.example"\n[voice]\nout_of_hours = "${OUT_OF_HOURS}"\n`)
  own = await startDemoServer({ bin: BIN, password: PASSWORD, globalArgs: ['--config', config], serveArgs: ['--web', path.join(here, '..', 'dist')] })
  // interrupted, the run ends at once, and the server with it
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
  BASE = own.url
  console.log(`(no HEARTH_URL: serving a throwaway demo council on ${BASE})`)
}
BASE = BASE.replace(/\/+$/, '')
fs.mkdirSync(ARTIFACTS, { recursive: true })

// ---- bookkeeping -------------------------------------------------------------------------------
const results = []
let axePages = 0
let axeViolations = 0
let shots = 0
let phonePages = 0
let phoneOverflows = 0
function record(name, ok, detail = '') {
  results.push({ name, ok, detail })
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? ` — ${detail}` : ''}`)
}
async function check(name, fn) {
  try {
    const detail = await fn()
    record(name, true, typeof detail === 'string' ? detail : '')
  } catch (e) {
    record(name, false, e instanceof Error ? e.message.split('\n')[0] : String(e))
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message)
}
const slug = (s) => s.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '') || 'home'

// ---- page helpers --------------------------------------------------------------------------------
// Waits are generous: the suite must pass on a busy two-core machine running a sanitizer build
// (a page that takes long is a performance question for bench/, not a failed test).
const WAIT_MS = Number(process.env.HEARTH_E2E_TIMEOUT_MS ?? 120000)

async function ready(page) {
  await page.waitForSelector('main[data-state="ready"]', { timeout: WAIT_MS })
}

async function runAxe(page, label) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined')
  if (!has) await page.evaluate(AXE)
  const out = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`) }))
  }, AXE_TAGS)
  axePages += 1
  if (out.length) {
    axeViolations += out.length
    for (const v of out) {
      console.log(`        axe ${v.id} (${v.impact}) on ${label}: ${v.help}`)
      for (const n of v.nodes) console.log(`          ${n}`)
    }
    throw new Error(`${out.length} axe violation(s): ${out.map((v) => v.id).join(', ')}`)
  }
}

// A screenshot stops this far down the page: the longest lists run to 200,000 px at 390 px wide,
// far more than an image viewer shows, and each such image takes seconds to encode. The checks
// still cover the whole page.
const SHOT_MAX_HEIGHT = 16384

/** The whole page (to SHOT_MAX_HEIGHT) as ARTIFACTS/FILE.png. */
async function snap(page, file) {
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }))
  await page.screenshot({ path: path.join(ARTIFACTS, `${file}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, SHOT_MAX_HEIGHT) }, timeout: WAIT_MS })
  shots += 1
}

const shotNames = new Set()
/** A screenshot of the page state; returns its file's name, which the same state at 390 px shares. */
async function shot(page, role, name) {
  // one file per role and page state: a second state of the same page gets its own number
  let file = `${role}--${slug(name)}`
  for (let n = 2; shotNames.has(file); n++) file = `${role}--${slug(name)}-${n}`
  shotNames.add(file)
  await snap(page, file)
  return file
}

const PHONE = { width: 390, height: 844 }

/** In the page: null when nothing is wider than the viewport, else what sticks out past its right
 * edge — only the outermost such elements (whose parent fits), and none inside a box that scrolls
 * or clips, as those are that box's business — widest first. */
function overflowInPage() {
  const root = document.documentElement
  const width = root.clientWidth
  if (root.scrollWidth <= width) return null
  const sticksOut = (el) => el.getBoundingClientRect().right > width + 0.5
  const inBox = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true
    return false
  }
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`
  const out = [...document.body.querySelectorAll('*')]
    .filter((el) => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)) && !inBox(el))
    .map((el) => ({ right: Math.round(el.getBoundingClientRect().right), what: `${name(el)} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"` }))
    .sort((a, b) => b.right - a.right)
  return { scrollWidth: root.scrollWidth, width, out }
}

/** The page again at a phone's width: no sideways scrolling, axe, a screenshot; then back to the
 * width it had, so the walk goes on as before. Resizing the same page, not walking again, keeps it
 * quick. */
async function phoneChecks(page, role, name, file) {
  const was = page.viewportSize()
  await page.setViewportSize(PHONE)
  const failures = []
  try {
    // two frames: media-query listeners (the service navigation, tabs, charts) and resize
    // observers have run and the layout has settled
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    phonePages += 1
    const over = await page.evaluate(overflowInPage)
    if (over) {
      phoneOverflows += 1
      console.log(`        390 px: ${role} ${name} is ${over.scrollWidth} px wide; sticking out: ${over.out.slice(0, 8).map((o) => `${o.what} to ${o.right}`).join('; ')}`)
      failures.push(`at 390 px the page is ${over.scrollWidth} px wide: widest ${over.out[0]?.what ?? '(not found)'} to ${over.out[0]?.right} px`)
    }
    await snap(page, `${file}--390`)
    await runAxe(page, `${role} ${name} at 390 px`).catch((e) => failures.push(`at 390 px: ${e.message}`))
  } finally {
    await page.setViewportSize(was)
  }
  assert(failures.length === 0, failures.join('; '))
}

/** The checks every page gets: one h1, a "… – Hearth" title, no CSP or script errors, axe; at
 * 1280 px and at 390 px. */
async function pageChecks(page, role, name, problems) {
  const h1s = await page.locator('h1').count()
  assert(h1s === 1, `expected one h1, found ${h1s}`)
  const title = await page.title()
  assert(/ – Hearth$/.test(title), `title "${title}" does not end with " – Hearth"`)
  const file = await shot(page, role, name)
  await runAxe(page, `${role} ${name}`)
  await phoneChecks(page, role, name, file)
  assert(problems.length === 0, `browser errors: ${problems.splice(0).join(' | ')}`)
  return title
}

function watch(page) {
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    const t = m.text()
    if (m.type() === 'error' && !/status of 40[13]|status of 404|Failed to load resource/.test(t)) problems.push(t)
    if (/Content[- ]Security[- ]Policy/i.test(t)) problems.push(t)
  })
  return problems
}

async function login(page, username, password = PASSWORD) {
  await page.goto(`${BASE}/login`)
  await ready(page)
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('button:has-text("Sign in")')
}

/** The names of the children `username` may see (through the API, in a context of its own). */
async function childNamesSeenBy(username) {
  const api = await request.newContext({ baseURL: BASE })
  try {
    const r = await api.post('/api/v1/session', { data: { username, password: PASSWORD } })
    if (r.status() !== 200) throw new Error(`signing in as ${username} answered ${r.status()}`)
    const list = await (await api.get('/api/v1/children?status=all&per_page=500')).json()
    return list.items.map((c) => c.name).filter(Boolean)
  } finally {
    await api.dispose()
  }
}

async function navClick(page, text) {
  const link = page.locator('.govuk-service-navigation__link', { hasText: text }).first()
  await link.click()
  await page.waitForFunction(() => document.querySelector('main')?.dataset.state === 'loading' || true)
  await ready(page)
}

async function apiStatus(page, method, url, body, withCsrf = true) {
  return page.evaluate(async ({ method, url, body, withCsrf }) => {
    const csrf = document.cookie.split(';').map((c) => c.trim().split('=')).find(([k]) => k === 'hearth_csrf')?.[1] ?? ''
    const headers = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (withCsrf && method !== 'GET') headers['X-CSRF-Token'] = decodeURIComponent(csrf)
    const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
    let code = ''
    try { code = (await r.json())?.error?.code ?? '' } catch { /* not JSON */ }
    return { status: r.status, code }
  }, { method, url, body, withCsrf })
}

// The navigation the front end builds from the session's can list (src/layout.ts).
const NAV = [
  ['Scorecard', ['dashboard']], ['The Board', ['board']], ['Listening to you', ['listening']], ['My worklist', ['worklist']], ['Team worklists', ['team_worklist', 'all_worklist']],
  ['Messages', ['statements']], ['Safety alerts', ['alerts']],
  ['Children', ['children']], ['Data quality', ['data_quality']], ['Imports', ['imports']],
  ['Indicators', ['indicators']], ['Rules', ['rules']], ['Users', ['users']], ['My record', ['my_record']]
]
// Every page and who may open it (src/routes.ts); a role is refused the others.
const PAGES = [
  ['/', ['dashboard']], ['/scorecard/cla_count', ['scorecard', 'dashboard']], ['/worklist', ['worklist']],
  ['/worklist/team', ['team_worklist', 'all_worklist']], ['/children', ['children']], ['/data-quality', ['data_quality']],
  ['/imports', ['imports']], ['/imports/new', ['import_upload']], ['/indicators', ['indicators']], ['/rules', ['rules']],
  ['/users', ['users']], ['/my-record', ['my_record']], ['/listening', ['listening']], ['/board', ['board']],
  ['/board/actions', ['board']], ['/board/actions/new', ['manage_board']], ['/board/actions/1', ['board']],
  ['/board/cards', ['board']], ['/board/cards/1', ['board']], ['/board/meetings', ['board']], ['/board/meetings/1', ['board']],
  ['/board/calendar', ['board']], ['/board/people', ['board']], ['/board/commentary', ['board']], ['/board/commentary/edit', ['write_commentary']]
]
// The API's list routes and what the session's can list must hold for each (docs/api.md).
const API_ROUTES = [
  ['/api/v1/scorecard', 'scorecard'], ['/api/v1/scorecard/cla_count', 'scorecard'],
  ['/api/v1/worklist?scope=mine', 'worklist'], ['/api/v1/worklist?scope=team', 'team_worklist'], ['/api/v1/worklist?scope=all', 'all_worklist'],
  ['/api/v1/children', 'children'], ['/api/v1/findings', 'data_quality'], ['/api/v1/imports', 'imports'],
  ['/api/v1/rules', 'rules'], ['/api/v1/indicators', 'indicators'], ['/api/v1/users', 'users']
]
const allows = (can, need) => need.some((a) => can.includes(a))
/** The navigation for a role (src/layout.ts): the items its can list allows, in order — but an
 * IRO's own worklist is their reviews: named "My reviews" and first. */
const navFor = (can, role) => {
  const items = NAV.filter(([, need]) => allows(can, need)).map(([text]) => text)
  if (role !== 'iro' || !items.includes('My worklist')) return items
  return ['My reviews', ...items.filter((t) => t !== 'My worklist')]
}
/** Where a role starts (src/session.ts): an IRO on their reviews (their worklist); anyone else on
 * the first of the scorecard, their worklist, their own record, Listening to you (participation),
 * then the indicators. */
const homeFor = (can, role) => (role === 'iro' && can.includes('worklist') ? '/worklist'
  : can.includes('dashboard') ? '/' : can.includes('worklist') ? '/worklist' : can.includes('my_record') ? '/my-record'
    : can.includes('listening') ? '/listening' : '/indicators')

// Words a Board member, participation worker or young person must never meet (issue 15 item 2):
// file names and paths, documents, repositories at a commit, identifiers joined with underscores,
// configuration sections, "not built". Checked against the text of the page, hidden text too.
const NOT_PLAIN = [/\.(csv|rds|md|toml)\b/i, /reference\//, /docs\//, /data-raw/, /[A-Za-z0-9]_[A-Za-z0-9]/, /\[[a-z_]+\]/, /@[0-9a-f]{7,}/, /not built/i]
async function plainWords(page, url) {
  await page.goto(`${BASE}${url}`)
  await ready(page)
  const text = await page.evaluate(() => `${document.title}\n${document.querySelector('main')?.textContent ?? ''}\n${document.querySelector('footer')?.textContent ?? ''}`)
  const found = NOT_PLAIN.map((re) => re.exec(text)).filter(Boolean)
    .map((m) => `"${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20).replace(/\s+/g, ' ').trim()}"`)
  assert(!found.length, `${url}: ${found.join('; ')}`)
}

// What each role may use, by ../shared/spec/access-and-voice.md, docs/security.md ("Who may see
// what") and docs/api.md — written here from the spec, not read from the server, so that the
// test catches a server whose can list drifts from it:
//   admin: aggregates; all the council's children and worklists; findings and the imports list
//          (importing is the analyst's); users.
//   analyst: aggregates unsuppressed; all children and worklists; findings; imports, and imports.
//   manager: aggregates; their teams' children and worklist.   iro: aggregates; their children and worklist.
//   worker: their caseload and worklist; no scorecard (their figures are on the worklist).
//   board: aggregates with small-number suppression; no child records.
//   participation: voice aggregates only (the voice pages come later): no scorecard, no children;
//          keeps the challenge cards and the theme in focus (manage_cards).
//   board_officer: the Board's officer — aggregates with small-number suppression, no child
//          records; keeps the Board's meetings, actions, calendar, figures and arrangements (manage_board).
//   young_person: their own record only.
//   Every role but young_person: the indicator registry; the DfE's rules too, but not for the Board.
//   The Board's business (issue 17): for every role but a social worker and a young person.
//   The officers' commentary on the figures (issue 18): written by the Board's officer, analysts
//          and managers (write_commentary).
const SPEC_CAN = {
  admin: ['dashboard', 'scorecard', 'all_worklist', 'children', 'data_quality', 'imports', 'rules', 'indicators', 'users', 'listening', 'board'],
  analyst: ['dashboard', 'scorecard', 'all_worklist', 'children', 'data_quality', 'imports', 'import_upload', 'explain_findings', 'rules', 'indicators', 'listening', 'board', 'write_commentary'],
  manager: ['dashboard', 'scorecard', 'team_worklist', 'children', 'rules', 'indicators', 'statements', 'alerts', 'invite_young_person', 'listening', 'board', 'write_commentary'],
  iro: ['dashboard', 'scorecard', 'worklist', 'children', 'rules', 'indicators', 'statements', 'alerts', 'listening', 'board'],
  worker: ['worklist', 'children', 'rules', 'indicators', 'statements', 'alerts', 'invite_young_person'],
  board: ['dashboard', 'scorecard', 'indicators', 'listening', 'board'],
  participation: ['rules', 'indicators', 'listening', 'board', 'manage_cards'],
  board_officer: ['dashboard', 'scorecard', 'indicators', 'listening', 'board', 'manage_board', 'write_commentary'],
  young_person: ['my_record']
}

// ---- the 903 return the analyst imports -------------------------------------------------------------
/** A return to upload: `hearth synth` writes one (30 children, the year ending 31 March 2027). */
function returnToUpload() {
  if (!BIN) throw new Error('no hearth binary to write the return with: set HEARTH_BIN')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'))
  execFileSync(BIN, ['synth', '--la', '887', '--children', '30', '--years', '1', '--last-year', '2027', '--out', dir], { stdio: 'pipe' })
  const year = fs.readdirSync(dir).find((d) => /^\d{4}-\d{2}$/.test(d))
  if (!year) throw new Error(`hearth synth wrote no year folder in ${dir}`)
  const folder = path.join(dir, year)
  const files = fs.readdirSync(folder).filter((f) => /\.(csv|xml)$/i.test(f)).sort().map((f) => path.join(folder, f))
  return { dir, year, files }
}

/** Start an import through the form; returns the new import's path. */
async function startImport(page, year) {
  await page.goto(`${BASE}/imports/new`)
  await ready(page)
  await page.check('input[name="kind"][value="903"]')
  const offered = await page.locator('#import-year option').evaluateAll((os) => os.map((o) => o.value))
  assert(offered.includes(year), `the year ${year} is not offered (${offered.join(', ')})`)
  await page.selectOption('#import-year', year)
  await page.click('button:has-text("Continue")')
  // either the upload step, or the server's refusal shown in the error summary
  await page.waitForFunction(() => /^\/imports\/[A-Za-z0-9_-]+$/.test(location.pathname) && location.pathname !== '/imports/new' ||
    document.querySelector('.govuk-error-summary'))
  const at = new URL(page.url()).pathname
  if (at === '/imports/new') throw new Error(`starting the import failed: ${(await page.locator('.govuk-error-summary li').first().innerText()).trim()}`)
  await ready(page)
  return at
}

/** Upload files through the page's file input and wait until every one is listed. */
async function uploadFiles(page, files) {
  await page.setInputFiles('#import-files', files)
  await page.click('button:has-text("Upload")')
  await page.waitForFunction((names) => {
    const listed = [...document.querySelectorAll('main table th[scope="row"]')].map((th) => th.textContent.trim())
    return names.every((n) => listed.includes(n)) || document.querySelector('.govuk-error-summary')
  }, files.map((f) => path.basename(typeof f === 'string' ? f : f.name)), { timeout: Math.max(WAIT_MS, 180000) })
  if (await page.locator('.govuk-error-summary').count()) {
    throw new Error(`the upload failed: ${(await page.locator('.govuk-error-summary li').allInnerTexts()).join('; ')}`)
  }
  const bars = await page.locator('#upload-progress progress').evaluateAll((ps) => ps.map((p) => p.value))
  assert(bars.length === files.length && bars.every((v) => v === 100), `progress bars: ${bars.join(', ')}`)
}

// ---- what each role sees ----------------------------------------------------------------------------
const ROLES = {
  board: {
    user: 'demo-board',
    extra: async (page, role, problems) => {
      await check(`${role}: the dashboard becomes interactive (time measured; judged only with HEARTH_E2E_TIMING=1)`, async () => {
        const t0 = Date.now()
        await page.goto(`${BASE}/`)
        await ready(page)
        const ms = Date.now() - t0
        // A timing is a benchmark's to judge (make bench, docs/performance.md), not a test's: on
        // a busy machine it would fail for reasons that are not Hearth's.
        if (process.env.HEARTH_E2E_TIMING === '1') assert(ms <= 1000, `${ms} ms`)
        return `${ms} ms`
      })
      await check(`${role}: keyboard — skip link first, then a tile's data table opens with Enter`, async () => {
        await page.goto(`${BASE}/`)
        await ready(page)
        await page.keyboard.press('Tab')
        const first = await page.evaluate(() => document.activeElement?.textContent?.trim())
        assert(first === 'Skip to main content', `the first tab stop is "${first}"`)
        await page.keyboard.press('Enter')
        const id = await page.evaluate(() => document.activeElement?.id)
        assert(id === 'main-content', `after the skip link focus is on #${id}`)
        const summary = page.locator('main details summary').first()
        await summary.focus()
        await page.keyboard.press('Enter')
        assert(await page.locator('main details').first().evaluate((d) => d.open), 'Enter did not open the details')
        await page.keyboard.press('Tab')
        const visible = await page.evaluate(() => {
          const el = document.activeElement
          if (!el || el === document.body) return false
          const cs = getComputedStyle(el)
          return cs.outlineStyle !== 'none' || cs.boxShadow !== 'none' || cs.backgroundColor !== 'rgba(0, 0, 0, 0)'
        })
        assert(visible, 'the focused element has no visible focus style')
      })
      await check(`${role}: scorecard shows "c" with its explanation`, async () => {
        await page.goto(`${BASE}/`)
        await ready(page)
        const n = await page.locator('[data-suppressed="true"]').count()
        assert(n > 0, 'no tile shows a suppressed value')
        const text = await page.locator('main').innerText()
        assert(/fewer than 5 children/.test(text), 'the suppression explanation is missing')
        return `${n} suppressed tiles`
      })
      await check(`${role}: a scorecard asked for after the council's returns shows the server's warning`, async () => {
        // Yesterday (UTC), so the server's today is never before it; after the returns on the demo store.
        const asked = new Date(Date.now() - 86400000).toISOString().slice(0, 10)
        const api = await page.request.get(`${BASE}/api/v1/scorecard?as_of=${asked}`)
        assert(api.ok(), `GET /api/v1/scorecard?as_of=${asked} answered ${api.status()}`)
        const body = await api.json()
        if (!body.warning) return `no warning from the server for ${asked} (returns reach ${body.as_of})`
        await page.goto(`${BASE}/?as_of=${asked}`)
        await ready(page)
        const warn = page.locator('main .govuk-warning-text')
        assert(await warn.count() > 0, 'no warning text on the page')
        const text = await warn.first().innerText()
        assert(text.includes('the end of the council') && text.includes(body.warning.slice(0, 30)), `the warning does not carry the server's words: ${text}`)
        return `as at ${body.as_of}`
      })
      await check(`${role}: downloads the Board paper as PDF and Excel from the scorecard page; the PDF's first page leads with what is off target`, async () => {
        await page.goto(`${BASE}/`)
        await ready(page)
        const attention = await page.locator('main .app-attention').innerText()
        assert(/Needs the Board/.test(attention), 'no "Needs the Board’s attention" summary on the page')
        const fetchDownload = async (name) => {
          const [dl] = await Promise.all([page.waitForEvent('download', { timeout: Math.max(WAIT_MS, 60000) }), page.click(`main a:has-text("${name}")`)])
          const file = path.join(ARTIFACTS, dl.suggestedFilename())
          await dl.saveAs(file)
          return file
        }
        const pdf = await fetchDownload('Download the Board paper (PDF)')
        assert(fs.readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', `${path.basename(pdf)} is not a PDF`)
        // poppler-utils (scripts/install-deps.sh): the first page's words, and the page as a PNG
        const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' })
        assert(/Needs the Board.s attention/.test(first), 'the PDF\'s first page has no off-target summary')
        assert(/\bc\b/.test(first) || /suppressed/.test(first), 'the Board\'s PDF does not say small numbers are suppressed')
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, 'board--paper-pdf-page-1')])
        const xlsx = await fetchDownload('Download as Excel')
        assert(fs.readFileSync(xlsx).subarray(0, 2).toString() === 'PK', `${path.basename(xlsx)} is not an XLSX workbook`)
        // only what is off or near target
        await page.check('#show')
        await page.click('main form button:has-text("Show")')
        await page.waitForURL(/show=off_target/)
        await ready(page)
        const rags = await page.locator('main .app-tile').evaluateAll((ts) => ts.map((t) => t.className))
        assert(rags.length > 0 && rags.every((c) => /app-tile--(red|amber)/.test(c)), `tiles shown: ${rags.join(' | ')}`)
        await pageChecks(page, role, 'scorecard-off-target', problems)
        return `${path.basename(pdf)}, ${path.basename(xlsx)}; ${rags.length} tiles off or near target`
      })
      await check(`${role}: no child identifiers, names or links to children anywhere`, async () => {
        const names = await childNamesSeenBy('demo-analyst')
        assert(names.length > 0, 'the demo children have no names to look for')
        for (const url of ['/', '/scorecard/stability_long', '/scorecard/cla_count']) {
          await page.goto(`${BASE}${url}`)
          await ready(page)
          const links = await page.locator('a[href^="/children"]').count()
          assert(links === 0, `${url} links to a child page`)
          const html = await page.locator('main').innerHTML()
          assert(!/\b11[45]\d{5}\b/.test(html), `${url} shows something like a child id`)
          const named = names.filter((n) => html.includes(n))
          assert(named.length === 0, `${url} names ${named.slice(0, 3).join(', ')}`)
        }
        await pageChecks(page, role, 'scorecard-indicator', problems)
      })
      await check(`${role}: plain words — no file, path, repository, identifier or "not built" on the scorecard and its measures`, async () => {
        // the scorecard, every measure without a figure and one with published comparators, with
        // their definitions: the pages where analysts' texts could reach the Board
        const sc = await (await page.request.get(`${BASE}/api/v1/scorecard`)).json()
        const missing = sc.indicators.filter((i) => !i.available).map((i) => i.id)
        const compared = sc.indicators.find((i) => i.available && Object.keys(i.comparators).length)?.id
        const ids = [...missing, compared, 'stability_short', 'placement_foster_in_house'].filter(Boolean)
        for (const url of ['/', '/indicators', ...ids.flatMap((id) => [`/scorecard/${id}`, `/indicators/${id}`])]) await plainWords(page, url)
        return `${2 + ids.length * 2} pages`
      })
    }
  },
  worker: {
    user: 'demo-worker',
    extra: async (page, role, problems) => {
      await check(`${role}: the worklist lists their own items and a CSV link`, async () => {
        await page.goto(`${BASE}/worklist`)
        await ready(page)
        assert((await page.locator('h1').innerText()).includes('My worklist'), 'h1 is not My worklist')
        const rows = await page.locator('main table tbody tr').count()
        assert(rows > 0, 'no worklist rows')
        const csv = await page.locator('a[href*="format=csv"]').getAttribute('href')
        const r = await page.request.get(`${BASE}${csv}`)
        assert(r.status() === 200 && /csv/.test(r.headers()['content-type'] || ''), `CSV download answered ${r.status()}`)
        return `${rows} rows`
      })
      await check(`${role}: children are named on their list, worklist and record, with the 903 id as the reference`, async () => {
        await page.goto(`${BASE}/children`)
        await ready(page)
        const first = page.locator('main table tbody tr th').first()
        const cell = await first.innerText()
        const [name, id] = cell.split('\n').map((t) => t.trim())
        assert(/^[A-Z][a-z'-]+ [A-Z]/.test(name) && /^\d+$/.test(id ?? ''), `the first child is shown as "${cell}"`)
        await page.goto(`${BASE}/worklist`)
        await ready(page)
        const rows = await page.locator('main table tbody tr').allInnerTexts()
        assert(rows.some((t) => /[A-Z][a-z'-]+ [A-Z][a-z'-]+/.test(t)), 'no worklist row names its child')
        await page.goto(`${BASE}/children/${id}`)
        await ready(page)
        assert((await page.locator('main h1').innerText()).includes(name.replace(/ \(.*\)$/, '')), 'the record does not lead with the name')
        await page.goto(`${BASE}/worklist`)
        await ready(page)
        return `${name} (${id})`
      })
      await check(`${role}: filter by status updates the query string`, async () => {
        await page.selectOption('#filter-status', 'overdue')
        await page.click('button:has-text("Apply filters")')
        await page.waitForURL(/status=overdue/)
        await ready(page)
        await pageChecks(page, role, 'worklist-overdue', problems)
      })
      await check(`${role}: a worklist row opens the child's journey`, async () => {
        await page.goto(`${BASE}/worklist`)
        await ready(page)
        await page.locator('main table tbody tr a[href^="/children/"]').first().click()
        await page.waitForURL(/\/children\/\d+/)
        await ready(page)
        const text = await page.locator('main').innerText()
        assert(/Statutory items/.test(text) && /Journey through care/.test(text), 'the child page lacks its sections')
        assert(await page.locator('svg.app-timeline[role="img"]').count() === 1, 'no timeline chart')
        await pageChecks(page, role, 'child', problems)
      })
    }
  },
  analyst: {
    user: 'demo-analyst',
    extra: async (page, role, problems) => {
      await check(`${role}: data quality lists rules and their rows`, async () => {
        await page.goto(`${BASE}/data-quality`)
        await ready(page)
        const rules = await page.locator('main table tbody tr').count()
        if (rules === 0) {
          assert(/No findings/.test(await page.locator('main').innerText()), 'neither findings nor "No findings"')
          return 'the latest return has no findings'
        }
        await page.locator('main table tbody tr a[href^="/data-quality/"]').first().click()
        await page.waitForURL(/\/data-quality\/[^/]+$/)
        await ready(page)
        assert(await page.locator('main table tbody tr').count() > 0, 'no finding rows')
        await pageChecks(page, role, 'data-quality-rule', problems)
        return `${rules} rules`
      })
      await check(`${role}: explains a finding on a rule's page — it leaves the new list, shows its note, and the CSV and Excel downloads carry it`, async () => {
        await page.goto(`${BASE}/data-quality`)
        await ready(page)
        const first = page.locator('main table tbody tr a[href^="/data-quality/"]').first()
        if (!(await first.count())) return 'no findings to explain'
        await first.click()
        await page.waitForURL(/\/data-quality\/[^/?]+/)
        await ready(page)
        const nav = page.locator('nav[aria-label="Which findings"]')
        const newCount = async () => Number((/New \(([\d,]+)\)/.exec(await nav.innerText()) ?? ['', 'NaN'])[1].replace(/,/g, ''))
        const before = await newCount()
        const row = page.locator('main table tbody tr').first()
        await row.locator('summary', { hasText: 'Explain this finding' }).click()
        const note = 'Checked with the placing team: right as recorded'
        await row.locator('textarea').fill(note)
        await row.locator('button', { hasText: 'Save the explanation' }).click()
        await page.waitForSelector('.govuk-notification-banner--success')
        await ready(page)
        const after = await newCount()
        assert(after === before - 1, `new findings went from ${before} to ${after}`)
        await nav.locator('a', { hasText: 'Explained' }).click()
        await page.waitForURL(/show=explained/)
        await ready(page)
        assert((await page.locator('main table').innerText()).includes(note), 'the explained list does not show the note')
        await pageChecks(page, role, 'data-quality-explained', problems)
        const href = async (format) => page.locator(`main a[href*="/api/v1/findings/export"][href*="format=${format}"]`).first().getAttribute('href')
        const csv = await page.request.get(`${BASE}${await href('csv')}`)
        assert(csv.status() === 200 && (await csv.text()).includes(note), `the CSV (${csv.status()}) lacks the note`)
        const xlsx = await page.request.get(`${BASE}${await href('xlsx')}`)
        assert(xlsx.status() === 200 && (await xlsx.body()).subarray(0, 2).toString() === 'PK', `the Excel download answered ${xlsx.status()}`)
        return `${before} new before, ${after} after`
      })
      await check(`${role}: the service-wide worklist comes from the server a page at a time (50 items); a section's next page shows that section alone`, async () => {
        await page.goto(`${BASE}/worklist/team`)
        await ready(page)
        const next = page.locator('main .govuk-pagination__next a').first()
        if (!(await next.count())) return 'every section fits on one page'
        const [reply] = await Promise.all([
          page.waitForResponse((r) => r.url().includes('/api/v1/worklist?') && /[?&]page=2\b/.test(r.url())),
          next.click()])
        await ready(page)
        const body = await reply.json()
        assert(body.page === 2 && body.per_page === 50, `the server answered page ${body.page} of ${body.per_page}`)
        assert(/[?&]status=\w+/.test(page.url()) && /[?&]page=2\b/.test(page.url()), `the page is ${page.url()}`)
        const shown = body[body.filter.status].length
        assert(shown > 0 && shown <= 50, `${shown} items on page 2`)
        assert(/: 51 to \d/.test(await page.locator('main').innerText()), 'the caption does not say which items these are')
        return `${body.filter.status}: ${body.summary[body.filter.status]} items, ${shown} on page 2`
      })
      await check(`${role}: scorecard indicator page has charts with table alternatives`, async () => {
        await page.goto(`${BASE}/scorecard/stability_long`)
        await ready(page)
        const charts = await page.locator('main svg.app-chart[role="img"]').count()
        const tables = await page.locator('main details table').count()
        assert(charts > 0 && tables >= charts, `${charts} charts but ${tables} tables`)
        await pageChecks(page, role, 'scorecard-indicator', problems)
        return `${charts} charts, ${tables} tables`
      })
      const ret = (() => {
        try { return returnToUpload() } catch (e) { return { error: e } }
      })()
      let storedId = null
      await check(`${role}: a new import of a real 903 return uploads file by file, is checked against the DfE rules and is stored`, async () => {
        if (ret.error) throw ret.error
        await page.goto(`${BASE}/imports/new`)
        await ready(page)
        await page.click('button:has-text("Continue")')
        await page.waitForSelector('.govuk-error-summary')
        await pageChecks(page, role, 'import-new-error', problems)
        await startImport(page, ret.year)
        await pageChecks(page, role, 'import-upload', problems)
        // nothing chosen: the error is on the file input
        await page.click('button:has-text("Upload")')
        await page.waitForSelector('.govuk-error-summary a[href="#import-files"]')
        await pageChecks(page, role, 'import-upload-error', problems)
        await uploadFiles(page, ret.files)
        await pageChecks(page, role, 'import-uploaded', problems)
        await page.click('button:has-text("Check the files")')
        await page.waitForSelector('#check-results', { timeout: Math.max(WAIT_MS, 180000) })
        const results = await page.locator('#check-results').innerText()
        // The DfE rules run in the check too: a synthetic return may have queries (1001/1002 with no
        // previous year stored), but no row of it is rejected, so it is stored as it is.
        assert(/Check results|findings/i.test(results), `no check results shown: ${results.slice(0, 300)}`)
        await pageChecks(page, role, 'import-checked', problems)
        await page.locator('main button', { hasText: /^Accept/ }).click()
        await page.waitForSelector('.govuk-notification-banner--success, .govuk-error-summary', { timeout: Math.max(WAIT_MS, 180000) })
        const banner = page.locator('.govuk-notification-banner--success')
        if (!(await banner.count())) throw new Error(`not stored: ${(await page.locator('.govuk-error-summary').innerText()).trim()}`)
        storedId = /as import (\d+)/.exec(await banner.innerText())?.[1] ?? null
        assert(storedId, 'the banner does not say which import it was stored as')
        await pageChecks(page, role, 'import-stored', problems)
        return `${ret.files.length} files, stored as import ${storedId}`
      })
      await check(`${role}: the stored import is in the list of imports`, async () => {
        assert(storedId, 'nothing was stored')
        await page.locator('.govuk-notification-banner a', { hasText: 'See every import' }).click()
        await page.waitForURL((u) => u.pathname === '/imports')
        await ready(page)
        const row = page.locator('main table tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^\\s*Import ${storedId}\\s*$`) }) })
        assert(await row.count() === 1, `import ${storedId} is not listed`)
        const text = await row.innerText()
        const [y1, y2] = ret.year.split('-')
        assert(text.includes(`${y1} to ${y1.slice(0, 2)}${y2}`), `the row does not show the year ${ret.year}: ${text}`)
        await pageChecks(page, role, 'imports-after', problems)
        // an import's findings open from the list: here the demo's first, which later ones replaced
        const past = page.locator('main table tbody tr a[href*="/data-quality?"][href*="import="]').last()
        if (!(await past.count())) return 'no stored import has findings'
        const id = /import=(\d+)/.exec(await past.getAttribute('href'))[1]
        await past.click()
        await page.waitForURL(/\/data-quality\?.*import=/)
        await ready(page)
        const caption = await page.locator('main h1').innerText()
        assert(caption.includes(`import ${id}`), `the page is not import ${id}'s findings: ${caption}`)
        return `import ${id}'s findings open from the list`
      })
      await check(`${role}: a return with an error shows its findings, and is stored with them (accept with findings)`, async () => {
        if (ret.error) throw ret.error
        // the same return with one child's sex code made wrong
        const header = ret.files.find((f) => path.basename(f) === 'header.csv')
        const lines = fs.readFileSync(header, 'utf8').split(/\r?\n/)
        const cols = lines[0].split(',')
        const sex = cols.indexOf('SEX')
        assert(sex >= 0, 'header.csv has no SEX column')
        const row = lines[2].split(',')
        row[sex] = 'X'
        lines[2] = row.join(',')
        await startImport(page, ret.year)
        await uploadFiles(page, [{ name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) },
          ...ret.files.filter((f) => path.basename(f) !== 'header.csv')
            .map((f) => ({ name: path.basename(f), mimeType: 'text/csv', buffer: fs.readFileSync(f) }))])
        await page.click('button:has-text("Check the files")')
        await page.waitForSelector('#check-results', { timeout: Math.max(WAIT_MS, 180000) })
        const findings = await page.locator('#check-results table').count()
        assert(findings >= 1, 'no findings table')
        const results = await page.locator('#check-results').innerText()
        assert(/SEX/.test(results), 'the finding about SEX is not shown')
        assert(/1 row that accepting with findings leaves out/.test(results) && /header\.csv, row 3/.test(results), 'the row left out is not named')
        await pageChecks(page, role, 'import-findings', problems)
        const accept = page.locator('main button', { hasText: 'Accept with findings' })
        assert(await accept.count() === 1, 'no "Accept with findings" button')
        await accept.click()
        await page.waitForSelector('.govuk-notification-banner--success, .govuk-error-summary', { timeout: Math.max(WAIT_MS, 180000) })
        if (!(await page.locator('.govuk-notification-banner--success').count())) throw new Error(`not stored: ${(await page.locator('.govuk-error-summary').innerText()).trim()}`)
        assert(/1 row left out/.test(await page.locator('#check-results').innerText()), 'what was stored does not name the row left out')
        await pageChecks(page, role, 'import-stored-with-findings', problems)
        const again = await apiStatus(page, 'POST', `/api/v1${new URL(page.url()).pathname}/accept`, { accept_with_findings: true })
        assert(again.status === 409 && again.code === 'finished', `accepting twice answered ${again.status} ${again.code}`)
      })
      await check(`${role}: an import that would replace a stored year with another set of children shows the before and after and is stored only once confirmed`, async () => {
        // the demo council's 2025-26 return, made again with a tenth of the children and another seed
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-replace-'))
        try {
          execFileSync(BIN, ['synth', '--la', '887', '--children', '30', '--seed', '7', '--years', '1', '--last-year', '2026', '--out', dir], { stdio: 'pipe' })
          const folder = path.join(dir, '2025-26')
          const files = fs.readdirSync(folder).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(folder, f))
          const at = await startImport(page, '2025-26')
          await uploadFiles(page, files)
          await page.click('button:has-text("Check the files")')
          await page.waitForSelector('#changes-heading', { timeout: Math.max(WAIT_MS, 180000) })
          const changes = await page.locator('section:has(#changes-heading)').innerText()
          assert(/Replaces\s+Import \d+/.test(changes), `the page does not say which stored import it replaces: ${changes.slice(0, 300)}`)
          assert(/Looked after on 31 March 2026\s+[\d,]+ → [\d,]+/.test(changes), `no before and after for the children looked after: ${changes.slice(0, 400)}`)
          assert(/more than the 10%/.test(changes), 'the page does not say the change is larger than the threshold')
          await pageChecks(page, role, 'import-large-change', problems)
          // storing without confirming is refused, in the page and by the server
          await page.locator('main button', { hasText: /^Accept/ }).click()
          await page.waitForSelector('.govuk-error-summary a[href="#confirm-change"]')
          await pageChecks(page, role, 'import-large-change-unconfirmed', problems)
          const r = await apiStatus(page, 'POST', `/api/v1${at}/accept`, { accept_with_findings: true })
          assert(r.status === 409 && r.code === 'confirmation_needed', `accepting unconfirmed answered ${r.status} ${r.code}`)
          // the rest of the walk needs the demo council as it is: cancel rather than confirm
          await page.click('button:has-text("Cancel this import")')
          await page.waitForURL((u) => u.pathname === '/imports')
          return changes.split('\n').filter((l) => /Looked after|Children in the return/.test(l)).join('; ')
        } finally {
          fs.rmSync(dir, { recursive: true, force: true })
        }
      })
      await check(`${role}: a file over the upload limit is refused (413) and the page says so; checking with no files says to upload them first; the import can be cancelled`, async () => {
        const at = await startImport(page, ret.year ?? '2026-27')
        // one byte over the server's --max-upload-mb (64 by default)
        const limitMb = Number(process.env.HEARTH_MAX_UPLOAD_MB || 64)
        const big = path.join(os.tmpdir(), `hearth-e2e-${process.pid}`, 'too-big.csv')
        fs.mkdirSync(path.dirname(big), { recursive: true })
        fs.writeFileSync(big, 'CHILD,SEX\n')
        fs.truncateSync(big, limitMb * 1024 * 1024 + 1)
        try {
          await page.setInputFiles('#import-files', big)
          await page.click('button:has-text("Upload")')
          await page.waitForSelector('.govuk-error-summary a[href="#import-files"]', { timeout: Math.max(WAIT_MS, 180000) })
        } finally {
          fs.rmSync(path.dirname(big), { recursive: true, force: true })
        }
        const said = await page.locator('.govuk-error-summary').innerText()
        assert(/too-big\.csv is too large/.test(said), `the error summary says: ${said}`)
        assert(await page.locator('main table:has-text("too-big.csv")').count() === 0, 'the file is listed as uploaded')
        await pageChecks(page, role, 'import-too-large', problems)
        await page.click('button:has-text("Check the files")')
        await page.waitForFunction(() => /Upload the files first/.test(document.querySelector('.govuk-error-summary')?.textContent ?? ''))
        await pageChecks(page, role, 'import-check-no-files', problems)
        await page.click('button:has-text("Cancel this import")')
        await page.waitForURL((u) => u.pathname === '/imports' && u.searchParams.get('cancelled') === '1')
        await ready(page)
        assert(await page.locator('.govuk-notification-banner--success').count() === 1, 'no confirmation that it was cancelled')
        await pageChecks(page, role, 'import-cancelled', problems)
        const r = await apiStatus(page, 'GET', `/api/v1${at}`)
        assert(r.status === 200, `the cancelled import answered ${r.status}`)
        const st = await page.evaluate(async (u) => (await (await fetch(u)).json()).status, `/api/v1${at}`)
        assert(st === 'cancelled', `its status is ${st}`)
      })
      if (ret.dir) fs.rmSync(ret.dir, { recursive: true, force: true })
      await check(`${role}: CSRF — POST /api/v1/imports without X-CSRF-Token is refused with 403 csrf`, async () => {
        const r = await apiStatus(page, 'POST', '/api/v1/imports', { kind: '903', year: '2025-26', la: '887' }, false)
        assert(r.status === 403 && r.code === 'csrf', `got ${r.status} ${r.code}`)
      })
    }
  },
  admin: {
    user: 'demo-admin',
    extra: async (page, role, problems) => {
      await check(`${role}: the Users page lists the council's users with their roles and status`, async () => {
        await page.goto(`${BASE}/users`)
        await ready(page)
        assert((await page.locator('h1').innerText()).includes('Users'), 'h1 is not Users')
        const heads = (await page.locator('main table thead th').allInnerTexts()).map((t) => t.trim())
        for (const want of ['Name', 'Username', 'Role', 'Status', 'Last signed in']) assert(heads.includes(want), `no ${want} column (${heads.join(', ')})`)
        const rowHeads = await page.locator('main table tbody th[scope="row"]').count()
        const rows = await page.locator('main table tbody tr').count()
        assert(rows > 0 && rowHeads === rows, `${rows} rows, ${rowHeads} row headers`)
        const text = await page.locator('main table').innerText()
        for (const u of Object.values(ROLES).map((r) => r.user)) assert(text.includes(u), `${u} is not listed`)
        assert(/Administrator/i.test(text) && /Active/.test(text), 'roles or status missing')
        await pageChecks(page, role, 'users', problems)
        return `${rows} users`
      })
      await check(`${role}: adds a user in the browser — an unknown worker id is refused in the error summary, a known one gets a one-time set-up link that works once`, async () => {
        await page.goto(`${BASE}/users/new`)
        await ready(page)
        await page.fill('#username', 'e2e-new-worker')
        await page.fill('#display-name', 'New Worker')
        await page.check('input[name="role"][value="worker"]')
        await page.fill('#worker', 'NO-SUCH-WORKER')
        await page.click('button:has-text("Add the user")')
        await page.waitForSelector('.govuk-error-summary')
        const said = await page.locator('.govuk-error-summary').innerText()
        assert(/NO-SUCH-WORKER/.test(said) && await page.locator('.govuk-error-summary a[href="#worker"]').count() === 1, `the error summary says: ${said}`)
        await pageChecks(page, role, 'user-add-unknown-worker', problems)
        const users = await page.evaluate(async () => (await (await fetch('/api/v1/users?per_page=500')).json()).items)
        const known = users.find((u) => u.username === 'demo-worker')?.worker
        assert(known, 'demo-worker has no worker id')
        await page.fill('#worker', known)
        await page.click('button:has-text("Add the user")')
        await page.waitForSelector('#setup-link')
        await pageChecks(page, role, 'user-added', problems)
        const link = await page.inputValue('#setup-link')
        assert(/\/setup#[A-Za-z0-9_-]{20,}$/.test(link), `the set-up link is ${link}`)
        // the person opens the link in their own browser and chooses a password
        const ctx2 = await browser.newContext({ viewport: page.viewportSize() })
        try {
          const them = await ctx2.newPage()
          await them.goto(link)
          await ready(them)
          await them.fill('#password', 'a new worker pass phrase')
          await them.click('button:has-text("Set my password")')
          await them.waitForSelector('.govuk-notification-banner--success')
          const again = await them.evaluate(async (token) => (await fetch('/api/v1/setup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, password: 'another pass phrase' }) })).status, link.split('#')[1])
          assert(again === 400, `the link worked twice (${again})`)
          const signIn = await them.evaluate(async () => (await fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'e2e-new-worker', password: 'a new worker pass phrase' }) })).status)
          assert(signIn === 200, `signing in with the chosen password answered ${signIn}`)
        } finally {
          await ctx2.close()
        }
      })
      await check(`${role}: sees the imports list but may not start an import (403 from the API)`, async () => {
        await page.goto(`${BASE}/imports`)
        await ready(page)
        assert(await page.locator('a:has-text("Start a new import")').count() === 0, 'the admin is offered "Start a new import"')
        assert(await page.locator('main table tbody tr').count() > 0, 'no imports listed')
        const r = await apiStatus(page, 'POST', '/api/v1/imports', { kind: '903', year: '2025-26', la: '887' })
        assert(r.status === 403 && r.code === 'forbidden', `POST /api/v1/imports answered ${r.status} ${r.code}`)
      })
      await check(`${role}: children search and pagination`, async () => {
        await page.goto(`${BASE}/children?status=all`)
        await ready(page)
        const rows = await page.locator('main table tbody tr').count()
        assert(rows > 0, 'no children listed')
        const next = page.locator('.govuk-pagination__next a')
        if (await next.count()) {
          await next.click()
          await page.waitForURL(/page=2/)
          await ready(page)
          await pageChecks(page, role, 'children-page-2', problems)
        }
        return `${rows} rows on page 1`
      })
    }
  },
  manager: {
    user: 'demo-manager',
    extra: async (page, role) => {
      await check(`${role}: the team worklist shows workers`, async () => {
        await page.goto(`${BASE}/worklist/team`)
        await ready(page)
        const text = await page.locator('main').innerText()
        assert(/Team worklist/.test(text), 'no team worklist heading')
        assert(await page.locator('main th:has-text("Worker")').count() > 0, 'no worker column')
      })
      await check(`${role}: the workers' table sorts by each column (aria-sort) and links to a worker's list, whose filter still offers every worker`, async () => {
        const table = page.locator('[data-testid="workers"]')
        const overdue = async () => (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.children[1].textContent.replace(/,/g, '')))))
        const sorts = async () => table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('aria-sort')))
        const first = await overdue()
        assert(first.length > 1, `${first.length} workers listed`)
        assert(first.every((v, i) => i === 0 || first[i - 1] >= v), `not most overdue first: ${first.join(', ')}`)
        assert((await sorts())[1] === 'descending', `aria-sort: ${(await sorts()).join(', ')}`)
        await table.locator('thead button', { hasText: 'Worker' }).click()
        const names = await table.locator('tbody th').allInnerTexts()
        assert(names.every((n, i) => i === 0 || names[i - 1].localeCompare(n, 'en-GB') <= 0), `not by name: ${names.join(', ')}`)
        assert(JSON.stringify(await sorts()) === JSON.stringify(['ascending', 'none', 'none', 'none']), `aria-sort: ${(await sorts()).join(', ')}`)
        await table.locator('thead button', { hasText: 'Overdue' }).click()
        const up = await overdue()
        assert(up.every((v, i) => i === 0 || up[i - 1] <= v), `Overdue ascending: ${up.join(', ')}`)
        const offered = await page.locator('#filter-worker option').count()
        const link = table.locator('tbody a').first()
        const name = (await link.innerText()).trim()
        await link.click()
        await page.waitForURL(/[?&]worker=/)
        await ready(page)
        const workers = new Set(await page.locator('main table tbody tr td:last-child').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent?.trim())))
        assert(workers.size === 1 && workers.has(name), `${name}'s list holds items of ${[...workers].join(', ')}`)
        const still = await page.locator('#filter-worker option').count()
        assert(still === offered, `the worker filter offers ${still} choices after choosing one, ${offered} before`)
        return `${first.length} workers; ${name}'s list`
      })
    }
  },
  iro: {
    user: 'demo-iro',
    extra: async (page, role) => {
      await check(`${role}: lands on "My reviews", which lists only looked-after reviews`, async () => {
        await page.goto(`${BASE}/worklist`)
        await ready(page)
        assert((await page.locator('h1').innerText()).includes('My reviews'), 'h1 is not My reviews')
        const items = await page.locator('main table tbody tr td:nth-child(2)').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent ?? ''))
        const other = items.filter((t) => !/looked-after review/i.test(t))
        assert(!other.length, `not reviews: ${other.join(', ')}`)
        return `${items.length} review items`
      })
    }
  },
  participation: {
    user: 'demo-participation',
    extra: async (page, role, problems) => {
      await check(`${role}: no scorecard — / goes to Listening to you, the scorecard pages are refused`, async () => {
        await page.goto(`${BASE}/`)
        await page.waitForURL((u) => u.pathname === '/listening')
        await ready(page)
        await page.goto(`${BASE}/scorecard/stability_long`)
        await ready(page)
        assert((await page.locator('h1').innerText()).trim() === 'You do not have access to this page', 'the scorecard indicator page is not refused')
      })
      await check(`${role}: no child identifiers or links to children on the pages it can use`, async () => {
        for (const url of ['/indicators', '/rules', '/indicators/stability_long']) {
          await page.goto(`${BASE}${url}`)
          await ready(page)
          assert(await page.locator('a[href^="/children"]').count() === 0, `${url} links to a child page`)
          assert(!/\b11[45]\d{5}\b/.test(await page.locator('main').innerHTML()), `${url} shows something like a child id`)
        }
        await pageChecks(page, role, 'indicator-definition', problems)
      })
      await check(`${role}: plain words on the indicators and the definitions of measures without a figure`, async () => {
        for (const url of ['/indicators', '/indicators/statements', '/indicators/placed_over_20_miles', '/indicators/stability_short']) await plainWords(page, url)
        return '4 pages'
      })
    }
  },
  // the Board's officer: their pages are walked by boardChecks (e2e/board.mjs), as every Board role's
  board_officer: {
    user: 'demo-officer'
  },
  young_person: {
    user: 'demo-yp',
    extra: async (page, role) => {
      await check(`${role}: sees only My record`, async () => {
        const items = await page.locator('.govuk-service-navigation__link').allInnerTexts()
        assert(items.length === 1 && items[0].trim() === 'My record', `navigation: ${items.join(', ')}`)
        await page.goto(`${BASE}/`)
        await page.waitForURL(/\/my-record$/)
        await ready(page)
        const text = await page.locator('main').innerText()
        assert(/Your worker/.test(text) && /What is coming up/.test(text), 'My record lacks its sections')
      })
      await check(`${role}: plain words on every page they reach`, async () => {
        for (const url of ['/my-record', '/children', '/no-such-page']) await plainWords(page, url)
        return '3 pages'
      })
      await check(`${role}: another child's record is refused by the API`, async () => {
        const r = await apiStatus(page, 'GET', '/api/v1/children/1149297')
        assert(r.status === 403 || r.status === 404, `got ${r.status}`)
      })
    }
  }
}

// ---- the run ------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})

try {
  for (const [role, spec] of Object.entries(ROLES)) {
    if (ONLY.length && !ONLY.includes(role)) continue
    console.log(`\n${role} (${spec.user})`)
    spec.can = SPEC_CAN[role]
    spec.home = homeFor(spec.can, role)
    spec.nav = navFor(spec.can, role)
    spec.deny = PAGES.filter(([, need]) => !allows(spec.can, need)).map(([url]) => url)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(WAIT_MS)
    const page = await context.newPage()
    const problems = watch(page)

    await check(`${role}: signs in through the form and lands on ${spec.home}`, async () => {
      const t0 = Date.now()
      await login(page, spec.user)
      await page.waitForURL((u) => u.pathname === spec.home, { timeout: WAIT_MS })
      await ready(page)
      const ms = Date.now() - t0
      await pageChecks(page, role, `home${spec.home}`, problems)
      return `${ms} ms to an interactive ${spec.home}`
    })

    const navNow = async () => (await page.locator('.govuk-service-navigation__link').allInnerTexts()).map((s) => s.trim())
    await check(`${role}: navigation shows exactly the pages the session's can list allows`, async () => {
      const can = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).can)
      const expected = navFor(can, role)
      const items = await navNow()
      assert(JSON.stringify(items) === JSON.stringify(expected), `navigation is [${items.join(', ')}] for can [${can.join(', ')}]`)
    })
    await check(`${role}: the server's can list gives the role what the access spec and docs/api.md give it`, async () => {
      const can = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).can)
      const extra = can.filter((a) => !spec.can.includes(a))
      const missing = spec.can.filter((a) => !can.includes(a))
      assert(!extra.length && !missing.length, `can [${can.join(', ')}]: ${extra.length ? `beyond the spec: ${extra.join(', ')}` : ''}${extra.length && missing.length ? '; ' : ''}${missing.length ? `missing: ${missing.join(', ')}` : ''}`)
      const items = await navNow()
      assert(JSON.stringify(items) === JSON.stringify(spec.nav), `navigation is [${items.join(', ')}], the spec gives [${spec.nav.join(', ')}]`)
      return `[${spec.nav.join(', ')}]`
    })

    for (const item of await navNow()) {
      await check(`${role}: ${item} (navigation)`, async () => {
        await navClick(page, item)
        const focused = await page.evaluate(() => document.activeElement?.tagName)
        assert(focused === 'H1' || focused === 'MAIN', `focus is on ${focused} after the route change, not the heading`)
        const current = await page.locator('.govuk-service-navigation__link[aria-current]').allInnerTexts()
        assert(current.length === 1 && current[0].trim() === item, `the current item is ${current.join(', ') || 'none'}`)
        return pageChecks(page, role, new URL(page.url()).pathname, problems)
      })
    }

    for (const url of spec.deny) {
      await check(`${role}: ${url} is refused`, async () => {
        await page.goto(`${BASE}${url}`)
        await ready(page)
        const h1 = (await page.locator('h1').innerText()).trim()
        if (url === '/' && spec.home !== '/') {
          assert(new URL(page.url()).pathname === spec.home, `/ went to ${page.url()}`)
          return `redirected to ${spec.home}`
        }
        assert(h1 === 'You do not have access to this page', `h1 is "${h1}"`)
        await pageChecks(page, role, `denied${url}`, problems)
        return '403 page'
      })
    }

    await check(`${role}: the API answers 200 where the spec allows the role and 403 forbidden elsewhere`, async () => {
      const wrong = []
      let refused = 0
      for (const [url, need] of API_ROUTES) {
        const r = await apiStatus(page, 'GET', url)
        const allowed = spec.can.includes(need)
        if (!allowed) refused += 1
        if (allowed ? r.status !== 200 : r.status !== 403 || r.code !== 'forbidden') wrong.push(`${url} answered ${r.status} ${r.code}`.trim())
      }
      assert(!wrong.length, wrong.join('; '))
      return `${API_ROUTES.length - refused} allowed, ${refused} refused`
    })
    for (const url of spec.apiDeny ?? []) {
      await check(`${role}: API ${url} answers 403`, async () => {
        const r = await apiStatus(page, 'GET', url)
        assert(r.status === 403 && r.code === 'forbidden', `got ${r.status} ${r.code}`)
      })
    }

    await check(`${role}: CSRF — DELETE /api/v1/session without X-CSRF-Token is refused (403 csrf) and the session lives on`, async () => {
      const r = await apiStatus(page, 'DELETE', '/api/v1/session', undefined, false)
      assert(r.status === 403 && r.code === 'csrf', `got ${r.status} ${r.code}`)
      const s = await apiStatus(page, 'GET', '/api/v1/session')
      assert(s.status === 200, `the session answered ${s.status} afterwards`)
    })

    if (spec.extra) await spec.extra(page, role, problems)

    // the Board's pages, each form there exactly for the roles that may use it (e2e/board.mjs)
    if (BOARD_WALKERS.includes(role)) {
      await boardChecks({ page, role, user: spec.user, can: spec.can, base: BASE, check, assert, ready, pageChecks, plainWords, problems, runAxe })
    }

    await check(`${role}: a page that does not exist shows the 404 page`, async () => {
      await page.goto(`${BASE}/no-such-page`)
      await ready(page)
      assert((await page.locator('h1').innerText()).trim() === 'Page not found', 'not the 404 page')
      if (role === 'board') await pageChecks(page, role, 'not-found', problems)
    })

    await check(`${role}: signs out`, async () => {
      await page.goto(`${BASE}${spec.home}`)
      await ready(page)
      await page.click('[data-testid="sign-out"]')
      await page.waitForURL(/\/login\?signed_out=1/)
      await ready(page)
      const r = await apiStatus(page, 'GET', '/api/v1/session')
      assert(r.status === 401, `GET /api/v1/session after signing out answered ${r.status}`)
      if (role === 'board') await pageChecks(page, role, 'signed-out', problems)
      await page.goto(`${BASE}${spec.home}`)
      await page.waitForURL(/\/login/)
      return 'session ended; pages go to /login'
    })
    await context.close()
  }

  // ---- the voice pages: messages from children, safety alerts and Listening to you (e2e/voice.mjs) ----
  await voiceChecks({ browser, base: BASE, only: ONLY, check, assert, ready, login, watch, pageChecks, waitMs: WAIT_MS })
  await listeningChecks({ browser, base: BASE, only: ONLY, check, assert, ready, login, watch, pageChecks, waitMs: WAIT_MS })

  // ---- the young people's own pages, with and without JavaScript (e2e/young.mjs) ----
  if (mailbox) await youngChecks({ browser, base: BASE, only: ONLY, check, assert, pageChecks, watch, waitMs: WAIT_MS, password: PASSWORD, mailbox, outOfHours: OUT_OF_HOURS })

  // ---- the Board's loop, card to "You said, we did", by each person whose job it is (e2e/boardLoop.mjs) ----
  await boardLoopChecks({ browser, base: BASE, only: ONLY, check, assert, ready, login, watch, pageChecks, waitMs: WAIT_MS, password: PASSWORD })

  console.log('\nsessions and sign-in')
  {
    const context = await browser.newContext()
    context.setDefaultTimeout(WAIT_MS)
    const page = await context.newPage()
    const problems = watch(page)
    // Playwright's clock: time runs as usual until the idle check below moves it on
    await page.clock.install()
    await check('the sign-in page asks for no session when the browser holds none (no 401)', async () => {
      // (it may ask how people sign in here — GET /api/v1/sign-in-options, public — but not
      // who is signed in, and nothing it asks is refused)
      const asked = []
      const onResponse = (r) => {
        const path = new URL(r.url()).pathname
        if (path.startsWith('/api/') && (path === '/api/v1/session' || r.status() === 401)) asked.push(`${r.request().method()} ${path} (${r.status()})`)
      }
      page.on('response', onResponse)
      await page.goto(`${BASE}/login`)
      await ready(page)
      page.off('response', onResponse)
      assert(asked.length === 0, `the sign-in page asked ${asked.join(', ')}`)
    })
    await check('no session: a page sends you to /login with next=', async () => {
      await page.goto(`${BASE}/children?status=all`)
      await page.waitForURL(/\/login\?next=/)
      await ready(page)
      const next = new URL(page.url()).searchParams.get('next')
      assert(next === '/children?status=all', `next is ${next}`)
      await pageChecks(page, 'anonymous', 'login', problems)
    })
    await check('sign in goes on to the page asked for', async () => {
      await page.fill('#username', 'demo-analyst')
      await page.fill('#password', PASSWORD)
      await page.click('button:has-text("Sign in")')
      await page.waitForURL((u) => u.pathname === '/children')
      await ready(page)
    })
    await check('back from a child goes to the children list with its filter, page and place', async () => {
      await page.goto(`${BASE}/children?status=all&page=2`)
      await ready(page)
      const child = page.locator('main table tbody a').nth(12)
      await child.scrollIntoViewIfNeeded()
      const y = await page.evaluate(() => window.scrollY)
      assert(y > 0, 'the list did not scroll')
      await child.click()
      await page.waitForURL(/\/children\/[^/?]+/)
      await ready(page)
      await page.goBack()
      await page.waitForURL((u) => u.pathname === '/children')
      await ready(page)
      const url = new URL(page.url())
      assert(url.searchParams.get('status') === 'all' && url.searchParams.get('page') === '2', `back at ${url.pathname}${url.search}`)
      assert(await page.locator('#filter-status').inputValue() === 'all', 'the status filter was not kept')
      const back = await page.evaluate(() => window.scrollY)
      assert(Math.abs(back - y) <= 2, `scrolled to ${back}, was ${y}`)
      return `page 2, status all, scroll ${back} px`
    })
    await check('two minutes before the idle limit a warning offers "Stay signed in", which keeps the session', async () => {
      // the server's idle limit is 30 minutes: move the page's clock to 28 minutes without a request
      await page.clock.fastForward('27:30')
      const dialog = page.locator('dialog[open][role="alertdialog"]')
      await dialog.waitFor()
      assert(/sign you out in 2 minutes/.test(await dialog.innerText()), `the warning says: ${await dialog.innerText()}`)
      const focused = await page.evaluate(() => document.activeElement?.textContent)
      assert(focused === 'Stay signed in', `focus is on "${focused}"`)
      await pageChecks(page, 'anonymous', 'idle-warning', problems)
      await page.click('dialog button:has-text("Stay signed in")')
      await dialog.waitFor({ state: 'detached' })
      const r = await apiStatus(page, 'GET', '/api/v1/session')
      assert(r.status === 200, `GET /api/v1/session answered ${r.status}`)
    })
    await check('past the idle limit: signed out, told why, and back to the same page after signing in', async () => {
      await page.clock.fastForward('31:00')
      await page.waitForURL(/\/login\?.*idle=30/)
      await ready(page)
      assert(/You were signed out after 30 minutes without activity/.test(await page.locator('main').innerText()), 'no "signed out after 30 minutes" message')
      await pageChecks(page, 'anonymous', 'login-idle', problems)
      await page.fill('#username', 'demo-analyst')
      await page.fill('#password', PASSWORD)
      await page.click('button:has-text("Sign in")')
      await page.waitForURL((u) => u.pathname === '/children' && u.searchParams.get('page') === '2')
      await ready(page)
    })
    await check('expired session: the next API call sends you to /login with "your session has ended"', async () => {
      const cookies = await context.cookies()
      await context.clearCookies()
      await context.addCookies(cookies.filter((c) => c.name !== 'hearth_session'))
      await navClick(page, 'Rules')
      await page.waitForURL(/\/login\?.*expired=1/)
      await ready(page)
      const next = new URL(page.url()).searchParams.get('next')
      assert(next === '/rules', `next is ${next}`)
      assert(/Your session has ended/.test(await page.locator('main').innerText()), 'no "session has ended" message')
      await pageChecks(page, 'anonymous', 'login-expired', problems)
    })
    await check('wrong password: an error summary, focused', async () => {
      await page.goto(`${BASE}/login`)
      await ready(page)
      await page.fill('#username', 'demo-board')
      await page.fill('#password', 'not-the-password')
      await page.click('button:has-text("Sign in")')
      await page.waitForSelector('.govuk-error-summary')
      const focused = await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))
      assert(focused, 'the error summary does not have focus')
      assert(/^Error: /.test(await page.title()), 'the title does not start with "Error: "')
      await pageChecks(page, 'anonymous', 'login-wrong-password', problems)
    })
    await check('empty form: errors for both fields', async () => {
      await page.goto(`${BASE}/login`)
      await ready(page)
      await page.click('button:has-text("Sign in")')
      await page.waitForSelector('.govuk-error-summary')
      assert(await page.locator('.govuk-error-summary li').count() === 2, 'expected two errors')
      await pageChecks(page, 'anonymous', 'login-empty', problems)
    })
    await check('too many failed sign-ins: the lock and the wait are shown (429)', async () => {
      // This counts towards the address's failed-login limit (20 in 10 minutes by default) and
      // could lock the test machine out of a server it did not start, so there it runs only when asked.
      if (!own && process.env.HEARTH_E2E_LOCKOUT !== '1') return 'skipped (set HEARTH_E2E_LOCKOUT=1 to run it against a server given by HEARTH_URL)'
      const who = `lock-test-${Date.now()}`
      for (let i = 0; i < 6; i++) {
        const r = await apiStatus(page, 'POST', '/api/v1/session', { username: who, password: 'wrong' }, false)
        if (r.status === 429) break
      }
      await page.goto(`${BASE}/login`)
      await ready(page)
      await page.fill('#username', who)
      await page.fill('#password', 'wrong')
      await page.click('button:has-text("Sign in")')
      await page.waitForSelector('.govuk-error-summary')
      const text = await page.locator('.govuk-error-summary').innerText()
      if (!/locked|too many/i.test(text)) return 'skipped: the server does not lock unknown usernames'
      assert(/try again in \d+ minutes?/i.test(text), `no wait shown: ${text}`)
      await pageChecks(page, 'anonymous', 'login-locked', problems)
      return 'locked, wait shown'
    })
    await context.close()
  }
} finally {
  await browser.close()
  own?.stop()
}

const failed = results.filter((r) => !r.ok)
console.log(`\n${results.length} checks, ${results.length - failed.length} passed, ${failed.length} failed; axe on ${axePages} page states (${axeViolations} violations); ${phonePages} page states at 390 px (${phoneOverflows} scrolled sideways); ${shots} screenshots in ${ARTIFACTS}`)
if (failed.length) {
  console.log('\nFailures:')
  for (const f of failed) console.log(`  - ${f.name}: ${f.detail}`)
  process.exit(1)
}
