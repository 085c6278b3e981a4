// The Board's second-half routes (cards, meetings, the calendar, the arrangements, the officers'
// commentary) with each route's reply and the body its form sends (boardTypes.ts): the same
// get/post/prefetch as api.ts (its CSRF header, errors, 401 handling and early requests), keyed
// by the short paths the pages use.
import { get, post, prefetch } from './api'
import type {
  ActionDetail, Arrangements, BoardAction, Card, CardDetail, CardList, Meeting, MeetingList, ReportCalendar, ReportDue, ManualValue,
  NewCard, AcceptCard, AnswerCard, NewAction, CloseAction, NewMeeting, MeetingRecord, ReceiveReport, NewManualValue, LoadArrangements,
  Commentary, CommentaryList, CommentaryHistory, CommentaryPreview, NewCommentary, PreviewCommentary
} from './boardTypes'

type Query = Record<string, string | number | boolean | null | undefined>

/** Each GET route's reply. */
export interface BoardGets {
  '/cards': CardList
  '/cards/{id}': CardDetail
  '/actions/{id}': ActionDetail
  '/meetings': MeetingList
  '/meetings/{id}': Meeting
  '/reports': ReportCalendar
  '/governance': Arrangements
  '/commentary': CommentaryList
  '/commentary/history': CommentaryHistory
}

/** Each POST route's body and reply. */
export interface BoardPosts {
  '/cards': [NewCard, Card]
  '/cards/{id}/accept': [AcceptCard, Card]
  '/cards/{id}/answer': [AnswerCard, Card]
  '/actions': [NewAction, BoardAction]
  '/actions/{id}/close': [CloseAction, BoardAction]
  '/meetings': [NewMeeting, Meeting]
  '/meetings/{id}': [MeetingRecord, Meeting]
  '/reports/{id}/receive': [ReceiveReport, ReportDue]
  '/measures/{id}/values': [NewManualValue, ManualValue]
  '/governance': [LoadArrangements, Arrangements]
  '/themes/{id}/focus': [Record<string, never>, Arrangements]
  '/commentary': [NewCommentary, Commentary]
  '/commentary/preview': [PreviewCommentary, CommentaryPreview]
}

const untypedGet = get as unknown as (route: string, params?: Query) => Promise<unknown>
const untypedPost = post as unknown as (route: string, params: Query, body: unknown) => Promise<unknown>
const untypedPrefetch = prefetch as unknown as (route: string, params?: Query) => void

/** GET a Board route: "/cards/{id}" with { id, la }, as api.ts's get. */
export function boardGet<R extends keyof BoardGets>(route: R, params: Query = {}): Promise<BoardGets[R]> {
  return untypedGet(route, params) as Promise<BoardGets[R]>
}

/** POST to a Board route with the session's CSRF header, as api.ts's post. */
export function boardPost<R extends keyof BoardPosts>(route: R, params: Query, body: BoardPosts[R][0]): Promise<BoardPosts[R][1]> {
  return untypedPost(route, params, body) as Promise<BoardPosts[R][1]>
}

/** Start a Board GET before the session is known (routes.ts), as api.ts's prefetch. */
export function boardPrefetch(route: keyof BoardGets, params: Query = {}): void {
  untypedPrefetch(route, params)
}
