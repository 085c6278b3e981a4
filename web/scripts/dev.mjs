// Front-end development against the real API: a throwaway demo council served by `hearth serve`
// (HEARTH_BIN, else ../build/debug/bin/hearth, else ../build/release/bin/hearth), and Vite's dev
// server, which reloads the pages as they change and sends /api to hearth. Sign in as demo-analyst,
// demo-board… (web/README.md) with the password $HEARTH_DEMO_PASSWORD, or "demo".
//   npm run dev            (PORT=5173 to choose Vite's port)
import { createServer } from 'vite'
import { findHearth, startDemoServer } from './demo-server.mjs'

const bin = findHearth(['debug', 'release'])
if (!bin) {
  console.error('dev: no hearth binary: build it (make) or set HEARTH_BIN')
  process.exit(2)
}
const password = process.env.HEARTH_DEMO_PASSWORD || 'demo'
console.log(`dev: making a demo council with ${bin}…`)
const api = await startDemoServer({ bin, password })
// Ctrl-C ends the process, and so the server with it (Vite does the same on SIGTERM)
process.on('SIGINT', () => process.exit(130))

// The Host header is passed on as the browser sent it, so the server sees a change from Vite's
// page as coming from its own site (its CSRF and cross-site checks stay on).
const vite = await createServer({
  server: { host: '127.0.0.1', port: Number(process.env.PORT || 5173), proxy: { '/api': { target: api.url } } }
})
await vite.listen()
vite.printUrls()
console.log(`  ➜  API:     ${api.url} (a throwaway demo council; its log: ${api.log})`)
console.log(`  ➜  Sign in: demo-analyst, demo-board, demo-worker… with the password "${password}"`)
