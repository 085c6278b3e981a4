// GOV.UK Frontend ships JavaScript without type declarations; these are the parts Hearth uses.
declare module 'govuk-frontend' {
  export interface InitConfig {
    scope?: Element | Document | null
    onError?: (error: unknown, context: unknown) => void
  }
  /** A component class: made with the element its data-module names */
  export interface ComponentClass {
    moduleName: string
    new (root: Element, config?: unknown): unknown
  }
  export function createAll(component: ComponentClass, config?: unknown, options?: InitConfig | Element | Document | null): unknown[]
  export function isSupported(scope?: HTMLElement | null): boolean
  export const version: string
  export const Button: ComponentClass
  export const CharacterCount: ComponentClass
  export const Checkboxes: ComponentClass
  export const ErrorSummary: ComponentClass
  export const NotificationBanner: ComponentClass
  export const PasswordInput: ComponentClass
  export const Radios: ComponentClass
  export const ServiceNavigation: ComponentClass
  export const SkipLink: ComponentClass
  export const Tabs: ComponentClass
}
