// Hearth's front end starts here. The classes GOV.UK Frontend's inline snippet would add are
// added from the bundle instead, because the Content-Security-Policy allows no inline script.
import './styles/main.scss'
import { start, register } from './router'
import { routes, notFound, forbidden, failure } from './routes'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported')

register(routes, { notFound, forbidden, failure })
start()
