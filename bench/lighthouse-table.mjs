// The table bench/lighthouse.sh prints: one row per page from Lighthouse's JSON reports.
// Usage: node bench/lighthouse-table.mjs OUT_DIR role:/path ...
import fs from 'node:fs'
import path from 'node:path'

const [dir, ...pages] = process.argv.slice(2)
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))
const score = (r, c) => (r.categories[c] ? Math.round(r.categories[c].score * 100) : '–')
const audit = (r, a) => r.audits[a]?.numericValue ?? NaN
// Lighthouse's benchmark index says how fast the machine was during the run (higher is faster): its
// simulated 4x slower CPU multiplies whatever else the machine is doing meanwhile.
const rows = [['Page', 'Role', 'Performance', 'LCP s', 'TBT ms', 'CLS', 'CLS desktop', 'Accessibility', 'Best practices', 'Landed on', 'Benchmark index']]
for (const entry of pages) {
  const [role, p] = [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)]
  const name = role + p.replaceAll('/', '-')
  const m = read(`${name}.mobile.json`)
  const d = read(`${name}.desktop.json`)
  rows.push([p, role === 'none' ? 'signed out' : role, score(m, 'performance'),
    (audit(m, 'largest-contentful-paint') / 1000).toFixed(1), Math.round(audit(m, 'total-blocking-time')),
    audit(m, 'cumulative-layout-shift').toFixed(3), audit(d, 'cumulative-layout-shift').toFixed(3),
    score(m, 'accessibility'), score(m, 'best-practices'), new URL(m.finalDisplayedUrl).pathname, Math.round(m.environment.benchmarkIndex)])
}
console.log(`Lighthouse ${read(`${pages[0].replace(':', '').replaceAll('/', '-')}.mobile.json`).lighthouseVersion}, mobile preset unless said`)
for (const r of rows) console.log('| ' + r.join(' | ') + ' |')
