// The Board's loop in the browser (issue 17, acceptance 1), each step by the person whose job it
// is, through the pages they use:
//
//   young person (no script, on a phone): raises a challenge card from /my/cards/new;
//   participation officer: raises the children in care council's card on /board/cards and
//           accepts it;
//   the Board's officer: plans a meeting, then agrees an action for the card at it (owner: the
//           manager);
//   manager (the action's owner): closes it with evidence on the action's page;
//   participation officer: the card is ready to answer; publishes "You said, we did";
//   young person: the answer is on /my, with JavaScript and without.
//
// Every page on the way passes the usual checks (axe at 1280 and 390 px, nothing wider than the
// phone). run.mjs calls boardLoopChecks after the young people's pages.

/** @param {object} t run.mjs's helpers and settings */
export async function boardLoopChecks(t) {
  const { browser, base, only, check, assert, ready, login, watch, pageChecks, waitMs, password } = t
  const roles = ['participation', 'board_officer', 'manager', 'young_person']
  if (only.length && !roles.some((r) => only.includes(r))) return
  console.log('\nthe Board\'s loop: a card → an action agreed at a meeting → closed with evidence → "You said, we did" on the young person\'s page')
  const stamp = Date.now()
  const challenge = `We want to choose where we meet our social worker (e2e ${stamp})`
  const evidence = `Every visit plan now asks where the young person wants to meet (e2e ${stamp})`
  const answer = `You can now choose where you meet your worker: they ask you at every visit (e2e ${stamp})`

  /** A desktop browser context signed in as `user` (staff, the app). */
  async function staff(user) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(waitMs)
    const page = await context.newPage()
    const problems = watch(page)
    await login(page, user)
    await page.waitForURL((u) => u.pathname !== '/login', { timeout: waitMs })
    await ready(page)
    return { context, page, problems }
  }
  /** A phone, signed in as demo-yp on /my, with or without script. */
  async function young(js) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: js, isMobile: true })
    context.setDefaultTimeout(waitMs)
    const page = await context.newPage()
    await page.goto(`${base}/my/sign-in`)
    await page.fill('#username', 'demo-yp')
    await page.fill('#password', password)
    await page.click('main button[type=submit]')
    await page.waitForURL((u) => u.pathname === '/my')
    return { context, page }
  }
  /** Submits form#id and waits for it to go (done: the page is drawn again without it), or throws
   * what the error summary says. A banner from the step before may still be showing, so the
   * form's going is the sign. */
  async function send(page, id) {
    await page.click(`form#${id} button[type=submit], form#${id} button:not([type])`)
    await page.waitForFunction((i) => !document.querySelector(`form#${i}`) || document.querySelector('.govuk-error-summary'), id)
    const errors = page.locator('.govuk-error-summary')
    if (await errors.count()) throw new Error(`#${id} was refused: ${(await errors.innerText()).trim()}`)
  }
  const idFrom = (page, re) => re.exec(new URL(page.url()).pathname)?.[1]

  let cardId = null
  let actionId = null

  await check('young_person: raises a challenge card from their page with JavaScript switched off', async () => {
    const { context, page } = await young(false)
    try {
      await page.click('main a:has-text("Challenge the council")')
      await page.waitForURL((u) => u.pathname === '/my/cards/new')
      await page.click('main button[type=submit]')
      await page.waitForSelector('.govuk-error-summary')
      await page.fill('#challenge', `Our rooms should have a lock (e2e ${stamp})`)
      await page.click('main button[type=submit]')
      await page.waitForSelector('h1:has-text("Your challenge has been sent")')
      // The Board reads that a young person raised a card, never who, and not its words until
      // the participation officer has accepted it (and put them so that no one is named).
      const { request } = await import('playwright-core')
      const api = await request.newContext({ baseURL: base })
      try {
        assert((await api.post('/api/v1/session', { data: { username: 'demo-board', password } })).status() === 200, 'demo-board could not sign in')
        const body = await (await api.get('/api/v1/cards')).text()
        const cards = JSON.parse(body).items
        const mine = cards.find((c) => c.raised_by === 'a young person' && c.status === 'raised')
        assert(mine && mine.challenge === null, 'the Board does not see the young person\'s new card, or sees its words')
        assert(!body.includes(`lock (e2e ${stamp})`) && !body.includes('demo-yp'), 'the Board\'s cards show the young person\'s words or who they are')
      } finally {
        await api.dispose()
      }
      return 'sent; the empty form was refused first; the Board sees "a young person", not the words'
    } finally {
      await context.close()
    }
  })

  await check('participation: raises the children in care council\'s card on the card board and accepts it', async () => {
    const { context, page, problems } = await staff('demo-participation')
    try {
      await page.goto(`${base}/board/cards`)
      await ready(page)
      assert((await page.locator('main').innerText()).includes(`lock (e2e ${stamp})`), 'the young person\'s card is not on the participation officer\'s board')
      await page.fill('form#raise-card #challenge', challenge)
      await page.fill('form#raise-card #addressed-to', 'Head of Children\'s Social Care')
      await page.click('form#raise-card button')
      await page.waitForURL(/\/board\/cards\/\d+/)
      await ready(page)
      cardId = idFrom(page, /\/board\/cards\/(\d+)/)
      await send(page, 'accept-card')
      assert(await page.locator('form#accept-card').count() === 0, 'the accept form is still there')
      await pageChecks(page, 'participation', 'board-card', problems)
      return `card ${cardId}`
    } finally {
      await context.close()
    }
  })

  await check('board_officer: plans a meeting and agrees an action for the card at it', async () => {
    assert(cardId, 'no card')
    const { context, page, problems } = await staff('demo-officer')
    try {
      await page.goto(`${base}/board/meetings`)
      await ready(page)
      await page.fill('form#plan-meeting #date', '2027-01-20')
      await page.fill('form#plan-meeting #title', `Corporate Parenting Board (e2e ${stamp})`)
      await page.fill('form#plan-meeting #agenda', 'Challenge cards from the children in care council')
      await page.click('form#plan-meeting button')
      await page.waitForURL(/\/board\/meetings\/\d+/)
      await ready(page)
      const meetingId = idFrom(page, /\/board\/meetings\/(\d+)/)
      await page.goto(`${base}/board/actions/new?card=${cardId}&meeting=${meetingId}`)
      await ready(page)
      await page.fill('form#add-action #title', 'Ask every young person where they want to meet their worker')
      await page.fill('form#add-action #owner-name', 'Morgan Manager, Head of Service')
      await page.fill('form#add-action #owner', 'demo-manager')
      await page.fill('form#add-action #due', '2027-03-31')
      await page.click('form#add-action button')
      await page.waitForURL(/\/board\/actions\/\d+/)
      await ready(page)
      actionId = idFrom(page, /\/board\/actions\/(\d+)/)
      await pageChecks(page, 'board_officer', 'board-action-new', problems)
      const text = await page.locator('main').innerText()
      assert(text.includes(`e2e ${stamp}`) || text.includes('Ask every young person'), 'the action page does not show the action')
      return `meeting ${meetingId}, action ${actionId}`
    } finally {
      await context.close()
    }
  })

  await check('manager: closes the action they own with evidence', async () => {
    assert(actionId, 'no action')
    const { context, page, problems } = await staff('demo-manager')
    try {
      await page.goto(`${base}/board/actions/${actionId}`)
      await ready(page)
      await page.check('form#close-action #status-radio')
      await page.fill('form#close-action #evidence', evidence)
      await send(page, 'close-action')
      assert(await page.locator('form#close-action').count() === 0, 'the close form is still there')
      assert((await page.locator('main').innerText()).includes(evidence), 'the evidence is not shown')
      await pageChecks(page, 'manager', 'board-action-closed', problems)
      return 'done, with its history'
    } finally {
      await context.close()
    }
  })

  await check('participation: the card is ready to answer and "You said, we did" is published', async () => {
    const { context, page, problems } = await staff('demo-participation')
    try {
      await page.goto(`${base}/board/cards/${cardId}`)
      await ready(page)
      assert(await page.locator('form#answer-card').count() === 1, 'no answer form on the card')
      await page.fill('form#answer-card #response', answer)
      await send(page, 'answer-card')
      await pageChecks(page, 'participation', 'board-card-answered', problems)
      return `card ${cardId} answered`
    } finally {
      await context.close()
    }
  })

  for (const js of [false, true]) {
    await check(`young_person: "You said, we did" shows the answer on their page ${js ? 'with JavaScript' : 'with JavaScript switched off'}`, async () => {
      const { context, page } = await young(js)
      try {
        const text = await page.locator('main').innerText()
        assert(text.includes(challenge), 'the challenge is not on /my')
        assert(text.includes(answer), 'the answer is not on /my')
        if (js) {
          await page.goto(`${base}/my/cards/new`)
          await pageChecks(page, 'young_person', 'my-cards-new', [])
        }
        return 'both there'
      } finally {
        await context.close()
      }
    })
  }
}
