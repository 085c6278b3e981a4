// GOV.UK Frontend ships JavaScript without type declarations; these are the parts Hearth uses.
declare module 'govuk-frontend' {
  export interface InitConfig {
    scope?: Element | Document | null
    onError?: (error: unknown, context: unknown) => void
  }
  export function initAll(config?: InitConfig | Element | Document | null): void
  export function isSupported(scope?: HTMLElement | null): boolean
  export const version: string
}
