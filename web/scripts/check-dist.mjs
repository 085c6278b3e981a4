// Run after `vite build`: the built front end must work under the server's strict CSP and must
// not ship the GDS Transport typeface (licensed for GOV.UK only).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const problems = []
const files = []
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else files.push(p)
  }
}
walk(dist)

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) problems.push('index.html has an inline <script>')
if (/\sstyle=/i.test(html) || /<style/i.test(html)) problems.push('index.html has inline style')
if (/\son[a-z]+=/i.test(html)) problems.push('index.html has an inline event handler')
if (!/<script type="module"[^>]*src="\/assets\/[^"]+-[\w-]{6,}\.js"/.test(html)) problems.push('index.html does not load a hashed module script')

for (const f of files) {
  const rel = path.relative(dist, f)
  if (/\.(woff2?|ttf|otf|eot)$/i.test(f)) problems.push(`font file in dist: ${rel}`)
  if (/\.(css|js)$/.test(f)) {
    const text = fs.readFileSync(f, 'utf8')
    if (/GDS Transport/i.test(text)) problems.push(`${rel} mentions GDS Transport`)
    if (/\.css$/.test(f) && /@font-face/.test(text)) problems.push(`${rel} declares a @font-face`)
    if (/\.js$/.test(f) && /\beval\(|new Function\(/.test(text)) problems.push(`${rel} uses eval or new Function`)
  }
}

if (problems.length) {
  console.error('dist check failed:\n  ' + problems.join('\n  '))
  process.exit(1)
}
console.log(`dist check: ${files.length} files; no inline script or style, no GDS Transport, no font files`)
