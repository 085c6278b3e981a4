// Every page of the front end, the path it answers and who may see it (the session's `can`).
import type { Route } from './router'
import { navigate } from './router'
import { session, homeFor, can } from './session'
import { loginPage } from './pages/login'
import { dashboardPage } from './pages/dashboard'
import { indicatorPage } from './pages/indicator'
import { worklistPage } from './pages/worklist'
import { childrenPage } from './pages/children'
import { childPage } from './pages/child'
import { dataQualityPage, dataQualityRulePage } from './pages/dataQuality'
import { importsPage, newImportPage, importPage } from './pages/imports'
import { indicatorsPage, indicatorDefPage, rulesPage, ruleDefPage } from './pages/registry'
import { myRecordPage } from './pages/myRecord'
import { usersPage } from './pages/users'
import { newUserPage, userPage, setupPage } from './pages/userAdmin'
export { notFound, forbidden, failure } from './pages/errors'

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
    }
  },
  { path: '/scorecard/:id', need: ['scorecard', 'dashboard'], render: indicatorPage },
  { path: '/worklist', need: ['worklist'], render: worklistPage },
  { path: '/worklist/team', need: ['team_worklist', 'all_worklist'], render: worklistPage },
  { path: '/children', need: ['children'], render: childrenPage },
  { path: '/children/:id', need: ['children'], render: childPage },
  { path: '/data-quality', need: ['data_quality'], render: dataQualityPage },
  { path: '/data-quality/:rule', need: ['data_quality'], render: dataQualityRulePage },
  { path: '/imports', need: ['imports'], render: importsPage },
  { path: '/imports/new', need: ['import_upload'], render: newImportPage },
  { path: '/imports/:id', need: ['import_upload'], render: importPage },
  { path: '/indicators', need: ['indicators'], render: indicatorsPage },
  { path: '/indicators/:key', need: ['indicators'], render: indicatorDefPage },
  { path: '/rules', need: ['rules'], render: rulesPage },
  { path: '/rules/:code', need: ['rules'], render: ruleDefPage },
  { path: '/users', need: ['users'], render: usersPage },
  { path: '/users/new', need: ['users'], render: newUserPage },
  { path: '/users/:username', need: ['users'], render: userPage },
  { path: '/setup', public: true, render: setupPage },
  { path: '/my-record', need: ['my_record'], render: myRecordPage }
]
