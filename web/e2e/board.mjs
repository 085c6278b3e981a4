// Browser checks of the Corporate Parenting Board's pages (issues 17 and 18): run.mjs calls boardChecks in
// each walking role's walk, signed in, with its own helpers (check, pageChecks: axe and 390 px…),
// so these read like its other checks. Every Board page is visited by each role that may see it
// — a Board member, the participation officer, the Board's officer and a manager — and each form
// is there exactly for the roles that may use it (the session's can list and, for closing an
// action, being its owner). Nothing is submitted here but the officers' commentary, which the
// Board's officer writes (hostile Markdown included) and saves over someone else's version: the
// card → action → "You said, we did" walk is a scenario of its own. The papers to download (the
// meeting pack, the annual report) are offered to those who may read the scorecard whose figures
// they carry, suppressed for the Board's own roles and marked OFFICIAL-SENSITIVE for the others.
//
// The forms, by id (src/pages/board*.ts): add-action, close-action, raise-card, accept-card,
// answer-card, plan-meeting, record-meeting, receive-report, manual-value, load-arrangements,
// focus-<theme id>, write-commentary; the filters filter-actions; the date on /board as-of.

/** The roles that walk the Board's pages. */
export const BOARD_WALKERS = ['board', 'participation', 'board_officer', 'manager']

/** The roles whose papers have small numbers suppressed (the Board's own: src/auth/policy.cpp). */
const SUPPRESSED = ['board', 'participation', 'board_officer']

const STAGES = { raised: 'waiting to be accepted', accepted: 'accepted', actions_agreed: 'with actions agreed', answered: 'answered' }

/** @param {object} t run.mjs's helpers and the role's settings */
export async function boardChecks(t) {
  const { page, role, user, can, base, check, assert, ready, pageChecks, plainWords, problems, runAxe } = t
  const manageBoard = can.includes('manage_board')
  const manageCards = can.includes('manage_cards')
  const writeCommentary = can.includes('write_commentary')
  // the papers carry the scorecard's figures: for those who may read it
  const papers = can.includes('scorecard')
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
    for (const href of ['/board/actions', '/board/cards', '/board/meetings', '/board/calendar', '/board/people', '/board/commentary']) {
      assert(await page.locator(`main a[href^="${href}"]`).count() > 0, `no link to ${href}`)
    }
    const reports = await page.locator('main a[href^="/api/v1/annual-report?"][download]').count()
    assert(papers ? reports > 0 : reports === 0, `${reports} annual report downloads`)
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
      for (const format of ['pdf', 'html', 'xlsx']) {
        const n = await page.locator(`main a[download][href="/api/v1/meetings/${meeting.id}/pack?format=${format}"]`).count()
        assert(n === (papers ? 1 : 0), `the pack as ${format} is ${n ? '' : 'not '}offered`)
      }
      await pageChecks(page, role, 'board-meeting', problems)
      visited.push(`/board/meetings/${meeting.id}`)
      return `meeting ${meeting.id}, ${meeting.date}`
    })

    const suppressed = SUPPRESSED.includes(role)
    await check(`${role}: the meeting pack as HTML — ${!papers ? 'refused (403)' : suppressed ? '"Meeting pack", small numbers suppressed, no OFFICIAL-SENSITIVE marking' : '"Meeting pack", marked OFFICIAL-SENSITIVE'}`, async () => {
      const r = await page.evaluate(async (u) => {
        const res = await fetch(u)
        return { status: res.status, type: res.headers.get('Content-Type') ?? '', text: await res.text() }
      }, `/api/v1/meetings/${meeting.id}/pack?format=html`)
      if (!papers) {
        assert(r.status === 403, `answered ${r.status}`)
        return
      }
      assert(r.status === 200 && r.type.startsWith('text/html'), `answered ${r.status} ${r.type}`)
      assert(r.text.includes('Meeting pack'), 'no "Meeting pack" in it')
      const marked = r.text.includes('OFFICIAL-SENSITIVE')
      assert(marked === !suppressed, `it is ${marked ? '' : 'not '}marked OFFICIAL-SENSITIVE`)
      return `${Math.round(r.text.length / 1024)} KB`
    })
    if (role === 'board' && papers) {
      // The papers themselves pass axe as the HTML they are printed from (one role: lean).
      await check(`${role}: the meeting pack's and the annual report's HTML pass axe`, async () => {
        const now = new Date()
        const ended = now.getMonth() > 2 ? now.getFullYear() : now.getFullYear() - 1
        const year = `${ended - 1}-${String(ended % 100).padStart(2, '0')}`
        const out = []
        for (const [name, u] of [['pack', `/api/v1/meetings/${meeting.id}/pack?format=html`], ['annual report', `/api/v1/annual-report?format=html&year=${year}`]]) {
          const html = await page.evaluate(async (url) => {
            const res = await fetch(url)
            if (!res.ok) throw new Error(`${url} answered ${res.status}`)
            return res.text()
          }, u)
          const paper = await page.context().newPage()
          try {
            await paper.setContent(html)
            const headings = await paper.locator('h1').count()
            assert(headings === 1, `${name}: ${headings} h1`)
            await runAxe(paper, `${role} ${name} HTML`)
          } finally {
            await paper.close()
          }
          out.push(`${name} ${Math.round(html.length / 1024)} KB`)
        }
        return out.join(', ')
      })
    }
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

  await check(`${role}: the commentary on the figures, a quarter's and a year's${writeCommentary ? ', with "Edit" and "Write"' : ', with no "Edit" or "Write"'}`, async () => {
    const list = await json('/api/v1/commentary')
    assert(list, 'GET /api/v1/commentary failed')
    assert(list.can_write === writeCommentary, `can_write is ${list.can_write}`)
    await visit('/board/commentary')
    const writes = await page.locator('main a[href^="/board/commentary/edit"]').count()
    assert(writeCommentary ? writes > 0 : writes === 0, `${writes} links to write commentary`)
    assert(await page.locator('main a[href^="javascript:" i], main script').count() === 0, 'a javascript: link or a script in the page')
    await pageChecks(page, role, 'board-commentary', problems)
    visited.push('/board/commentary')
    // the annual report's sections (the Board member and the officer: the same page for the others)
    const year = list.years?.[0]
    if (year && (role === 'board' || role === 'board_officer')) {
      await visit(`/board/commentary?period=${year}`)
      const cards = await page.locator('main [data-subject^="annual:"]').count()
      assert(cards >= list.sections.length, `${cards} sections shown of ${list.sections.length}`)
      await pageChecks(page, role, 'board-commentary-year', problems)
      visited.push(`/board/commentary?period=${year}`)
    }
    return `${list.items.length} pieces for ${list.period}; ${writes} links to write`
  })

  if (role === 'board_officer') await writeCommentaryChecks(t, json)

  // the Board's own words on pages a councillor or the participation officer reads: no file
  // names, identifiers or paths
  if (plainWords && (role === 'board' || role === 'participation')) {
    await check(`${role}: plain words on the Board's pages`, async () => {
      for (const url of visited) await plainWords(page, url)
      return `${visited.length} pages`
    })
  }
}

/**
 * The Board's officer writes a figure's commentary through the form: Markdown with a <script> and
 * a javascript: link, previewed and saved, must show as text and carry no link; a save that names
 * a version no longer the newest is refused (409); a version saved by someone else while the form
 * is open is shown beside the officer's own text, which is kept, and the next save goes through.
 */
async function writeCommentaryChecks(t, json) {
  const { page, role, base, check, assert, ready, pageChecks, problems } = t
  const subject = 'indicator:iha_timely'
  const card = `main [data-subject="${subject}"]`
  const post = (url, body) => page.evaluate(async ({ url, body }) => {
    const csrf = document.cookie.split(';').map((c) => c.trim().split('=')).find(([k]) => k === 'hearth_csrf')?.[1] ?? ''
    const r = await fetch(url, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) }
    })
    let reply = null
    try { reply = await r.json() } catch { /* not JSON */ }
    return { status: r.status, reply }
  }, { url, body })
  const newest = async (period, part) => (await json(`/api/v1/commentary?period=${period}`))?.items?.find((c) => c.subject === subject && c.part === part)
  /** Save the form: on to the commentary's page, or the error summary's words. */
  const save = async () => {
    // (an error summary already there, from the save before, is not the answer to this one)
    await page.evaluate(() => document.querySelector('main .govuk-error-summary')?.setAttribute('data-seen', ''))
    await page.click('#write-commentary button[type="submit"]')
    await page.waitForFunction(() => location.pathname === '/board/commentary' || document.querySelector('main .govuk-error-summary:not([data-seen])'))
    await ready(page)
    if (new URL(page.url()).pathname === '/board/commentary') return ''
    return (await page.locator('main .govuk-error-summary').innerText()).trim()
  }
  const noActiveContent = async (where) => {
    assert(await page.locator('main script').count() === 0, `${where}: a script element in the page`)
    assert(await page.locator('main a[href^="javascript:" i]').count() === 0, `${where}: a javascript: link`)
  }

  await check(`${role}: writes the commentary on iha_timely — the preview and the saved page show <script> as text with no javascript: link; a stale save is refused (409)`, async () => {
    const list = await json('/api/v1/commentary')
    assert(list?.can_write, 'the officer may not write commentary')
    const period = list.period
    const stamp = Date.now().toString(36)
    const behind = `Fewer assessments were on time this quarter (${stamp}). <script>alert(1)</script> See [x](javascript:alert(1)).`
    const doing = `We are **checking** every health assessment as it falls due (${stamp}).`
    let dialogs = 0
    const onDialog = (d) => { dialogs += 1; d.dismiss().catch(() => undefined) }
    page.on('dialog', onDialog)
    try {
      await page.goto(`${base}/board/commentary/edit?subject=${encodeURIComponent(subject)}&period=${period}`)
      await ready(page)
      assert(await page.locator('main form#write-commentary').count() === 1, 'no form #write-commentary')
      assert(await page.locator('main details.govuk-details:has-text("HTML is shown as text")').count() === 1, 'no help with formatting')
      await pageChecks(page, role, 'board-commentary-edit', problems)

      await page.fill('#commentary-behind', behind)
      await page.fill('#commentary-doing', doing)
      await page.click('#preview-button')
      await page.waitForSelector('main [data-testid="preview"]')
      const shown = await page.locator('main [data-testid="preview"]').innerText()
      assert(shown.includes('<script>alert(1)</script>'), 'the preview does not show the <script> as text')
      assert(await page.locator('main [data-testid="preview"] strong:has-text("checking")').count() === 1, 'the preview does not show **checking** in bold')
      await noActiveContent('the preview')
      assert(await page.inputValue('#commentary-behind') === behind, 'the preview lost the words written')
      await pageChecks(page, role, 'board-commentary-preview', problems)

      const refused = await save()
      assert(!refused, `saving was refused: ${refused}`)
      assert(await page.locator('main .govuk-notification-banner--success').count() === 1, 'no "The commentary was saved"')
      const text = await page.locator(card).innerText()
      assert(text.includes('<script>alert(1)</script>') && text.includes(stamp), 'the saved words are not on the page as text')
      await noActiveContent('the commentary page')
      assert(dialogs === 0, `${dialogs} dialogs opened`)

      const saved = await newest(period, 'behind')
      assert(saved?.body === behind, 'the words saved are not the words written')
      assert(!/<script/i.test(saved.html) && !/href\s*=\s*["']?\s*javascript:/i.test(saved.html), 'the html the server made is not inert')
      const stale = await post('/api/v1/commentary', { subject, period, part: 'behind', body: 'A stale edit', replaces: saved.replaces })
      assert(stale.status === 409 && stale.reply?.error?.code === 'changed', `a save over a version no longer the newest answered ${stale.status} ${stale.reply?.error?.code ?? ''}`)
      return `${period}, version ${saved.id}`
    } finally {
      page.off('dialog', onDialog)
    }
  })

  await check(`${role}: someone else saves the same commentary while the form is open — theirs is shown, the officer's words kept, the next save goes through; the history lists every version`, async () => {
    const list = await json('/api/v1/commentary')
    const period = list.period
    const stamp = Date.now().toString(36)
    await page.goto(`${base}/board/commentary/edit?subject=${encodeURIComponent(subject)}&period=${period}`)
    await ready(page)
    // meanwhile, another version (the same officer through the API: as good as someone else)
    const was = await newest(period, 'behind')
    const theirs = await post('/api/v1/commentary', { subject, period, part: 'behind', body: `Their words (${stamp}).`, replaces: was?.id ?? 0 })
    assert(theirs.status === 201, `the other save answered ${theirs.status}`)
    const mine = `My words, written at the same time (${stamp}).`
    await page.fill('#commentary-behind', mine)
    const refused = await save()
    assert(/someone else saved/i.test(refused), `the form said "${refused}"`)
    assert((await page.locator('main .govuk-inset-text').innerText()).includes(`Their words (${stamp}).`), 'their version is not shown')
    assert(await page.inputValue('#commentary-behind') === mine, 'the officer\'s words were not kept')
    const again = await save()
    assert(!again, `saving again was refused: ${again}`)
    assert((await newest(period, 'behind'))?.body === mine, 'the second save did not keep the officer\'s words')

    await page.locator(`${card} a[href^="/board/commentary/history"]`).click()
    await page.waitForURL((u) => u.pathname === '/board/commentary/history')
    await ready(page)
    const versions = await page.locator('main [data-testid="version"]').count()
    assert(versions >= 4, `${versions} versions listed`)
    assert((await page.locator('main').innerText()).includes(`Their words (${stamp}).`), 'their version is not in the history')
    await pageChecks(page, role, 'board-commentary-history', problems)
    return `${versions} versions`
  })
}
