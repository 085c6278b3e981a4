// The warning before an idle session ends. The server ends a session after idle_seconds without a
// request (30 minutes by default). Two minutes before the time this page works out from its last
// request, a dialog says so and offers "Stay signed in", which makes one cheap request
// (GET /api/v1/session) to start the time again. If the time runs out, the page signs out and
// goes to the sign-in page, which says why and comes back here after signing in.
//
// The time is counted on this computer's clock from the last reply, never from the server's
// timestamps, so a computer whose clock is wrong is warned on time all the same. Tabs of the same
// browser share the time of the last request (localStorage), so working in one tab keeps another
// from warning or signing out.
import { h } from './dom'
import { get } from './api'

const IDLE_KEY = 'hearth.idle_seconds'
const LAST_KEY = 'hearth.last_activity'
/** How long before the end the warning shows. */
const WARN_MS = 2 * 60 * 1000
/** The server writes a session's last use at most once a minute (a quarter of the idle limit when
 * that is shorter) and keeps a session's reply for a second: it may count from up to this long
 * before the last reply, so the page counts from then too. */
const lagMs = (idle: number) => (Math.min(60, Math.floor(idle / 4)) + 2) * 1000

let idleSeconds = 0
let lastActivity = 0
let watching = false
let timer: number | undefined
let dialog: HTMLDialogElement | null = null
let returnFocus: HTMLElement | null = null
let onExpired: (minutes: number) => void = () => undefined

function readNumber(key: string): number {
  try {
    return Number(localStorage.getItem(key) ?? '') || 0
  } catch {
    return 0
  }
}

function store(key: string, value: number): void {
  try {
    localStorage.setItem(key, String(value))
  } catch {
    // storage turned off: this tab keeps its own time
  }
}

/** The idle limit from signing in (the sign-in reply carries it). */
export function rememberIdleLimit(seconds: number): void {
  if (seconds > 0) store(IDLE_KEY, seconds)
}

/**
 * Someone is signed in (a sign-in, or a page loaded with a session): count from now. `expires`
 * is GET /api/v1/session's, which says only when the session ends: without the limit from
 * signing in (another browser profile, storage turned off), the time left then stands in for it.
 * It can only be shorter than the real limit, so the warning is never late.
 */
export function sessionStarted(expires?: number): void {
  if (expires !== undefined && readNumber(IDLE_KEY) === 0) {
    const left = Math.round(expires - Date.now() / 1000)
    if (left >= 60 && left <= 24 * 3600) idleSeconds = left
  }
  watching = true
  noteActivity()
}

/** A reply from the server has just arrived: the session's idle time starts again. */
export function noteActivity(): void {
  if (!watching) return
  lastActivity = Date.now()
  store(LAST_KEY, lastActivity)
  schedule()
}

function endsAt(): number {
  const idle = readNumber(IDLE_KEY) || idleSeconds || 30 * 60
  const last = Math.max(lastActivity, readNumber(LAST_KEY))
  return last + idle * 1000 - lagMs(idle)
}

function schedule(): void {
  window.clearTimeout(timer)
  if (!watching) return
  const now = Date.now()
  const end = endsAt()
  if (now >= end) {
    expire()
    return
  }
  if (now >= end - WARN_MS) {
    warn(end)
    timer = window.setTimeout(schedule, Math.min(end - now, 15_000))
    return
  }
  closeWarning()
  timer = window.setTimeout(schedule, end - WARN_MS - now)
}

function minutesLeft(end: number): string {
  const m = Math.max(1, Math.ceil((end - Date.now()) / 60_000))
  return m === 1 ? '1 minute' : `${m} minutes`
}

function warn(end: number): void {
  if (!dialog) dialog = build()
  const time = dialog.querySelector('.app-timeout__time') as HTMLElement
  time.textContent = minutesLeft(end)
  if (dialog.open) return
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
  document.body.append(dialog)
  // a modal dialog: the page behind is inert and focus moves to the dialog's first button
  dialog.showModal()
  ;(dialog.querySelector('button') as HTMLButtonElement).focus()
}

function closeWarning(): void {
  if (!dialog?.open) return
  dialog.close()
  dialog.remove()
  if (returnFocus?.isConnected) returnFocus.focus()
  returnFocus = null
}

function build(): HTMLDialogElement {
  const stay = h('button', { type: 'button', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Stay signed in')
  const leave = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button' }, 'Sign out')
  const d = h('dialog', {
    class: 'app-timeout', role: 'alertdialog', 'aria-modal': 'true',
    'aria-labelledby': 'app-timeout-title', 'aria-describedby': 'app-timeout-text', 'data-testid': 'timeout-warning'
  },
  h('h2', { class: 'govuk-heading-m', id: 'app-timeout-title' }, 'You are about to be signed out'),
  h('p', { class: 'govuk-body', id: 'app-timeout-text' },
    'For your security, Hearth will sign you out in ', h('strong', { class: 'app-timeout__time' }, '2 minutes'),
    ' because you have not used it for a while. Anything you have not saved will be lost.'),
  h('div', { class: 'govuk-button-group' }, stay, leave))
  stay.addEventListener('click', () => void stayIn())
  leave.addEventListener('click', () => {
    closeWarning()
    const signOut = document.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')
    signOut?.click()
  })
  // Escape would close the dialog without an answer: take it as "stay signed in", as the
  // button that has focus first does
  d.addEventListener('cancel', (e) => {
    e.preventDefault()
    void stayIn()
  })
  return d
}

async function stayIn(): Promise<void> {
  try {
    // any signed-in request starts the idle time again; this one is the cheapest. Its reply
    // calls noteActivity, which closes the warning. A 401 goes to the sign-in page as usual.
    await get('/session')
  } catch {
    // the session had already ended: the sign-in page takes over
  }
  closeWarning()
}

function expire(): void {
  closeWarning()
  const idle = readNumber(IDLE_KEY) || idleSeconds || 30 * 60
  stopIdleWatch()
  onExpired(Math.round(idle / 60))
}

/** Watch the idle time while someone is signed in; `expired` is called when it runs out. */
export function startIdleWatch(expired: (minutes: number) => void): void {
  onExpired = expired
  // another tab's request moves the end for this one too
  window.addEventListener('storage', (e) => {
    if (e.key === LAST_KEY && watching) schedule()
  })
  // timers stop while a computer sleeps: look again when the page is seen
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && watching) schedule()
  })
}

/** Nobody is signed in now (signed out, or the session ended): no warning, no timer. */
export function stopIdleWatch(): void {
  window.clearTimeout(timer)
  closeWarning()
  watching = false
  lastActivity = 0
  idleSeconds = 0
}
