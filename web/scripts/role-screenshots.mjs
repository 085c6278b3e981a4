// The screenshots in docs/screenshots/: each demo role's first page, signed in, as the first
// screen shows it at 1280 px and on a 390 px phone (the browser test keeps whole pages, too large
// to keep in the repository).
//   node scripts/role-screenshots.mjs ../build/debug/bin/hearth ../docs/screenshots
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startDemoServer } from './demo-server.mjs'

const [bin, out] = process.argv.slice(2)
if (!bin || !out) throw new Error('usage: node scripts/role-screenshots.mjs HEARTH_BINARY OUT_DIR')
const password = 'screenshots-demo-password'
const roles = ['board', 'worker', 'manager', 'iro', 'analyst', 'admin', 'participation', 'yp']
const server = await startDemoServer({ bin, password })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const role of roles) {
    for (const [width, height, suffix] of [[1280, 900, ''], [390, 844, '--390']]) {
      const context = await browser.newContext({ viewport: { width, height } })
      const page = await context.newPage()
      await page.goto(`${server.url}/login`)
      await page.fill('#username', `demo-${role}`)
      await page.fill('#password', password)
      await page.click('button:has-text("Sign in")')
      await page.waitForURL((u) => u.pathname !== '/login')
      await page.waitForFunction(() => document.querySelector('main')?.dataset.state !== 'loading' && document.querySelector('h1'))
      await page.waitForTimeout(300)  // charts drawn, fonts settled
      const name = role === 'yp' ? 'young_person' : role
      await page.screenshot({ path: path.join(out, `${name}--first-page${suffix}.png`) })
      await context.close()
    }
  }
} finally {
  await browser.close()
  await server.stop()
}
