// GOV.UK Frontend's JavaScript for the components Hearth's pages use, and no others. initAll
// would bring every component's code into the bundle (most of it unused on any page); createAll
// per component lets the bundler leave the rest out. A page that starts using another component
// with a data-module adds it here (its styles go in styles/main.scss).
import { createAll, Button, CharacterCount, Checkboxes, ErrorSummary, NotificationBanner, PasswordInput, Radios, ServiceNavigation, SkipLink, Tabs } from 'govuk-frontend'

const COMPONENTS = [Button, CharacterCount, Checkboxes, ErrorSummary, NotificationBanner, PasswordInput, Radios, ServiceNavigation, SkipLink, Tabs]

/** Start the components inside scope. One already started is left as it is (GOV.UK Frontend
 * refuses to start it twice, and that refusal is not an error here). */
export function initGovuk(scope: Element): void {
  for (const component of COMPONENTS) createAll(component, undefined, { scope, onError: () => undefined })
}
