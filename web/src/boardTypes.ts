// The Board's replies (cards, meetings, the reporting calendar, the arrangements) as the server's
// schemas give them (src/web/schemas/board.json, generated into api-types.ts), with the parts
// the pages name, and the bodies the Board's forms send.
import type { BoardAction } from './types'

export type { BoardAction }
import type { Card, Meeting, ReportDue } from './api-types'
export type { HistoryEvent, Card, CardList, CardDetail, ActionDetail, MeetingSummary, MeetingList, Meeting, ReportDue, ReportCalendar, ManualValue, Arrangements } from './api-types'

export type CardStatus = Card['status']
export type MeetingStatus = Meeting['status']
export type AgendaItem = Meeting['agenda'][number]
export type Attendance = Meeting['attendance'][number]
export type ReportStatus = ReportDue['status']

export interface NewCard { challenge: string; theme: string; addressed_to: string }
export interface AcceptCard { challenge?: string; theme?: string; addressed_to?: string }
export interface AnswerCard { response: string }
export interface NewAction {
  title: string
  owner: string
  owner_name: string
  due: string
  priority: string
  theme: string
  card: number | null
  meeting: number | null
}
export interface CloseAction { status: 'done' | 'dropped'; evidence: string; on?: string }
export interface NewMeeting { date: string; title: string; theme: string; agenda: AgendaItem[] }
export interface MeetingRecord {
  status?: MeetingStatus
  minutes?: string
  attendance?: Attendance[]
  decisions?: string[]
  agenda?: AgendaItem[]
}
export interface ReceiveReport { due: string; document: string; note: string; received?: string }
export interface NewManualValue { period_end: string; value: number; note: string }
export interface LoadArrangements { source: string; text: string }
