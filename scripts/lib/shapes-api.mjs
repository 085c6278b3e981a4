// The API's answers for the demo council, one file per question and role (scripts/shapes.sh).
//   node shapes-api.mjs URL PASSWORD CHILD OUTDIR
import fs from 'node:fs'
import path from 'node:path'

const [url, password, child, outDir] = process.argv.slice(2)

async function signIn(username) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ username, password })
  })
  if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in as ${username}: ${res.status}`)
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0])
  return { Cookie: cookies.join('; ') }
}

const who = {}
for (const role of ['analyst', 'board', 'worker', 'manager', 'admin']) {
  try {
    who[role] = await signIn(`demo-${role}`)
  } catch {
    // not every demo council has every role
  }
}

const questions = [
  ['analyst', '/api/v1/info'],
  ['analyst', '/api/v1/scorecard'],
  ['analyst', '/api/v1/scorecard?as_of=2025-03-31'],
  ['analyst', '/api/v1/scorecard?period=year'],
  ['board', '/api/v1/scorecard'],
  ['analyst', '/api/v1/scorecard/cla_rate'],
  ['analyst', '/api/v1/worklist?scope=all'],
  ['analyst', '/api/v1/worklist?scope=all&status=overdue'],
  ['manager', '/api/v1/worklist?scope=team'],
  ['worker', '/api/v1/worklist?scope=mine'],
  ['analyst', '/api/v1/children'],
  ['analyst', '/api/v1/children?status=all&per_page=50&page=2'],
  ['worker', '/api/v1/children'],
  ['analyst', `/api/v1/children/${child}`],
  ['analyst', `/api/v1/children/${child}?as_of=2025-03-31`],
  ['analyst', '/api/v1/findings'],
  ['analyst', '/api/v1/indicators'],
  ['analyst', '/api/v1/indicators/cla_rate'],
  ['analyst', '/api/v1/rules'],
  ['analyst', '/api/v1/rules/103'],
  ['analyst', '/api/v1/imports'],
  ['analyst', '/api/v1/imports/1'],
  ['admin', '/api/v1/users'],
  ['analyst', '/api/v1/openapi.json'],
  // errors have one shape too
  ['analyst', '/api/v1/children/NO-SUCH-CHILD'],
  ['analyst', '/api/v1/scorecard?as_of=2099-01-01'],
  ['worker', '/api/v1/users']
]

const safe = (s) => s.replace(/^\/api\/v1\//, '').replace(/[^A-Za-z0-9._=-]+/g, '_')
for (const [role, target] of questions) {
  if (!who[role]) continue
  const res = await fetch(`${url}${target}`, { headers: who[role] })
  let body = await res.text()
  try {
    body = JSON.stringify(JSON.parse(body), null, 1)
  } catch {
    // not JSON: kept as it came
  }
  fs.writeFileSync(path.join(outDir, `${role}--${safe(target)}.txt`), `${res.status}\n${body}\n`)
}
