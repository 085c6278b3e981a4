// Browser checks of the Corporate Parenting Board's pages (issue 17): run.mjs calls boardChecks in
// each walking role's walk, signed in, with its own helpers (check, pageChecks: axe and 390 px…),
// so these read like its other checks. Every Board page is visited by each role that may see it
// — a Board member, the participation officer, the Board's officer and a manager — and each form
// is there exactly for the roles that may use it (the session's can list and, for closing an
// action, being its owner). Nothing is submitted here: the card → action → "You said, we did"
// walk is a scenario of its own.
//
// The forms, by id (src/pages/board*.ts): add-action, close-action, raise-card, accept-card,
// answer-card, plan-meeting, record-meeting, receive-report, manual-value, load-arrangements,
// focus-<theme id>; the filters filter-actions; the date on /board as-of.

/** The roles that walk the Board's pages. */
export const BOARD_WALKERS = ['board', 'participation', 'board_officer', 'manager']

const STAGES = { raised: 'waiting to be accepted', accepted: 'accepted', actions_agreed: 'with actions agreed', answered: 'answered' }

/** @param {object} t run.mjs's helpers and the role's settings */
export async function boardChecks(t) {
  const { page, role, user, can, base, check, assert, ready, pageChecks, plainWords, problems } = t
  const manageBoard = can.includes('manage_board')
  const manageCards = can.includes('manage_cards')
  const json = (url) => page.evaluate(async (u) => {
    const r = await fetch(u, { headers: { Accept: 'application/json' } })
    return r.ok ? r.json() : null
  }, url)
  const visit = async (url) => {
    await page.goto(`${base}${url}`)
    await ready(page)
    const h1 = (await page.locator('h1').innerText()).trim()
    assert(h1 !== 'You do not have access to this page' && h1 !== 'Page not found' && h1 !== 'Sorry, there is a problem with the service', `${url} shows "${h1}"`)
    assert(await page.locator('main a[href^="/children"]').count() === 0, `${url} links to a child's record`)
    return h1
  }
  /** The form is on the page exactly when the role may use it. */
  const form = async (id, expected) => {
    const n = await page.locator(`main form#${id}`).count()
    assert(n === (expected ? 1 : 0), `form #${id} is ${n ? '' : 'not '}there (expected ${expected ? '' : 'not '}to be)`)
  }

  const [board, actions, cards, meetings, calendar, arrangements] = await Promise.all(
    ['/api/v1/board', '/api/v1/actions', '/api/v1/cards', '/api/v1/meetings', '/api/v1/reports', '/api/v1/governance'].map(json))
  const visited = []

  await check(`${role}: the Board's home — the figures as at a date, the cards open and "You said, we did"`, async () => {
    await visit('/board')
    assert(await page.locator('main form input#as-of[type="date"]').count() === 1, 'no "as at" date')
    assert(await page.locator('main h2:has-text("You said, we did")').count() === 1, 'no "You said, we did" section')
    for (const href of ['/board/actions', '/board/cards', '/board/meetings', '/board/calendar', '/board/people']) {
      assert(await page.locator(`main a[href^="${href}"]`).count() > 0, `no link to ${href}`)
    }
    // as at a meeting's day, as the meeting's page links to it
    const day = meetings?.items?.find((m) => m.status === 'held')?.date ?? board?.as_of
    if (!day) return 'no date to go back to'
    await visit(`/board?as_of=${day}`)
    const shown = await page.inputValue('#as-of')
    assert(shown === day, `the date shows ${shown}, not ${day}`)
    await pageChecks(page, role, `board-as-of-${day}`, problems)
    visited.push(`/board?as_of=${day}`)
    return `as at ${day}`
  })

  await check(`${role}: the actions, with filters by status, owner, priority and theme${manageBoard ? ', and "Add an action"' : ''}`, async () => {
    await visit('/board/actions')
    await form('filter-actions', true)
    for (const id of ['filter-status', 'filter-owner', 'filter-priority', 'filter-theme']) assert(await page.locator(`#${id}`).count() === 1, `no #${id}`)
    const add = await page.locator('main a[href^="/board/actions/new"]').count()
    assert(add === (manageBoard ? 1 : 0), `"Add an action" is ${add ? '' : 'not '}offered`)
    await pageChecks(page, role, 'board-actions', problems)
    visited.push('/board/actions')
  })

  if (manageBoard) {
    await check(`${role}: the form that adds an action names every field`, async () => {
      const card = cards?.items?.find((c) => c.status === 'accepted' || c.status === 'actions_agreed')
      const url = card ? `/board/actions/new?card=${card.id}` : '/board/actions/new'
      await visit(url)
      await form('add-action', true)
      for (const name of ['title', 'owner', 'owner_name', 'due', 'priority', 'theme', 'card', 'meeting']) {
        assert(await page.locator(`#add-action [name="${name}"]`).count() === 1, `no field ${name}`)
      }
      if (card) assert(await page.inputValue('#card') === String(card.id), 'the card it came from is not chosen')
      await pageChecks(page, role, 'board-actions-new', problems)
      visited.push(url)
    })
  }

  // an open action of theirs when they own one (its owner closes it), else any open one
  const items = actions?.items ?? []
  const action = items.find((a) => a.status === 'open' && a.owner === user) ?? items.find((a) => a.status === 'open') ?? items[0]
  if (action) {
    await check(`${role}: an action's page — owner, due, status, history${action.status === 'open' ? '; "Close this action" for its owner and the officer' : ''}`, async () => {
      await visit(`/board/actions/${action.id}`)
      await form('close-action', action.status === 'open' && (manageBoard || action.owner === user))
      assert(await page.locator('main table caption:has-text("What happened"), main p:has-text("Nothing is recorded yet")').count() > 0, 'no history')
      await pageChecks(page, role, 'board-action', problems)
      visited.push(`/board/actions/${action.id}`)
      return `action ${action.id}${action.owner === user ? ' (theirs)' : ''}`
    })
  }

  await check(`${role}: the challenge cards, a section for each stage${manageCards ? ', and "Raise a card"' : ''}`, async () => {
    await visit('/board/cards')
    const sections = await page.locator('main .app-card-column h2').count()
    assert(sections === 4, `${sections} stages shown`)
    await form('raise-card', manageCards)
    await pageChecks(page, role, 'board-cards', problems)
    visited.push('/board/cards')
  })

  // a card waiting to be accepted, one ready to answer, and the last answered, where there are
  const all = cards?.items ?? []
  const chosen = [all.find((c) => c.status === 'raised'), all.find((c) => c.ready_to_answer && c.status !== 'answered'), all.find((c) => c.status === 'answered')]
    .filter((c, i, list) => c && list.findIndex((x) => x?.id === c.id) === i)
  for (const c of chosen) {
    const stage = c.ready_to_answer && c.status !== 'answered' ? 'ready to answer' : STAGES[c.status] ?? c.status
    await check(`${role}: a card ${stage} — its actions and history, and the forms its stage has`, async () => {
      await visit(`/board/cards/${c.id}`)
      await form('accept-card', manageCards && c.status === 'raised')
      await form('answer-card', manageCards && c.ready_to_answer && c.status !== 'answered')
      const agree = await page.locator(`main a[href^="/board/actions/new?card=${c.id}"]`).count()
      assert(agree === (manageBoard && (c.status === 'accepted' || c.status === 'actions_agreed') ? 1 : 0), `"Agree an action for this card" is ${agree ? '' : 'not '}offered`)
      if (c.challenge === null) assert(/waiting for the participation officer/.test(await page.locator('[data-testid="challenge"]').innerText()), 'a card without words does not say it is waiting')
      await pageChecks(page, role, `board-card-${c.status}`, problems)
      visited.push(`/board/cards/${c.id}`)
      return `card ${c.id}`
    })
  }

  await check(`${role}: the meetings${manageBoard ? ', and "Plan a meeting"' : ''}`, async () => {
    await visit('/board/meetings')
    await form('plan-meeting', manageBoard)
    await pageChecks(page, role, 'board-meetings', problems)
    visited.push('/board/meetings')
  })

  const meeting = meetings?.items?.find((m) => m.status === 'held') ?? meetings?.items?.[0]
  if (meeting) {
    await check(`${role}: a meeting — agenda, attendance, decisions, minutes, actions, reports due${manageBoard ? '; "Record the meeting"' : ''}`, async () => {
      await visit(`/board/meetings/${meeting.id}`)
      await form('record-meeting', manageBoard)
      assert(await page.locator(`main a[href*="/board?"][href*="as_of=${meeting.date}"]`).count() === 1, 'no link to the figures as at the meeting')
      const agree = await page.locator(`main a[href^="/board/actions/new?meeting=${meeting.id}"]`).count()
      assert(agree === (manageBoard ? 1 : 0), `"Agree an action at this meeting" is ${agree ? '' : 'not '}offered`)
      await pageChecks(page, role, 'board-meeting', problems)
      visited.push(`/board/meetings/${meeting.id}`)
      return `meeting ${meeting.id}, ${meeting.date}`
    })
  }

  await check(`${role}: the reporting calendar${manageBoard ? ', "Record as received" and the figures entered by hand' : ''}`, async () => {
    await visit('/board/calendar')
    const rows = await page.locator('main table tbody tr').count()
    assert(rows > 0, 'no reports listed')
    const waiting = (calendar?.items ?? []).some((r) => r.status !== 'received')
    await form('receive-report', manageBoard && waiting)
    await form('manual-value', manageBoard && (arrangements?.measures ?? []).some((m) => m.manual))
    await pageChecks(page, role, 'board-calendar', problems)
    visited.push('/board/calendar')
    return `${rows} rows`
  })

  await check(`${role}: the members, champions, sub-groups, pledge and themes${manageCards || manageBoard ? '; "Put this theme in focus"' : ''}${manageBoard ? '; "Load new arrangements"' : ''}`, async () => {
    await visit('/board/people')
    const focusable = (arrangements?.themes ?? []).filter((x) => !x.focus).length
    const buttons = await page.locator('main form[id^="focus-"]').count()
    assert(buttons === ((manageCards || manageBoard) ? focusable : 0), `${buttons} "Put this theme in focus" buttons`)
    await form('load-arrangements', manageBoard)
    await pageChecks(page, role, 'board-people', problems)
    visited.push('/board/people')
  })

  // the Board's own words on pages a councillor or the participation officer reads: no file
  // names, identifiers or paths
  if (plainWords && (role === 'board' || role === 'participation')) {
    await check(`${role}: plain words on the Board's pages`, async () => {
      for (const url of visited) await plainWords(page, url)
      return `${visited.length} pages`
    })
  }
}
