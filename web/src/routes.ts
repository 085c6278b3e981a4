// Every page of the front end, the path it answers and who may see it (the session's `can`).
import type { Route } from './router'
import { navigate } from './router'
import { prefetch } from './api'
import { session, homeFor, can, couldUse } from './session'
import { loginPage } from './pages/login'
import { dashboardPage, scorecardQuery } from './pages/dashboard'
import { indicatorPage } from './pages/indicator'
import { worklistPage } from './pages/worklist'
import { childrenPage } from './pages/children'
import { childPage } from './pages/child'
import { dataQualityPage, dataQualityRulePage } from './pages/dataQuality'
import { importsPage, newImportPage, importPage } from './pages/imports'
import { indicatorsPage, indicatorDefPage, rulesPage, ruleDefPage } from './pages/registry'
import { myRecordPage } from './pages/myRecord'
import { usersPage } from './pages/users'
import { statementsPage, statementPage } from './pages/statements'
import { alertsPage, alertPage } from './pages/alerts'
import { listeningPage, periodErrors } from './pages/listening'
import { boardPage, boardActionsPage } from './pages/board'
import { boardActionPage, newActionPage } from './pages/boardActionPage'
import { boardCardsPage, boardCardPage } from './pages/boardCards'
import { boardMeetingsPage, boardMeetingPage } from './pages/boardMeetings'
import { boardCalendarPage } from './pages/boardCalendar'
import { boardPeoplePage } from './pages/boardPeople'
import { boardCommentaryPage, commentaryHistoryPage } from './pages/boardCommentary'
import { editCommentaryPage } from './pages/boardCommentaryEdit'
import { boardPrefetch } from './boardApi'
import { newUserPage, userPage, setupPage } from './pages/userAdmin'
export { notFound, forbidden, failure } from './pages/errors'

// What each page asks for first, started by the router alongside the session's request on a page
// load (router.ts). Each asks with the parameters its page uses, from the address alone; la is
// left out when the address has none (the server then takes the user's first council, which is
// what the page names). Should a page come to ask differently, the early request goes unused
// and the page makes its own: slower, never wrong.
const q = (query: URLSearchParams, key: string, fallback = '') => query.get(key) ?? fallback
const page = (query: URLSearchParams) => Math.max(1, Number(query.get('page') ?? '1') || 1)

function worklistEarly(path: string, query: URLSearchParams): void {
  let scope = 'mine'
  if (path === '/worklist/team') {
    // the team page's scope depends on what the user may see: only with a remembered answer
    const team = couldUse(['team_worklist'])
    const all = couldUse(['all_worklist'])
    if (team === null || all === null) return
    const asked = query.get('scope')
    scope = asked === 'all' && all ? 'all' : asked === 'team' && team ? 'team' : team ? 'team' : 'all'
  }
  // "all" item types is no item filter to the API (worklist.ts)
  const item = q(query, 'item') === 'all' ? '' : q(query, 'item')
  prefetch('/worklist', { scope, la: query.get('la'), item, worker: q(query, 'worker'), team: q(query, 'team'), status: q(query, 'status') })
}

export const routes: Route[] = [
  { path: '/login', public: true, render: loginPage },
  {
    path: '/',
    render: (ctx) => {
      // the dashboard is the Board's home; other roles start elsewhere
      const s = session()
      if (s && !can('dashboard')) {
        navigate(homeFor(s), { replace: true })
        return
      }
      return dashboardPage(ctx)
    },
    // "/" is the Board's scorecard, but a worker's redirect: ask only when this browser's last
    // user could see the scorecard, so a worker's visit does not end in a refusal in the audit log
    prefetch: (query) => {
      if (couldUse(['dashboard'])) prefetch('/scorecard', scorecardQuery(query))
    }
  },
  { path: '/scorecard/:id', need: ['scorecard', 'dashboard'], render: indicatorPage },
  { path: '/worklist', need: ['worklist'], render: worklistPage, prefetch: (query) => worklistEarly('/worklist', query) },
  { path: '/worklist/team', need: ['team_worklist', 'all_worklist'], render: worklistPage, prefetch: (query) => worklistEarly('/worklist/team', query) },
  {
    path: '/statements', need: ['statements'], render: statementsPage,
    prefetch: (query) => prefetch('/statements', { la: query.get('la'), unread: query.get('unread') === 'true' ? 'true' : '', page: page(query), per_page: 50 })
  },
  // (one message is not asked for early: reading it is audited, and marks it read)
  { path: '/statements/:id', need: ['statements'], render: statementPage },
  { path: '/alerts', need: ['alerts'], render: alertsPage, prefetch: (query) => prefetch('/alerts', { la: query.get('la'), state: query.get('state') === 'all' ? 'all' : 'open' }) },
  { path: '/alerts/:id', need: ['alerts'], render: alertPage, prefetch: (query) => prefetch('/alerts', { la: query.get('la'), state: 'all' }) },
  {
    path: '/board', need: ['board'], render: boardPage,
    prefetch: (query) => {
      prefetch('/board', { la: query.get('la'), as_of: q(query, 'as_of') })
      boardPrefetch('/cards', { la: query.get('la') })
    }
  },
  {
    path: '/board/actions', need: ['board'], render: boardActionsPage,
    prefetch: (query) => {
      prefetch('/actions', { la: query.get('la'), status: q(query, 'status'), owner: q(query, 'owner'), priority: q(query, 'priority'), theme: q(query, 'theme') })
      boardPrefetch('/governance', { la: query.get('la') })
    }
  },
  // (the officer's form before an action's page, whose :id it would otherwise be)
  { path: '/board/actions/new', need: ['manage_board'], render: newActionPage },
  { path: '/board/actions/:id', need: ['board'], render: boardActionPage },
  { path: '/board/cards', need: ['board'], render: boardCardsPage, prefetch: (query) => boardPrefetch('/cards', { la: query.get('la') }) },
  { path: '/board/cards/:id', need: ['board'], render: boardCardPage },
  { path: '/board/meetings', need: ['board'], render: boardMeetingsPage, prefetch: (query) => boardPrefetch('/meetings', { la: query.get('la') }) },
  { path: '/board/meetings/:id', need: ['board'], render: boardMeetingPage },
  { path: '/board/calendar', need: ['board'], render: boardCalendarPage, prefetch: (query) => boardPrefetch('/reports', { la: query.get('la') }) },
  { path: '/board/people', need: ['board'], render: boardPeoplePage, prefetch: (query) => boardPrefetch('/governance', { la: query.get('la') }) },
  {
    path: '/board/commentary', need: ['board'], render: boardCommentaryPage,
    prefetch: (query) => {
      // (a date that is not one is left out by the page, which then asks for itself)
      boardPrefetch('/commentary', { la: query.get('la'), period: q(query, 'period'), as_at: q(query, 'as_at') })
      // a quarter's figures are named from the indicator registry; a year's sections need none
      if (!/^\d{4}-\d{2}$/.test(q(query, 'period'))) prefetch('/indicators')
    }
  },
  { path: '/board/commentary/edit', need: ['write_commentary'], render: editCommentaryPage },
  { path: '/board/commentary/history', need: ['board'], render: commentaryHistoryPage },
  {
    path: '/listening', need: ['listening'], render: listeningPage,
    // (a period the page will refuse is not asked for)
    prefetch: (query) => {
      if (!periodErrors(q(query, 'from'), q(query, 'to')).length) prefetch('/listening', { la: query.get('la'), from: q(query, 'from'), to: q(query, 'to') })
    }
  },
  {
    path: '/children', need: ['children'], render: childrenPage,
    prefetch: (query) => prefetch('/children', {
      la: query.get('la'), q: q(query, 'q'), status: q(query, 'status', 'looked_after'), team: q(query, 'team'), worker: q(query, 'worker'), page: page(query), per_page: 25
    })
  },
  { path: '/children/:id', need: ['children'], render: childPage, prefetch: (query, params) => prefetch('/children/{id}', { id: params.id, la: query.get('la') }) },
  { path: '/data-quality', need: ['data_quality'], render: dataQualityPage, prefetch: (query) => prefetch('/findings', { la: query.get('la'), year: q(query, 'year') }) },
  { path: '/data-quality/:rule', need: ['data_quality'], render: dataQualityRulePage },
  { path: '/imports', need: ['imports'], render: importsPage, prefetch: (query) => prefetch('/imports', { la: query.get('la'), page: page(query), per_page: 50 }) },
  { path: '/imports/new', need: ['import_upload'], render: newImportPage },
  { path: '/imports/:id', need: ['import_upload'], render: importPage },
  { path: '/indicators', need: ['indicators'], render: indicatorsPage, prefetch: () => prefetch('/indicators') },
  { path: '/indicators/:key', need: ['indicators'], render: indicatorDefPage },
  { path: '/rules', need: ['rules'], render: rulesPage, prefetch: (query) => prefetch('/rules', { year: q(query, 'year') }) },
  { path: '/rules/:code', need: ['rules'], render: ruleDefPage },
  { path: '/users', need: ['users'], render: usersPage, prefetch: (query) => prefetch('/users', { la: query.get('la'), page: page(query), per_page: 50 }) },
  { path: '/users/new', need: ['users'], render: newUserPage },
  { path: '/users/:username', need: ['users'], render: userPage },
  { path: '/setup', public: true, render: setupPage },
  { path: '/my-record', need: ['my_record'], render: myRecordPage }
]
