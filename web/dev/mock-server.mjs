// A stand-in for `hearth serve` for working on the pages without it: it serves web/dist and
// answers the JSON API from fixtures made with the CLI (dev/make-fixtures.py), following
// docs/api.md and what `hearth serve` answers — session cookies, CSRF double submit, the error
// shape, pagination, the same `can` lists and 403s by role, imports (upload, check, accept,
// cancel) and users. It sends the same strict Content-Security-Policy the real server does.
//
//   node dev/mock-server.mjs [--port 8090] [--dist dist]
//
// Demo users: demo-admin, demo-analyst, demo-manager, demo-worker, demo-iro, demo-board,
// demo-participation, demo-yp; password "demo" (or $HEARTH_DEMO_PASSWORD).
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : dflt
}
const PORT = Number(arg('port', process.env.PORT || 8090))
const DIST = path.resolve(here, '..', arg('dist', 'dist'))
const PASSWORD = process.env.HEARTH_DEMO_PASSWORD || 'demo'
const IDLE_SECONDS = Number(process.env.HEARTH_IDLE_SECONDS || 1800)

const fx = (name) => JSON.parse(fs.readFileSync(path.join(here, 'fixtures', name), 'utf8'))
const SCORECARD = fx('scorecard.json')
const SUPPRESSED = fx('scorecard-suppressed.json')
const INDICATORS = fx('indicators.json')
const RULES = fx('rules.json')
const WORKLIST = fx('worklist.json')
const CHILDREN = fx('children.json')
const TIMESCALES = fx('timescales.json')
// the stored imports, in the real server's list shape
const IMPORTS = fx('imports.json').map((i) => {
  const local = !i.collection_year || i.collection_year.startsWith('-')
  return { id: i.id, la: i.la, collection_year: local ? null : i.collection_year, kind: local ? 'local' : '903', source: i.source, format: i.format, user: i.user, started_at: i.finished_at, finished_at: i.finished_at, rows: i.rows, findings: i.findings, replaced_rows: 0, accepted_with_findings: false }
})
const FINDINGS = fx('findings.json')
const DEMO = fx('demo.json')

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// ---- users and what each role may do (../shared/spec/access-and-voice.md) -------------------
const CAN = {
  admin: ['dashboard', 'scorecard', 'all_worklist', 'children', 'data_quality', 'imports', 'rules', 'indicators', 'users'],
  analyst: ['dashboard', 'scorecard', 'all_worklist', 'children', 'data_quality', 'imports', 'import_upload', 'rules', 'indicators'],
  manager: ['dashboard', 'scorecard', 'team_worklist', 'children', 'rules', 'indicators'],
  iro: ['dashboard', 'scorecard', 'worklist', 'children', 'rules', 'indicators'],
  worker: ['worklist', 'children', 'rules', 'indicators'],
  board: ['dashboard', 'scorecard', 'rules', 'indicators'],
  // voice aggregates only (the voice pages come later): no scorecard
  participation: ['rules', 'indicators'],
  young_person: ['my_record']
}
const ypChild = CHILDREN.details[DEMO.young_person]?.child
const USERS = {
  'demo-admin': { display_name: 'Alex Admin', role: 'admin', worker: null, team: null, child: null },
  'demo-analyst': { display_name: 'Priya Analyst', role: 'analyst', worker: null, team: null, child: null },
  'demo-manager': { display_name: 'Morgan Manager', role: 'manager', worker: 'TM01', team: [DEMO.manager_team], child: null },
  'demo-worker': { display_name: 'Marc Khan', role: 'worker', worker: DEMO.worker, team: 'Permanence', child: null },
  'demo-iro': { display_name: 'Ruth Okafor', role: 'iro', worker: 'IRO01', team: null, child: null },
  'demo-board': { display_name: 'Cllr Sam Board', role: 'board', worker: null, team: null, child: null },
  'demo-participation': { display_name: 'Jo Participation', role: 'participation', worker: null, team: null, child: null },
  'demo-yp': { display_name: 'Young person', role: 'young_person', worker: null, team: null, child: DEMO.young_person }
}
for (const [username, u] of Object.entries(USERS)) Object.assign(u, { username, councils: ['887'] })
if (!ypChild) console.warn('mock: the young person child is missing from the fixtures')

const sessions = new Map() // token -> { username, csrf, last }
const failures = new Map() // username -> { count, lockedUntil }

// ---- helpers --------------------------------------------------------------------------------
function send(res, status, body, headers = {}) {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' && headers['Content-Type'] === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers
  })
  res.end(data)
}
const json = (res, status, body, headers) => send(res, status, body, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
const fail = (res, status, code, message, details = {}) => json(res, status, { error: { code, message, details } })

function cookies(req) {
  const out = {}
  for (const part of (req.headers.cookie || '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k) out[k] = decodeURIComponent(v.join('='))
  }
  return out
}

function readBody(req, limit = 5 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    let over = Number(req.headers['content-length'] || 0) > limit
    const tooLarge = () => reject(Object.assign(new Error('too large'), { tooLarge: true }))
    // Over the limit: answer 413 at once and read the rest of the body without keeping it (as
    // hearth serve lingers), so that the browser sees the answer rather than a reset connection.
    if (over) tooLarge()
    req.on('data', (c) => {
      if (over) return
      size += c.length
      if (size > limit) {
        over = true
        chunks.length = 0
        tooLarge()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks)) })
    req.on('error', reject)
  })
}

function sessionOf(req) {
  const token = cookies(req).hearth_session
  const s = token && sessions.get(token)
  if (!s) return null
  const now = Date.now() / 1000
  if (now - s.last > IDLE_SECONDS) {
    sessions.delete(token)
    return null
  }
  s.last = now
  return { token, ...s, user: USERS[s.username] }
}

function sessionBody(s) {
  const u = s.user
  return {
    user: { username: u.username, display_name: u.display_name, role: u.role, councils: u.councils, worker: u.worker, team: Array.isArray(u.team) ? null : u.team, teams: teamsOf(u), child: u.child },
    can: CAN[u.role],
    csrf: s.csrf
  }
}

function paginate(items, q) {
  const page = Math.max(1, Number(q.get('page') || 1) || 1)
  const perPage = Math.min(500, Math.max(1, Number(q.get('per_page') || 50) || 50))
  return { items: items.slice((page - 1) * perPage, page * perPage), page, per_page: perPage, total: items.length }
}

const teamsOf = (u) => (Array.isArray(u.team) ? u.team : u.team ? [u.team] : [])

// ---- suppression for the Board and participation (numbers 1 to 4 become "c") ----------------
function suppressIndicator(ind) {
  const s = SUPPRESSED[ind.id]
  const out = structuredClone(ind)
  if (s) {
    Object.assign(out, { value: s.value, numerator: s.numerator, denominator: s.denominator, suppressed: s.suppressed })
    out.trend.forEach((t, i) => { if (s.trend[i] === 'c') Object.assign(t, { value: 'c', numerator: 'c' }) })
    out.years.forEach((t, i) => { if (s.years[i] === 'c') Object.assign(t, { value: 'c', numerator: 'c' }) })
  }
  for (const rows of Object.values(out.breakdowns || {})) {
    for (const r of rows) {
      if (typeof r.numerator === 'number' && r.numerator > 0 && r.numerator < 5) Object.assign(r, { numerator: 'c', value: 'c' })
      if (typeof r.denominator === 'number' && r.denominator > 0 && r.denominator < 5) Object.assign(r, { denominator: 'c', value: 'c' })
    }
  }
  return out
}
const suppressedFor = (u) => u.role === 'board'

// ---- children the user may see ----------------------------------------------------------------
function mayReadChild(u, c) {
  switch (u.role) {
    case 'admin':
    case 'analyst':
      return u.councils.includes(c.la)
    case 'manager':
      return teamsOf(u).includes(c.worker?.team)
    case 'worker':
      return c.worker?.id === u.worker
    case 'iro':
      return CHILDREN.details[c.id]?.child?.iro?.id === u.worker
    default:
      return false
  }
}

function timescalesFor(id) {
  if (TIMESCALES[id]) return TIMESCALES[id]
  const c = CHILDREN.details[id]?.child
  const items = []
  for (const k of ['overdue', 'due_soon', 'done_late']) {
    for (const w of WORKLIST[k]) if (w.child_id === id) {
      const { child_id: _c, la: _l, worker: _w, worker_name: _n, team: _t, days_overdue: _d, ...rest } = w
      items.push(rest)
    }
  }
  return { as_of: WORKLIST.as_of, child_id: id, la: '887', items, social_worker: c?.worker ?? null }
}

function ownRecord(id) {
  const d = CHILDREN.details[id]
  const t = timescalesFor(id)
  const open = t.items.filter((i) => ['overdue', 'due_soon', 'upcoming'].includes(i.status))
  const health = t.items.filter((i) => i.evidence && i.evidence.kind === 'health_check')
    .map((i) => ({ kind: i.evidence.type || i.title, date: i.evidence.date, status: i.evidence.status || 'Completed' }))
  const age = d.child.age
  return {
    child: { id, la: d.child.la, age },
    worker: d.child.worker ? { name: d.child.worker.name, team: d.child.worker.team } : null,
    next: open.map((i) => ({ title: i.title, due: i.due, status: i.status })),
    health,
    entitlements: [
      'A personal adviser from the age of 16 until you are 25',
      'A pathway plan, written with you and reviewed at least every 6 months',
      ...(age >= 16 ? ['Staying put with your foster carers after 18, if you and they want to', 'A setting-up-home allowance when you move into your own home'] : []),
      'An advocate to help you say what you think, whenever you want one'
    ]
  }
}

// ---- worklist -----------------------------------------------------------------------------------
function worklistFor(u, q) {
  const scope = q.get('scope') || 'mine'
  const allowed = { mine: ['worker', 'iro'], team: ['manager'], all: ['admin', 'analyst'] }[scope]
  if (!allowed) return { error: [400, 'bad_scope', 'scope must be mine, team or all', { parameter: 'scope' }] }
  if (!allowed.includes(u.role)) return { error: [403, 'forbidden', 'Your role may not see this worklist'] }
  const keep = (w) => {
    if (scope === 'mine' && u.role === 'worker' && w.worker !== u.worker) return false
    if (scope === 'mine' && u.role === 'iro' && CHILDREN.details[w.child_id]?.child?.iro?.id !== u.worker) return false
    if (scope === 'team' && u.role === 'manager' && !teamsOf(u).includes(w.team)) return false
    for (const k of ['worker', 'team', 'item']) if (q.get(k) && w[k] !== q.get(k)) return false
    return true
  }
  const status = q.get('status')
  if (status && !['overdue', 'due_soon', 'done_late'].includes(status)) return { error: [400, 'bad_status', 'status must be overdue, due_soon or done_late', { parameter: 'status' }] }
  const body = { ...WORKLIST, scope, filter: { la: q.get('la'), team: q.get('team'), worker: q.get('worker') } }
  for (const k of ['overdue', 'due_soon', 'done_late']) body[k] = !status || status === k ? WORKLIST[k].filter(keep) : []
  const kids = new Set([...body.overdue, ...body.due_soon, ...body.done_late].map((w) => w.child_id))
  body.summary = { overdue: body.overdue.length, due_soon: body.due_soon.length, done_late: body.done_late.length, children: kids.size }
  return { body }
}

function toCsv(body) {
  const cols = ['status', 'child_id', 'la', 'item', 'title', 'due', 'days_overdue', 'worker', 'worker_name', 'team', 'evidence_kind', 'evidence_date']
  const esc = (v) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const lines = [cols.join(',')]
  for (const k of ['overdue', 'due_soon', 'done_late']) for (const w of body[k]) {
    lines.push(cols.map((c) => esc(c === 'evidence_kind' ? w.evidence?.kind : c === 'evidence_date' ? w.evidence?.date : w[c])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

// ---- findings -----------------------------------------------------------------------------------
function findingsSummary() {
  const byRule = new Map(RULES.map((r) => [r.code, r]))
  const rules = Object.entries(FINDINGS.counts).map(([code, count]) => {
    const r = byRule.get(code) || {}
    const kids = new Set(FINDINGS.findings.filter((f) => f.code === code).map((f) => f.child_id))
    return { code, severity: r.severity || 'error', message: r.message || '', how_to_fix: r.how_to_fix || FINDINGS.how_to_fix[code] || '', count, children: Math.max(kids.size, 1) }
  })
  return { la: FINDINGS.la, year: FINDINGS.year, import_id: IMPORTS[0]?.id ?? null, total: FINDINGS.total, rules }
}

// ---- imports --------------------------------------------------------------------------------------
// As `hearth serve` answers them: an import in progress has a random id, its files and the last
// check's result; accepting it adds a stored import (a number) to the list.
const uploads = new Map()
const UPLOAD_LIMIT = Number(process.env.HEARTH_MOCK_MAX_UPLOAD || 5 * 1024 * 1024)
const yearLabel = (y) => (y ? y.replace('-', '/') : null)

function uploadView(up) {
  return { id: up.id, la: up.la, kind: up.kind, collection_year: yearLabel(up.year), user: up.user, status: up.status, files: up.files.map((f) => ({ name: f.name, size: f.size })), result: up.result }
}

function goodFileName(name) {
  return name.length > 0 && name.length <= 100 && !name.startsWith('.') && /^[A-Za-z0-9_.-]+$/.test(name) && /\.(csv|xml)$/i.test(name)
}

// The mock cannot validate: a finding for a CSV without a header row, and one for each row with
// a SEX code that is not M, F, U, 1 or 2 (so a page can show findings and accept with them).
function readUpload(up) {
  const first = []
  let rows = 0
  let rejected = 0
  for (const f of up.files) {
    const lines = f.text.split(/\r?\n/).filter(Boolean)
    if (/\.csv$/i.test(f.name) && !(lines[0] || '').includes(',')) {
      first.push({ rule: 'ingest.unknown-table', severity: 'error', file: f.name, row: 0, field: '', value: '', child: '', message: `${f.name} has no header row of column names` })
      continue
    }
    rows += Math.max(0, lines.length - 1)
    const cols = (lines[0] || '').split(',')
    const sex = cols.indexOf('SEX')
    if (sex < 0) continue
    lines.slice(1).forEach((line, i) => {
      const v = line.split(',')
      if (!['M', 'F', 'U', '1', '2'].includes(v[sex])) {
        rejected += 1
        first.push({ rule: 'ingest.unknown-code', severity: 'error', file: f.name, row: i + 2, field: 'SEX', value: v[sex], child: v[0], message: `SEX '${v[sex]}' is not a known code` })
      }
    })
  }
  const byRule = new Map()
  for (const f of first) {
    const r = byRule.get(f.rule) || { rule: f.rule, severity: f.severity, message: f.message, how_to_fix: f.rule === 'ingest.unknown-code' ? "Check how the case-management system's export maps its values to 903 codes." : 'Check that this is a 903 file with the DfE column names.', count: 0 }
    r.count += 1
    byRule.set(f.rule, r)
  }
  const errors = first.filter((f) => f.severity === 'error').length
  const fileProblems = first.some((f) => f.rule === 'ingest.unknown-table')
  return { rows, rejected, fileProblems, findings: { total: first.length, errors, by_rule: [...byRule.values()], first: first.slice(0, 200) } }
}

async function importsApi(req, res, u, p, q) {
  const method = req.method
  const writer = u.role === 'analyst'
  const refuse = () => fail(res, 403, 'forbidden', 'You do not have access to this: only the performance team imports data.', { action: 'import.write' })
  if (p === '/imports' && method === 'GET') {
    if (!['admin', 'analyst'].includes(u.role)) return fail(res, 403, 'forbidden', 'Your role may not see imports')
    const la = q.get('la') || u.councils[0]
    return json(res, 200, paginate(IMPORTS.filter((i) => i.la === la), q))
  }
  if (p === '/imports' && method === 'POST') {
    if (!writer) return refuse()
    let body
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}')
    } catch {
      return fail(res, 400, 'bad_request', 'Send a JSON object.')
    }
    const kind = body.kind ?? '903'
    if (!['903', 'local'].includes(kind)) return fail(res, 400, 'bad_kind', 'kind must be 903 or local', { parameter: 'kind' })
    if (kind === '903' && !/^\d{4}-\d{2}$/.test(body.year || '')) return fail(res, 400, 'bad_year', 'A 903 return needs its collection year, such as 2025-26', { parameter: 'year' })
    const la = body.la || u.councils[0]
    if (!u.councils.includes(la)) return fail(res, 403, 'forbidden', `You do not have access to this: you do not have access to council ${la}'s records.`)
    const up = { id: crypto.randomBytes(18).toString('base64url'), kind, year: kind === '903' ? body.year : null, la, user: u.username, status: 'open', files: [], result: null }
    uploads.set(up.id, up)
    return json(res, 201, uploadView(up), { Location: `/api/v1/imports/${up.id}` })
  }
  const m = /^\/imports\/([A-Za-z0-9_-]+)(?:\/(files\/[^/]+|check|accept))?$/.exec(p)
  if (!m) return false
  const up = uploads.get(m[1])
  if (!up) return fail(res, 404, 'not_found', `There is no import '${m[1]}' in progress.`)
  if (!writer) return refuse()
  const sub = m[2] || ''
  if (!sub && method === 'GET') return json(res, 200, uploadView(up))
  const open = up.status === 'open' || up.status === 'checked'
  if (!open) return fail(res, 409, 'finished', `This import is already ${up.status}.`, { status: up.status })
  if (!sub && method === 'DELETE') {
    up.files = []
    up.status = 'cancelled'
    up.result = null
    return send(res, 204, '')
  }
  if (sub.startsWith('files/') && method === 'PUT') {
    const name = decodeURIComponent(sub.slice(6))
    if (!goodFileName(name)) return fail(res, 400, 'bad_name', "A file name is letters, digits, '-', '_' and '.', ending .csv or .xml.", { name })
    let data
    try {
      data = await readBody(req, UPLOAD_LIMIT)
    } catch (e) {
      if (e.tooLarge) return fail(res, 413, 'payload_too_large', `The request body is larger than ${UPLOAD_LIMIT} bytes.`, { limit_bytes: UPLOAD_LIMIT })
      throw e
    }
    if (!data.length) return fail(res, 400, 'empty_file', 'The file is empty: send its content as the request body.', { name })
    if (up.files.length >= 40 && !up.files.some((f) => f.name === name)) return fail(res, 400, 'too_many_files', 'An import has at most 40 files.')
    up.files = up.files.filter((f) => f.name !== name)
    up.files.push({ name, size: data.length, text: data.toString('utf8') })
    up.files.sort((a, b) => a.name.localeCompare(b.name))
    up.status = 'open'
    up.result = null
    return json(res, 200, uploadView(up))
  }
  if (sub === 'check' && method === 'POST') {
    if (!up.files.length) return fail(res, 400, 'no_files', "Upload the return's files first.")
    const r = readUpload(up)
    up.result = { kind: up.kind, rows: r.rows, rejected: r.rejected, can_import: r.rows > 0, problem: r.rows > 0 ? '' : 'no rows were found to import', findings: r.findings }
    up.status = 'checked'
    return json(res, 200, uploadView(up))
  }
  if (sub === 'accept' && method === 'POST') {
    let body = {}
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}')
    } catch {
      body = {}
    }
    if (!up.files.length) return fail(res, 400, 'no_files', "Upload the return's files first.")
    const withFindings = body?.accept_with_findings === true
    const r = readUpload(up)
    const blocked = r.fileProblems || (r.findings.errors > 0 && !withFindings)
    const status = blocked ? 'blocked' : r.rows - r.rejected > 0 ? 'imported' : 'invalid'
    up.result = { kind: up.kind, status, problem: status === 'invalid' ? 'every row was rejected; nothing to import' : '', rows: r.rows, rejected: r.rejected, findings: r.findings }
    if (status !== 'imported') {
      up.status = 'checked'
      return json(res, 422, uploadView(up))
    }
    const id = Math.max(0, ...IMPORTS.map((i) => i.id)) + 1
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    IMPORTS.unshift({ id, la: up.la, collection_year: yearLabel(up.year), kind: up.kind, source: 'web upload', format: up.files.some((f) => /\.xml$/i.test(f.name)) ? 'xml' : 'csv', user: `web:${u.username}`, started_at: now, finished_at: now, rows: r.rows - r.rejected, findings: r.findings.total, replaced_rows: 0, accepted_with_findings: withFindings && r.findings.errors > 0 })
    up.result.import_id = id
    up.files = []
    up.status = 'imported'
    return json(res, 200, uploadView(up))
  }
  return false
}

// ---- users ----------------------------------------------------------------------------------------
function usersList(q, u) {
  const la = q.get('la') || u.councils[0]
  const items = Object.values(USERS).filter((x) => x.councils.includes(la)).map((x) => ({
    username: x.username, display_name: x.display_name, role: x.role, councils: x.councils, worker: x.worker ?? '',
    teams: teamsOf(x), disabled: false, locked: (failures.get(x.username)?.lockedUntil ?? 0) > Date.now(), last_login_at: x.last_login_at ?? null
  })).sort((a, b) => a.username.localeCompare(b.username))
  return paginate(items, q)
}

// ---- the API -------------------------------------------------------------------------------------
async function api(req, res, url) {
  const method = req.method
  const p = url.pathname.replace(/^\/api\/v1/, '')
  const q = url.searchParams

  if (p === '/session' && method === 'POST') {
    let body
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}')
    } catch {
      return fail(res, 400, 'bad_request', 'The body must be JSON: {"username","password"}')
    }
    const username = String(body.username || '')
    const f = failures.get(username) || { count: 0, lockedUntil: 0 }
    const now = Date.now()
    if (f.lockedUntil > now) {
      return fail(res, 429, 'locked', 'Too many failed logins: try again later', { retry_after: Math.ceil((f.lockedUntil - now) / 1000) })
    }
    const u = USERS[username]
    if (!u || body.password !== PASSWORD) {
      f.count += 1
      if (f.count >= 5) {
        f.lockedUntil = now + 15 * 60 * 1000
        f.count = 0
      }
      failures.set(username, f)
      return fail(res, 401, 'bad_credentials', 'The username or password is not right')
    }
    failures.delete(username)
    u.last_login_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    const token = crypto.randomBytes(24).toString('base64url')
    const csrf = crypto.randomBytes(24).toString('base64url')
    sessions.set(token, { username, csrf, last: Date.now() / 1000 })
    return json(res, 200, sessionBody({ csrf, user: u }), {
      'Set-Cookie': [
        `hearth_session=${token}; HttpOnly; SameSite=Strict; Path=/`,
        `hearth_csrf=${csrf}; SameSite=Strict; Path=/`
      ]
    })
  }

  const s = sessionOf(req)
  if (!s) return fail(res, 401, 'unauthenticated', 'Sign in again: there is no session, or it has ended')
  const u = s.user

  if (!['GET', 'HEAD'].includes(method)) {
    if (req.headers['x-csrf-token'] !== s.csrf) return fail(res, 403, 'csrf', 'The request did not carry this session\'s CSRF token')
  }

  const deny = () => fail(res, 403, 'forbidden', 'Your role may not do this')
  const roles = (...r) => r.includes(u.role)
  let m

  if (p === '/session') {
    if (method === 'GET') return json(res, 200, sessionBody(s))
    if (method === 'DELETE') {
      sessions.delete(s.token)
      return send(res, 204, '', {
        'Set-Cookie': ['hearth_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0', 'hearth_csrf=; SameSite=Strict; Path=/; Max-Age=0']
      })
    }
  }

  if (p === '/scorecard' && method === 'GET') {
    if (!roles('admin', 'analyst', 'manager', 'iro', 'board')) return deny()
    if (q.get('period') && !['month', 'quarter', 'year'].includes(q.get('period'))) return fail(res, 400, 'bad_period', 'period must be month, quarter or year', { parameter: 'period' })
    const body = structuredClone(SCORECARD)
    // As the server does: a date after the council's returns is worked out at their end, with a warning.
    const asked = q.get('as_of')
    if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked > body.as_of) {
      const long = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      body.warning = `The returns stored end on ${long(body.as_of)}: this scorecard shows the council as it stood then, not on ${long(asked)} — children whose care had not ended then are not known to be in care now.`
      body.records_note = `records up to ${long(body.as_of)}; today is ${long(asked)}`
    }
    if (suppressedFor(u)) {
      body.indicators = body.indicators.map(suppressIndicator)
      body.suppression = { applied: true, threshold: 5 }
    }
    return json(res, 200, body)
  }
  if ((m = /^\/scorecard\/([^/]+)$/.exec(p)) && method === 'GET') {
    if (!roles('admin', 'analyst', 'manager', 'iro', 'board')) return deny()
    const ind = SCORECARD.indicators.find((i) => i.id === decodeURIComponent(m[1]))
    if (!ind) return fail(res, 404, 'not_found', 'No such indicator')
    const out = suppressedFor(u) ? suppressIndicator(ind) : ind
    const { indicators: _all, ...meta } = SCORECARD
    return json(res, 200, { ...meta, indicators: [out], suppression: suppressedFor(u) ? { applied: true, threshold: 5 } : SCORECARD.suppression })
  }
  if (p === '/indicators' && method === 'GET') return roles('young_person') ? deny() : json(res, 200, INDICATORS)
  if ((m = /^\/indicators\/([^/]+)$/.exec(p)) && method === 'GET') {
    if (roles('young_person')) return deny()
    const d = INDICATORS.find((i) => i.id === decodeURIComponent(m[1]))
    return d ? json(res, 200, d) : fail(res, 404, 'not_found', 'No such indicator')
  }
  if (p === '/rules' && method === 'GET') {
    if (roles('young_person')) return deny()
    if (q.get('year') && !/^\d{4}-\d{2}$/.test(q.get('year'))) return fail(res, 400, 'bad_year', 'year must look like 2025-26', { parameter: 'year' })
    return json(res, 200, { collection_year: FINDINGS.year.replace('-', '/'), rules: RULES })
  }
  if ((m = /^\/rules\/([^/]+)$/.exec(p)) && method === 'GET') {
    if (roles('young_person')) return deny()
    const r = RULES.find((x) => x.code === decodeURIComponent(m[1]))
    return r ? json(res, 200, r) : fail(res, 404, 'not_found', 'No such rule')
  }
  if (p === '/worklist' && method === 'GET') {
    const r = worklistFor(u, q)
    if (r.error) return fail(res, ...r.error)
    if (q.get('format') === 'csv') {
      return send(res, 200, toCsv(r.body), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="worklist.csv"' })
    }
    return json(res, 200, r.body)
  }
  if (p === '/children' && method === 'GET') {
    if (!roles('admin', 'analyst', 'manager', 'iro', 'worker')) return deny()
    const status = q.get('status') || 'looked_after'
    const needle = (q.get('q') || '').toLowerCase()
    const items = CHILDREN.items.filter((c) => mayReadChild(u, c))
      .filter((c) => status === 'all' || c.status === status)
      .filter((c) => !q.get('team') || c.worker?.team.toLowerCase() === q.get('team').toLowerCase())
      .filter((c) => !q.get('worker') || c.worker?.id === q.get('worker'))
      .filter((c) => !needle || c.id.includes(needle) || (c.worker?.name || '').toLowerCase().includes(needle) || (c.worker?.team || '').toLowerCase().includes(needle))
    return json(res, 200, paginate(items, q))
  }
  if ((m = /^\/children\/([^/]+)$/.exec(p)) && method === 'GET') {
    const id = decodeURIComponent(m[1])
    const d = CHILDREN.details[id]
    if (u.role === 'young_person') {
      if (id !== u.child) return deny()
      return d ? json(res, 200, ownRecord(id)) : fail(res, 404, 'not_found', 'No such child')
    }
    if (!roles('admin', 'analyst', 'manager', 'iro', 'worker')) return deny()
    if (!d) return fail(res, 404, 'not_found', 'No such child')
    if (!mayReadChild(u, d.child)) return deny()
    return json(res, 200, { ...d, timescales: timescalesFor(id) })
  }
  if (p === '/findings' && method === 'GET') return roles('admin', 'analyst') ? json(res, 200, findingsSummary()) : deny()
  if ((m = /^\/findings\/([^/]+)$/.exec(p)) && method === 'GET') {
    if (!roles('admin', 'analyst')) return deny()
    const code = decodeURIComponent(m[1])
    if (!FINDINGS.counts[code]) return fail(res, 404, 'not_found', 'No findings for this rule')
    const items = FINDINGS.findings.filter((f) => f.code === code).map((f) => ({
      child: f.child_id, table: f.table, row: f.row, field: (f.fields || []).join(','),
      value: Object.entries(f.values || {}).map(([k, v]) => `${k}=${v}`).join(', '), message: f.message, severity: f.severity, year: FINDINGS.year
    }))
    return json(res, 200, paginate(items, q))
  }
  if (p === '/imports' || p.startsWith('/imports/')) {
    const done = await importsApi(req, res, u, p, q)
    if (done !== false) return
  }
  if (p === '/users' && method === 'GET') {
    if (!roles('admin')) return fail(res, 403, 'forbidden', 'You do not have access to this: only an administrator manages users.', { action: 'users.manage' })
    if (q.get('la') && !u.councils.includes(q.get('la'))) return fail(res, 403, 'forbidden', `You do not have access to council ${q.get('la')}'s records.`)
    return json(res, 200, usersList(q, u))
  }
  return fail(res, 404, 'not_found', `No route ${method} ${url.pathname}`)
}

// ---- static files ----------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2' }

function serveStatic(req, res, url) {
  let rel = decodeURIComponent(url.pathname)
  const hasExt = path.extname(rel) !== ''
  if (!hasExt) rel = '/index.html'
  const file = path.join(DIST, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''))
  if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return send(res, 404, 'Not found')
  }
  const immutable = rel.startsWith('/assets/')
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  if (req.method === 'HEAD') return res.end()
  fs.createReadStream(file).pipe(res)
}

export function createServer() {
  return http.createServer(async (req, res) => {
    res.setHeader('Content-Security-Policy', CSP)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    const url = new URL(req.url, 'http://localhost')
    try {
      if (url.pathname === '/healthz' || url.pathname === '/readyz') return json(res, 200, { status: 'ok' })
      if (url.pathname.startsWith('/api/')) return await api(req, res, url)
      if (!['GET', 'HEAD'].includes(req.method)) return fail(res, 405, 'method_not_allowed', 'Only GET here')
      return serveStatic(req, res, url)
    } catch (e) {
      console.error(e)
      if (!res.headersSent) fail(res, 500, 'internal', 'Something went wrong in the mock server')
    }
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  createServer().listen(PORT, '127.0.0.1', () => {
    console.log(`Hearth mock API and front end on http://127.0.0.1:${PORT}/ (dist: ${DIST})`)
  })
}
