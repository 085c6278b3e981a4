// The Board's replies (cards, meetings, the reporting calendar, the arrangements, the officers'
// commentary) as the server's schemas give them (src/web/schemas/board.json and papers.json,
// generated into api-types.ts), with the parts the pages name, and the bodies the Board's forms send.
import type { BoardAction } from './types'

export type { BoardAction }
import type { Card, Commentary, CommentaryList, Meeting, ReportDue } from './api-types'
export type { HistoryEvent, Card, CardList, CardDetail, ActionDetail, MeetingSummary, MeetingList, Meeting, ReportDue, ReportCalendar, ManualValue, Arrangements } from './api-types'
export type { Commentary, CommentaryList, CommentaryHistory, CommentaryPreview } from './api-types'

export type CardStatus = Card['status']
export type MeetingStatus = Meeting['status']
export type AgendaItem = Meeting['agenda'][number]
export type Attendance = Meeting['attendance'][number]
export type ReportStatus = ReportDue['status']
/** behind and doing (a figure's), text (a section of the annual report's) */
export type CommentaryPart = Commentary['part']
/** An annual report's written section: introduction, priority:<id>, voice, next-year. */
export type CommentarySection = CommentaryList['sections'][number]

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
/** A new version of a piece of commentary: replaces is the version edited (0 when there was none). */
export interface NewCommentary { subject: string; period: string; part: CommentaryPart; body: string; replaces: number }
export interface PreviewCommentary { body: string }
