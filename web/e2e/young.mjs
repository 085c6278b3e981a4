// Browser checks of the young people's pages (/my, issue 16), which are server-rendered and must
// work with no script at all: "I don't feel safe" from a phone → what to do now → the worker
// and manager see the alert and get the email (a real SMTP server run by run.mjs) → the worker
// acknowledges and answers → the young person sees the answer. Once with JavaScript switched off
// in Chromium, once with it on. Then every page of theirs, in English and in Arabic (right to
// left), through the usual checks (axe at 1280 and 390 px, nothing wider than the phone).

/** @param {object} t run.mjs's helpers and settings, and the SMTP server's mailbox */
export async function youngChecks(t) {
  const { browser, base, only, check, assert, pageChecks, watch, waitMs, password, mailbox, outOfHours } = t
  if (only.length && !only.includes('young_person')) return
  console.log('\nyoung person: their own pages, "I don\'t feel safe", with and without JavaScript')
  const role = 'young_person'

  /** A phone-sized browser context signed in as demo-yp on /my. */
  async function young(js) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: js, isMobile: true })
    context.setDefaultTimeout(waitMs)
    const page = await context.newPage()
    await page.goto(`${base}/my`)
    assert(new URL(page.url()).pathname === '/my/sign-in', `/my without a session went to ${page.url()}`)
    await page.fill('#username', 'demo-yp')
    await page.fill('#password', password)
    await page.click('main button[type=submit]')
    await page.waitForURL((u) => u.pathname === '/my')
    return { context, page }
  }

  /** An API client signed in as `username`. */
  async function api(username) {
    const { request } = await import('playwright-core')
    const c = await request.newContext({ baseURL: base })
    const r = await c.post('/api/v1/session', { data: { username, password } })
    assert(r.status() === 200, `${username} could not sign in: ${r.status()}`)
    const csrf = (await r.json()).csrf
    return { c, csrf }
  }

  for (const js of [false, true]) {
    const how = js ? 'with JavaScript' : 'with JavaScript switched off'
    await check(`${role}: "I don't feel safe" ${how} → what to do now → worker and manager told in the app and by email → acknowledged and answered → the answer is on their page`, async () => {
      const before = mailbox.count()
      const { context, page } = await young(js)
      try {
        await page.click('main a:has-text("I don\'t feel safe")')
        await page.waitForURL((u) => u.pathname === '/my/unsafe')
        await page.fill('#text', `Someone is shouting at home and I'm scared (e2e ${how})`)
        await page.click('main button[type=submit]')
        await page.waitForURL((u) => /^\/my\/help\/\d+$/.test(u.pathname))
        const id = new URL(page.url()).pathname.split('/').pop()
        const help = await page.locator('main').innerText()
        assert(/We have told .*Sam Worker \(demo\)/s.test(help) && /Morgan Manager \(demo\)/.test(help), `the page does not name who was told: ${help.slice(0, 300)}`)
        assert(help.includes('999') && help.includes('0800 1111') && help.includes(outOfHours), 'the page does not give 999, Childline and the out-of-hours number')

        // The worker and the manager see the alert; both get the email (without the words).
        const worker = await api('demo-worker')
        const manager = await api('demo-manager')
        let alert = null
        for (const who of [worker, manager]) {
          const list = await (await who.c.get('/api/v1/alerts')).json()
          alert = list.items.find((a) => String(a.statement_id) === id)
          assert(alert, 'the alert is not on their list')
        }
        const mail = await mailbox.waitFor(before + 2, 30000)
        assert(mail.length >= before + 2, `${mail.length - before} emails arrived, not 2`)
        const fresh = mail.slice(before).join('\n')
        assert(fresh.includes('demo-worker@example.org') && fresh.includes('demo-manager@example.org'), 'the emails are not to the worker and the manager')
        assert(!fresh.includes('shouting'), 'an email holds the child\'s words')

        // The worker acknowledges, saying what was done, and answers.
        const answer = `I'm coming to see you now. You did the right thing (${how}).`
        let r = await worker.c.post(`/api/v1/alerts/${alert.id}/acknowledge`, { headers: { 'X-CSRF-Token': worker.csrf }, data: { action: 'Phoned the carer; visiting tonight.' } })
        assert(r.status() === 200, `acknowledging answered ${r.status()}`)
        r = await worker.c.post(`/api/v1/statements/${id}/replies`, { headers: { 'X-CSRF-Token': worker.csrf }, data: { text: answer } })
        assert(r.status() === 201, `replying answered ${r.status()}`)
        await worker.c.dispose()
        await manager.c.dispose()

        // The young person sees the answer on their page.
        await page.goto(`${base}/my`)
        assert(/New answers for you/.test(await page.locator('main').innerText()), 'home does not say there is a new answer')
        await page.goto(`${base}/my/messages/${id}`)
        const message = await page.locator('main').innerText()
        assert(message.includes(answer), 'the answer is not on their message page')
        return `statement ${id}, alert ${alert.id}`
      } finally {
        await context.close()
      }
    })
  }

  // Every page of theirs, in both languages, through the usual checks.
  for (const lang of ['en', 'ar']) {
    await check(`${role}: every page in ${lang === 'en' ? 'English' : 'Arabic (right to left)'} passes axe at 1280 and 390 px and fits the phone`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      context.setDefaultTimeout(waitMs)
      const page = await context.newPage()
      const problems = watch(page)
      try {
        if (lang === 'ar') await page.goto(`${base}/my/language?to=ar&back=/my/sign-in`)
        await page.goto(`${base}/my/sign-in`)
        assert((await page.getAttribute('html', 'lang')) === lang, `the page's lang is not ${lang}`)
        if (lang === 'ar') assert((await page.getAttribute('html', 'dir')) === 'rtl', 'Arabic is not right to left')
        await pageChecks(page, role, `my-sign-in-${lang}`, problems)
        await page.goto(`${base}/my/start`)
        await pageChecks(page, role, `my-start-${lang}`, problems)
        await page.fill('#code', 'ABCD-EFGH-JKLM')
        await page.click('main button[type=submit]')
        await page.waitForSelector('.govuk-error-summary')
        await pageChecks(page, role, `my-start-error-${lang}`, problems)
        await page.goto(`${base}/my/sign-in`)
        await page.fill('#username', 'demo-yp')
        await page.fill('#password', password)
        await page.click('main button[type=submit]')
        await page.waitForURL((u) => u.pathname === '/my')
        await pageChecks(page, role, `my-home-${lang}`, problems)
        // "You said, we did": the demo Board's answered challenge cards, in the page without script.
        const said = await page.locator('main .app-young__you-said').count()
        assert(said >= 3, `${said} "You said, we did" answers on the home page, not the demo's 3`)
        await page.goto(`${base}/my/say`)
        await pageChecks(page, role, `my-say-${lang}`, problems)
        await page.click('main button[type=submit]') // nothing chosen: the errors
        await page.waitForSelector('.govuk-error-summary')
        await pageChecks(page, role, `my-say-errors-${lang}`, problems)
        await page.check('#mood-good')
        await page.check('#topic-school')
        await page.fill('#text', 'I got a part in the school play!')
        await page.check('#purpose-good_news')
        await page.click('main button[type=submit]')
        await page.waitForURL((u) => u.pathname === '/my/messages')
        await pageChecks(page, role, `my-messages-${lang}`, problems)
        await page.locator('main a[href^="/my/messages/"]').first().click()
        await page.waitForURL((u) => /^\/my\/messages\/\d+$/.test(u.pathname))
        await pageChecks(page, role, `my-message-${lang}`, problems)
        await page.goto(`${base}/my/unsafe`)
        await pageChecks(page, role, `my-unsafe-${lang}`, problems)
        // A survey open for them (not answered here: the other language's walk shows it too),
        // its "answer at least one" error, and the professional standards.
        await page.goto(`${base}/my`)
        const survey = page.locator('main a[href^="/my/surveys/"]').first()
        assert(await survey.count() === 1, 'no survey is offered on the home page')
        await survey.click()
        await page.waitForURL((u) => u.pathname.startsWith('/my/surveys/'))
        await pageChecks(page, role, `my-survey-${lang}`, problems)
        await page.click('main button[type=submit]')
        await page.waitForSelector('.govuk-error-summary')
        await pageChecks(page, role, `my-survey-error-${lang}`, problems)
        await page.goto(`${base}/my/standards`)
        await pageChecks(page, role, `my-standards-${lang}`, problems)
        if (lang === 'ar') {
          const footer = await page.locator('footer').innerText()
          assert(/native speaker/.test(footer), 'the Arabic pages do not say no native speaker has reviewed them')
        }
        return '11 pages'
      } finally {
        await context.close()
      }
    })
  }
}
