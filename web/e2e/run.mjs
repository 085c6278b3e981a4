// Browser tests for Hearth's front end: every demo role signs in through the form, visits the
// pages its navigation offers and the ones it must not see, and each page is checked with
// axe-core (WCAG 2.0/2.1/2.2 A and AA: any violation fails) and saved as a screenshot.
//
//   HEARTH_URL=http://127.0.0.1:8080 HEARTH_DEMO_PASSWORD=demo HEARTH_ARTIFACTS=/tmp/shots node e2e/run.mjs
//
// Without HEARTH_URL it starts the mock server (dev/mock-server.mjs) on a free port. Chromium is
// Debian's /usr/bin/chromium (HEARTH_CHROMIUM to change it); no browser is downloaded.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const PASSWORD = process.env.HEARTH_DEMO_PASSWORD || 'demo'
const ARTIFACTS = path.resolve(process.env.HEARTH_ARTIFACTS || path.join(here, '..', 'e2e-artifacts'))
const CHROMIUM = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium'
const ONLY = (process.env.HEARTH_ROLES || '').split(',').filter(Boolean)
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let BASE = process.env.HEARTH_URL
let mock = null
if (!BASE) {
  const { createServer } = await import('../dev/mock-server.mjs')
  mock = createServer()
  await new Promise((r) => mock.listen(0, '127.0.0.1', r))
  BASE = `http://127.0.0.1:${mock.address().port}`
  console.log(`(no HEARTH_URL: started the mock server on ${BASE})`)
}
BASE = BASE.replace(/\/+$/, '')
fs.mkdirSync(ARTIFACTS, { recursive: true })

// ---- bookkeeping -------------------------------------------------------------------------------
const results = []
let axePages = 0
let axeViolations = 0
let shots = 0
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
async function ready(page) {
  await page.waitForSelector('main[data-state="ready"]', { timeout: 15000 })
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

async function shot(page, role, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${role}--${slug(name)}.png`), fullPage: true })
  shots += 1
}

/** The checks every page gets: one h1, a "… – Hearth" title, no CSP or script errors, axe. */
async function pageChecks(page, role, name, problems) {
  const h1s = await page.locator('h1').count()
  assert(h1s === 1, `expected one h1, found ${h1s}`)
  const title = await page.title()
  assert(/ – Hearth$/.test(title), `title "${title}" does not end with " – Hearth"`)
  await shot(page, role, name)
  await runAxe(page, `${role} ${name}`)
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
  ['Scorecard', ['dashboard']], ['My worklist', ['worklist']], ['Team worklists', ['team_worklist', 'all_worklist']],
  ['Children', ['children']], ['Data quality', ['data_quality']], ['Imports', ['imports']],
  ['Indicators', ['indicators']], ['Rules', ['rules']], ['My record', ['my_record']]
]

// ---- what each role sees ----------------------------------------------------------------------------
const ROLES = {
  board: {
    user: 'demo-board', home: '/', nav: ['Scorecard', 'Indicators', 'Rules'],
    deny: ['/children', '/worklist', '/data-quality', '/imports', '/my-record'],
    apiDeny: ['/api/v1/children', '/api/v1/findings', '/api/v1/worklist?scope=mine'],
    extra: async (page, role, problems) => {
      await check(`${role}: the dashboard is interactive within 1 second of loading`, async () => {
        const t0 = Date.now()
        await page.goto(`${BASE}/`)
        await ready(page)
        const ms = Date.now() - t0
        assert(ms <= 1000, `${ms} ms`)
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
      await check(`${role}: no child identifiers or links to children anywhere`, async () => {
        for (const url of ['/', '/scorecard/stability_long']) {
          await page.goto(`${BASE}${url}`)
          await ready(page)
          const links = await page.locator('a[href^="/children"]').count()
          assert(links === 0, `${url} links to a child page`)
          const html = await page.locator('main').innerHTML()
          assert(!/\b11[45]\d{5}\b/.test(html), `${url} shows something like a child id`)
        }
        await pageChecks(page, role, 'scorecard-indicator', problems)
      })
    }
  },
  worker: {
    user: 'demo-worker', home: '/worklist', nav: ['My worklist', 'Children', 'Indicators', 'Rules'],
    deny: ['/data-quality', '/imports', '/worklist/team', '/', '/my-record'],
    apiDeny: ['/api/v1/findings', '/api/v1/imports', '/api/v1/scorecard', '/api/v1/worklist?scope=all'],
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
    user: 'demo-analyst', home: '/', nav: ['Scorecard', 'Team worklists', 'Children', 'Data quality', 'Imports', 'Indicators', 'Rules'],
    deny: ['/worklist', '/my-record'],
    apiDeny: ['/api/v1/worklist?scope=mine'],
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
      await check(`${role}: scorecard indicator page has charts with table alternatives`, async () => {
        await page.goto(`${BASE}/scorecard/stability_long`)
        await ready(page)
        const charts = await page.locator('main svg.app-chart[role="img"]').count()
        const tables = await page.locator('main details table').count()
        assert(charts > 0 && tables >= charts, `${charts} charts but ${tables} tables`)
        await pageChecks(page, role, 'scorecard-indicator', problems)
        return `${charts} charts, ${tables} tables`
      })
      await check(`${role}: a new import uploads, checks and is accepted`, async () => {
        await page.goto(`${BASE}/imports/new`)
        await ready(page)
        await page.click('button:has-text("Continue")')
        await page.waitForSelector('.govuk-error-summary')
        await pageChecks(page, role, 'import-new-error', problems)
        await page.check('input[name="kind"][value="903"]')
        await page.click('button:has-text("Continue")')
        // either the upload step, or the server's refusal shown in the error summary
        await page.waitForFunction(() => /\/imports\/\d+$/.test(location.pathname) ||
          [...document.querySelectorAll('.govuk-error-summary li')].some((li) => !/Select what you are importing/.test(li.textContent)))
        if (!/\/imports\/\d+$/.test(new URL(page.url()).pathname)) {
          throw new Error(`starting the import failed: ${(await page.locator('.govuk-error-summary li').first().innerText()).trim()}`)
        }
        await ready(page)
        await pageChecks(page, role, 'import-upload', problems)
        await page.setInputFiles('#import-files', [
          { name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2010,WBRI,UN1,,\n') },
          { name: 'episodes.csv', mimeType: 'text/csv', buffer: Buffer.from('CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' + '1,01/04/2025,S,C2,N1,U1,PR1,,,,,,\n'.repeat(2000)) }
        ])
        await page.click('button:has-text("Upload")')
        await page.waitForSelector('text=Files uploaded')
        assert(await page.locator('main table:has-text("episodes.csv")').count() === 1, 'episodes.csv is not listed')
        await page.click('button:has-text("Check the files")')
        await page.waitForSelector('#check-results')
        await pageChecks(page, role, 'import-checked', problems)
        await page.click('button:has-text("Accept")')
        await page.waitForSelector('.govuk-notification-banner--success')
        await pageChecks(page, role, 'import-accepted', problems)
      })
      await check(`${role}: CSRF — POST /api/v1/imports without X-CSRF-Token is refused with 403 csrf`, async () => {
        const r = await apiStatus(page, 'POST', '/api/v1/imports', { kind: '903', year: '2025-26', la: '887' }, false)
        assert(r.status === 403 && r.code === 'csrf', `got ${r.status} ${r.code}`)
      })
    }
  },
  admin: {
    user: 'demo-admin', home: '/', nav: ['Scorecard', 'Team worklists', 'Children', 'Data quality', 'Imports', 'Indicators', 'Rules'],
    deny: ['/worklist', '/my-record', '/imports/new'],
    apiDeny: [],
    extra: async (page, role, problems) => {
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
    user: 'demo-manager', home: '/', nav: ['Scorecard', 'Team worklists', 'Children', 'Indicators', 'Rules'],
    deny: ['/data-quality', '/imports', '/worklist', '/my-record'],
    apiDeny: ['/api/v1/findings', '/api/v1/imports', '/api/v1/worklist?scope=all'],
    extra: async (page, role) => {
      await check(`${role}: the team worklist shows workers`, async () => {
        await page.goto(`${BASE}/worklist/team`)
        await ready(page)
        const text = await page.locator('main').innerText()
        assert(/Team worklist/.test(text), 'no team worklist heading')
        assert(await page.locator('main th:has-text("Worker")').count() > 0, 'no worker column')
      })
    }
  },
  iro: {
    user: 'demo-iro', home: '/', nav: ['Scorecard', 'My worklist', 'Children', 'Indicators', 'Rules'],
    deny: ['/data-quality', '/imports', '/worklist/team', '/my-record'],
    apiDeny: ['/api/v1/findings', '/api/v1/imports']
  },
  participation: {
    user: 'demo-participation', home: '/', nav: ['Scorecard', 'Indicators', 'Rules'],
    deny: ['/children', '/worklist', '/data-quality', '/imports', '/my-record'],
    apiDeny: ['/api/v1/children', '/api/v1/findings'],
    extra: async (page, role) => {
      await check(`${role}: scorecard is suppressed and has no links to children`, async () => {
        await page.goto(`${BASE}/`)
        await ready(page)
        assert(await page.locator('a[href^="/children"]').count() === 0, 'links to children')
        assert(/fewer than 5 children/.test(await page.locator('main').innerText()), 'no suppression note')
      })
    }
  },
  young_person: {
    user: 'demo-yp', home: '/my-record', nav: ['My record'],
    deny: ['/children', '/worklist', '/data-quality', '/imports', '/indicators', '/rules', '/scorecard/cla_count'],
    apiDeny: ['/api/v1/scorecard', '/api/v1/children', '/api/v1/indicators', '/api/v1/rules', '/api/v1/findings'],
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems = watch(page)

    await check(`${role}: signs in through the form and lands on ${spec.home}`, async () => {
      const t0 = Date.now()
      await login(page, spec.user)
      await page.waitForURL((u) => u.pathname === spec.home, { timeout: 15000 })
      await ready(page)
      const ms = Date.now() - t0
      await pageChecks(page, role, `home${spec.home}`, problems)
      return `${ms} ms to an interactive ${spec.home}`
    })

    const navNow = async () => (await page.locator('.govuk-service-navigation__link').allInnerTexts()).map((s) => s.trim())
    await check(`${role}: navigation shows exactly the pages the session's can list allows`, async () => {
      const can = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).can)
      const expected = NAV.filter(([, need]) => need.some((a) => can.includes(a))).map(([text]) => text)
      const items = await navNow()
      assert(JSON.stringify(items) === JSON.stringify(expected), `navigation is [${items.join(', ')}] for can [${can.join(', ')}]`)
    })
    await check(`${role}: the server's can list gives the role the pages the access spec and docs/api.md give it`, async () => {
      const items = await navNow()
      assert(JSON.stringify(items) === JSON.stringify(spec.nav), `navigation is [${items.join(', ')}], the spec gives [${spec.nav.join(', ')}]`)
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

    for (const url of spec.apiDeny) {
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

  console.log('\nsessions and sign-in')
  {
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = watch(page)
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
      // Against a real server this counts towards the address's failed-login limit (20 in 10
      // minutes by default) and can lock the test machine out, so it runs only when asked.
      if (!mock && process.env.HEARTH_E2E_LOCKOUT !== '1') return 'skipped (set HEARTH_E2E_LOCKOUT=1 to run it against a real server)'
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
  if (mock) mock.close()
}

const failed = results.filter((r) => !r.ok)
console.log(`\n${results.length} checks, ${results.length - failed.length} passed, ${failed.length} failed; axe on ${axePages} page states (${axeViolations} violations); ${shots} screenshots in ${ARTIFACTS}`)
if (failed.length) {
  console.log('\nFailures:')
  for (const f of failed) console.log(`  - ${f.name}: ${f.detail}`)
  process.exit(1)
}
