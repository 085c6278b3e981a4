// Browser checks of the voice pages (issue 16): messages from children and safety alerts, as the
// staff who work with the children use them. run.mjs calls voiceChecks after every role's walk,
// with its own helpers (check, pageChecks: axe and 390 px…), so these read like its other checks.
// They need the demo council to hold statements and an open "I don't feel safe" alert.
//
//   worker: /statements lists at least one message; the first opens and takes a reply, which
//           is then listed under it with the confirmation;
//   worker: /alerts shows an alert;
//   manager: acknowledging an open alert with nothing typed shows the error summary; with what
//           was done, the alert says who acknowledged it and what they did.
//
// listeningChecks, called after it: the Board's "Listening to you" shows its figures (a number or
// "fewer than N" each) and passes the page checks.

/** @param {object} t run.mjs's helpers and settings */
export async function voiceChecks(t) {
  const { browser, base, only, check, assert, ready, login, watch, pageChecks, waitMs } = t
  const wanted = (role) => !only.length || only.includes(role)
  if (!wanted('worker') && !wanted('manager')) return
  console.log('\nvoice: messages from children and safety alerts')

  /** A browser context signed in as `user`, on their home page. */
  async function signedIn(user) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(waitMs)
    const page = await context.newPage()
    const problems = watch(page)
    await login(page, user)
    await page.waitForURL((u) => u.pathname !== '/login', { timeout: waitMs })
    await ready(page)
    return { context, page, problems }
  }

  if (wanted('worker')) {
    const role = 'worker'
    const { context, page, problems } = await signedIn('demo-worker')
    try {
      await check(`${role}: Messages lists the messages children sent (unread first)`, async () => {
        await page.goto(`${base}/statements`)
        await ready(page)
        assert((await page.locator('h1').innerText()).includes('Messages from children'), 'h1 is not Messages from children')
        const rows = await page.locator('main table tbody tr').count()
        assert(rows > 0, 'no messages listed')
        await pageChecks(page, role, 'statements', problems)
        return `${rows} rows`
      })
      await check(`${role}: opens the first message and sends a reply, which is listed with the confirmation`, async () => {
        await page.goto(`${base}/statements`)
        await ready(page)
        await page.locator('main table tbody tr a[href^="/statements/"]').first().click()
        await page.waitForURL(/\/statements\/\d+/)
        await ready(page)
        assert(await page.locator('[data-testid="statement-text"], main p:has-text("There is no text to show")').count() === 1, 'the message has no text section')
        const reply = `Thank you for telling me. I will call you tomorrow (e2e ${Date.now()}).`
        await page.fill('#reply', reply)
        await page.click('main button:has-text("Send reply")')
        await page.waitForSelector('.govuk-notification-banner--success, .govuk-error-summary')
        const banner = page.locator('.govuk-notification-banner--success')
        if (!(await banner.count())) throw new Error(`not sent: ${(await page.locator('.govuk-error-summary').innerText()).trim()}`)
        assert(/Your reply has been sent\. .+ will see it when they next open Hearth\./.test(await banner.innerText()), `the banner says: ${await banner.innerText()}`)
        assert((await page.locator('[data-testid="replies"]').innerText()).includes(reply), 'the reply is not listed')
        assert(await page.inputValue('#reply') === '', 'the reply box was not emptied')
        await pageChecks(page, role, 'statement-replied', problems)
      })
      await check(`${role}: Safety alerts shows an alert`, async () => {
        await page.goto(`${base}/alerts?state=all`)
        await ready(page)
        const alerts = await page.locator('[data-testid="alert"]').count()
        assert(alerts > 0, 'no alert shown')
        await pageChecks(page, role, 'alerts', problems)
        return `${alerts} alerts`
      })
    } finally {
      await context.close()
    }
  }

  if (wanted('manager')) {
    const role = 'manager'
    const { context, page, problems } = await signedIn('demo-manager')
    try {
      await check(`${role}: acknowledges an open alert — nothing typed is an error; what was done is shown with who and when`, async () => {
        await page.goto(`${base}/alerts`)
        await ready(page)
        const card = page.locator('[data-testid="alert"]').filter({ has: page.locator('form') }).first()
        assert(await card.count() === 1, 'no open alert to acknowledge')
        const id = (await card.getAttribute('id')).replace(/^alert-/, '')
        await card.locator('button', { hasText: 'Acknowledge' }).click()
        await page.waitForSelector(`.govuk-error-summary a[href="#action-${id}"]`)
        await pageChecks(page, role, 'alerts-acknowledge-empty', problems)
        const action = `Phoned the young person and their carer; they are safe tonight. Visit booked (e2e ${Date.now()}).`
        await page.fill(`#action-${id}`, action)
        await page.locator(`#alert-${id} button`, { hasText: 'Acknowledge' }).click()
        // the empty form's error summary stays until the server answers
        await page.waitForFunction(() => document.querySelector('.govuk-notification-banner--success') ||
          !/Enter what you have done/.test(document.querySelector('.govuk-error-summary')?.textContent ?? 'Enter what you have done'))
        if (!(await page.locator('.govuk-notification-banner--success').count())) throw new Error(`not acknowledged: ${(await page.locator('.govuk-error-summary').innerText()).trim()}`)
        const text = await page.locator(`#alert-${id}`).innerText()
        assert(text.includes(action) && /Acknowledged/.test(text), `the alert does not show what was done: ${text.slice(0, 300)}`)
        assert(await page.locator(`#alert-${id} form`).count() === 0, 'the acknowledged alert still has its form')
        await pageChecks(page, role, 'alerts-acknowledged', problems)
        return `alert ${id}`
      })
    } finally {
      await context.close()
    }
  }
}

/** "Listening to you" as the Board sees it: the page opens with its figures, each a number or
 * "fewer than N" (a hidden small count), and passes run.mjs's page checks (axe, 390 px…).
 * @param {object} t run.mjs's helpers and settings, as for voiceChecks */
export async function listeningChecks(t) {
  const { browser, base, only, check, assert, ready, login, watch, pageChecks, waitMs } = t
  const role = 'board'
  if (only.length && !only.includes(role)) return
  console.log('\nvoice: listening to you')
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  context.setDefaultTimeout(waitMs)
  const page = await context.newPage()
  const problems = watch(page)
  try {
    await login(page, 'demo-board')
    await page.waitForURL((u) => u.pathname !== '/login', { timeout: waitMs })
    await ready(page)
    await check(`${role}: Listening to you shows what children and young people said, as numbers or "fewer than"`, async () => {
      await page.goto(`${base}/listening`)
      await ready(page)
      const h1 = (await page.locator('h1').innerText()).trim()
      assert(h1.endsWith('Listening to you'), `h1 is "${h1}"`)
      const figures = (await page.locator('[data-testid="listening-figures"]').innerText()).trim()
      assert(/\d|fewer than/i.test(figures), `the messages' figures are "${figures}"`)
      await pageChecks(page, role, 'listening', problems)
      return figures.replace(/\s+/g, ' ')
    })
  } finally {
    await context.close()
  }
}
