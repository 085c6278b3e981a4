// The soak's load: a steady mix of what a council's staff do all day, at a fixed rate, against
// a running `hearth serve` (bench/soak.sh starts it). Node's own fetch; no packages.
//
//   node bench/soak.mjs URL PASSWORD SECONDS RATE PID IMPORT_DIR OUT_JSON
//
// Every tick (10 ms) sends the requests due by then, so the rate holds whatever the latency;
// at most MAX_IN_FLIGHT are outstanding (a request that could not be sent is counted as
// "skipped": the server fell behind). The mix: scorecards (Board member, analyst), worklists
// (worker, manager, analyst), children lists and a child's journey (analyst, worker), health
// checks, and a sign-in every second; an import of a collection year through the API (start,
// upload, check, accept) during the warm-up, at a third and at two thirds of the run. The
// server's resident memory is read from /proc every 10 s. Any reply that is not what the request
// should get is an error.
import fs from 'node:fs'
import path from 'node:path'

const [url, password, secondsArg, rateArg, pidArg, importDir, outFile] = process.argv.slice(2)
const SECONDS = Number(secondsArg)
const RATE = Number(rateArg)
const PID = Number(pidArg)
const MAX_IN_FLIGHT = 100

const stats = { sent: 0, ok: 0, errors: 0, skipped: 0, byKind: {}, errorSamples: [], latencies: [] }
const rss = []
let inFlight = 0

function kind(name) {
  return (stats.byKind[name] ??= { sent: 0, ok: 0, errors: 0, ms: [] })
}

function cookieOf(res, name) {
  for (const c of res.headers.getSetCookie()) {
    const m = c.match(new RegExp(`^${name}=([^;]*)`))
    if (m) return m[1]
  }
  return ''
}

async function signIn(username) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password })
  })
  if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
  const session = cookieOf(res, 'hearth_session')
  const csrf = cookieOf(res, 'hearth_csrf')
  return { cookie: `hearth_session=${session}; hearth_csrf=${csrf}`, csrf }
}

async function timed(name, fn) {
  const k = kind(name)
  k.sent += 1
  stats.sent += 1
  inFlight += 1
  const t0 = performance.now()
  try {
    const problem = await fn()
    if (problem) throw new Error(problem)
    k.ok += 1
    stats.ok += 1
  } catch (e) {
    k.errors += 1
    stats.errors += 1
    if (stats.errorSamples.length < 20) stats.errorSamples.push(`${name}: ${e.message ?? e}`)
  } finally {
    inFlight -= 1
    const ms = performance.now() - t0
    stats.latencies.push(ms)
    k.ms.push(ms)
  }
}

async function get(who, target, expect = 200) {
  const res = await fetch(`${url}${target}`, { headers: who ? { Cookie: who.cookie, 'Accept-Encoding': 'gzip' } : {} })
  await res.arrayBuffer()
  return res.status === expect ? '' : `${target}: ${res.status}`
}

const users = {}
for (const u of ['demo-board', 'demo-analyst', 'demo-worker', 'demo-manager']) users[u] = await signIn(u)
const listing = await (await fetch(`${url}/api/v1/children?per_page=500&status=all`, { headers: { Cookie: users['demo-analyst'].cookie } })).json()
const childIds = (listing.items ?? []).map((c) => c.child ?? c.id).filter(Boolean)
const mine = await (await fetch(`${url}/api/v1/children?per_page=500`, { headers: { Cookie: users['demo-worker'].cookie } })).json()
const myIds = (mine.items ?? []).map((c) => c.child ?? c.id).filter(Boolean)
if (!childIds.length || !myIds.length) throw new Error('no children listed: is the demo council loaded?')

const mix = [
  [20, 'scorecard (board)', () => get(users['demo-board'], '/api/v1/scorecard')],
  [10, 'scorecard (analyst)', () => get(users['demo-analyst'], '/api/v1/scorecard?period=year')],
  [12, 'worklist (worker)', () => get(users['demo-worker'], '/api/v1/worklist?scope=mine')],
  [8, 'worklist (manager)', () => get(users['demo-manager'], '/api/v1/worklist?scope=team&status=overdue')],
  [5, 'worklist (analyst)', () => get(users['demo-analyst'], '/api/v1/worklist?scope=all&status=due_soon')],
  [8, 'children list', () => get(users['demo-analyst'], `/api/v1/children?page=${1 + Math.floor(Math.random() * 3)}`)],
  [20, 'child (analyst)', () => get(users['demo-analyst'], `/api/v1/children/${childIds[Math.floor(Math.random() * childIds.length)]}`)],
  [12, 'child (worker)', () => get(users['demo-worker'], `/api/v1/children/${myIds[Math.floor(Math.random() * myIds.length)]}`)],
  [5, 'health', () => get(null, '/healthz')]
]
const weight = mix.reduce((s, [w]) => s + w, 0)
function pick() {
  let r = Math.random() * weight
  for (const m of mix) if ((r -= m[0]) < 0) return m
  return mix[0]
}

async function importYear() {
  const a = users['demo-analyst']
  const headers = { Cookie: a.cookie, 'X-CSRF-Token': a.csrf }
  const year = fs.readdirSync(importDir).sort().at(-1)
  const folder = path.join(importDir, year)
  const start = await fetch(`${url}/api/v1/imports`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: '903', year, la: '887' })
  })
  if (start.status !== 201) return `start: ${start.status} ${await start.text()}`
  const { id } = await start.json()
  for (const f of fs.readdirSync(folder)) {
    const up = await fetch(`${url}/api/v1/imports/${id}/files/${f}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/octet-stream' },
      body: fs.readFileSync(path.join(folder, f))
    })
    await up.arrayBuffer()
    if (up.status !== 200) return `upload ${f}: ${up.status}`
  }
  const check = await fetch(`${url}/api/v1/imports/${id}/check`, { method: 'POST', headers })
  await check.arrayBuffer()
  if (check.status !== 200) return `check: ${check.status}`
  const accept = await fetch(`${url}/api/v1/imports/${id}/accept`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ accept_with_findings: true })
  })
  const body = await accept.text()
  if (accept.status !== 200) return `accept: ${accept.status} ${body.slice(0, 300)}`
  return ''
}

function readStatus(field) {
  try {
    const m = fs.readFileSync(`/proc/${PID}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}
const readRss = () => readStatus('VmRSS')
// Which kind of memory moved: the heap and other private memory (RssAnon) or mapped files
// (RssFile: the program, libraries, SQLite's shared memory).
const sample = (s) => ({ s, kb: readRss(), anon_kb: readStatus('RssAnon'), file_kb: readStatus('RssFile') })

const t0 = performance.now()
let due = 0
let nextRss = 0
let nextSignIn = 1000
// Memory is judged after the warm-up (five minutes of a 30-minute run). The warm-up includes one
// import, halfway through it: the first import sizes what then stays for the life of the process
// (the page cache of the SQLite connection that wrote it, the validator's tables) — warm-up, not
// growth. The imports at a third and two thirds of the run are judged.
const WARM_UP_S = Math.min(300, SECONDS / 6)
const imports = [WARM_UP_S * 500, SECONDS * 1000 / 3, (SECONDS * 2000) / 3]
const pending = []
await new Promise((resolve) => {
  const tick = setInterval(() => {
    const now = performance.now() - t0
    if (now >= SECONDS * 1000) {
      clearInterval(tick)
      resolve()
      return
    }
    if (now >= nextRss) {
      rss.push(sample(Math.round(now / 1000)))
      nextRss += 10000
    }
    if (now >= nextSignIn) {
      nextSignIn += 1000
      pending.push(timed('sign-in', async () => { await signIn('demo-worker'); return '' }))
    }
    if (imports.length && now >= imports[0]) {
      imports.shift()
      pending.push(timed('import (start, upload, check, accept)', importYear))
    }
    const target = Math.floor((now / 1000) * RATE)
    while (due < target) {
      due += 1
      if (inFlight >= MAX_IN_FLIGHT) {
        stats.skipped += 1
        continue
      }
      const [, name, fn] = pick()
      timed(name, fn)
    }
  }, 10)
})
await Promise.all(pending)
while (inFlight > 0) await new Promise((r) => setTimeout(r, 50))
rss.push(sample(SECONDS))

const lat = stats.latencies.sort((a, b) => a - b)
const quantile = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(1)
const q = (p) => quantile(lat, p)
for (const k of Object.values(stats.byKind)) {
  const xs = k.ms.sort((a, b) => a - b)
  delete k.ms
  k.p50_ms = quantile(xs, 0.5)
  k.p99_ms = quantile(xs, 0.99)
}
const warm = rss.filter((r) => r.s >= WARM_UP_S && r.kb)
const kbs = warm.map((r) => r.kb)
const spread = (xs) => (xs.length ? Number((((Math.max(...xs) - Math.min(...xs)) / Math.min(...xs)) * 100).toFixed(1)) : null)
// The level memory holds, minute by minute: the median of that minute's samples. One sample also
// catches the bodies of the requests in flight at that instant (up to MAX_IN_FLIGHT, a scorecard
// is 136 KB), a few megabytes that come and go with the load and say nothing about growth.
const minutes = {}
for (const r of warm) (minutes[Math.floor(r.s / 60)] ??= []).push(r.kb)
const medians = Object.values(minutes).map((xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)])
const summary = {
  seconds: SECONDS,
  rate_asked: RATE,
  sent: stats.sent,
  rate_achieved: Math.round(stats.sent / SECONDS),
  ok: stats.ok,
  errors: stats.errors,
  skipped: stats.skipped,
  latency_ms: { p50: q(0.5), p99: q(0.99), max: lat.at(-1)?.toFixed(1) },
  rss_kb_after_warm_up: { first: kbs[0], min: Math.min(...kbs), max: Math.max(...kbs), last: kbs.at(-1) },
  rss_minute_medians_kb: medians,
  rss_spread_percent: spread(medians), // the rule: per-minute levels within 10%
  rss_sample_spread_percent: spread(kbs), // every sample, in-flight bodies included
  by_kind: stats.byKind,
  error_samples: stats.errorSamples,
  rss
}
delete summary.latencies
fs.writeFileSync(outFile, JSON.stringify(summary, null, 2))
console.log(JSON.stringify({ ...summary, rss: undefined }, null, 2))
process.exit(stats.errors === 0 ? 0 : 1)
