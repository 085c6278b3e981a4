// The shapes of the API's replies that the pages read (docs/api.md and the CLI's JSON bodies).

export type Action =
  | 'dashboard' | 'scorecard' | 'worklist' | 'team_worklist' | 'all_worklist' | 'children'
  | 'data_quality' | 'imports' | 'import_upload' | 'rules' | 'indicators' | 'my_record' | 'users'

export type Role = 'admin' | 'analyst' | 'manager' | 'iro' | 'worker' | 'board' | 'participation' | 'young_person'

export interface User {
  username: string
  display_name: string
  role: Role
  councils: string[]
  worker: string | null
  team: string | string[] | null
  teams?: string[]
  child: string | null
}

export interface Session {
  user: User
  can: Action[]
  csrf: string
}

/** A value the API may have suppressed: a number, null (not available) or "c". */
export type Value = number | 'c' | null

export interface Point {
  period: string
  start?: string
  end?: string
  value: Value
  numerator?: Value
  denominator?: Value
}

export interface Comparator {
  name: string
  value: Value
  year?: string
  numerator?: Value
  denominator?: Value
  source?: string
}

export interface BreakdownRow {
  category: string
  value: Value
  numerator?: Value
  denominator?: Value
}

export type Unit = 'percent' | 'count' | 'rate_per_10000' | 'days' | 'ratio' | 'score' | string
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'context' | string
export type Rag = 'red' | 'amber' | 'green' | null

export interface ScoreIndicator {
  id: string
  family?: string
  title: string
  section: string
  unit: Unit
  polarity: Polarity
  value: Value
  numerator?: Value
  denominator?: Value
  target: number | null
  rag: Rag
  available: boolean
  reason?: string
  suppressed?: boolean
  why?: string
  source?: string
  basis_date?: string | null
  comparators: Record<string, Comparator>
  trend: Point[]
  years: Point[]
  breakdowns: Record<string, BreakdownRow[]>
}

export interface PeriodInfo {
  kind: string
  label: string
  start: string
  end: string
}

export interface Scorecard {
  as_of: string
  la: string
  la_name?: string
  region?: string
  period: PeriodInfo
  suppression?: { applied: boolean; threshold: number }
  indicators: ScoreIndicator[]
  // Set when the as-of date was moved back to the end of the council's returns: the server's words.
  warning?: string | null
  // "records up to 31 March 2026; today is 2 December 2026", or empty when they reach today.
  records_note?: string | null
}

export interface IndicatorDef {
  id: string
  family?: string
  title: string
  section: string
  why: string
  unit: Unit
  polarity: Polarity
  source: string
  basis?: string
  definition?: string
  numerator_definition?: string
  denominator_definition?: string
  population?: string
  deviation?: string
  default_target?: number | null
  frequency?: string
}

export interface Rule {
  code: string
  severity: string
  message: string
  how_to_fix: string
  basis?: string
  fields?: string[]
  tables?: string[]
  first_collection_year?: string | null
  last_collection_year?: string | null
}

export interface Evidence {
  kind?: string
  date?: string
  id?: string
  [key: string]: unknown
}

export interface WorkItem {
  child_id: string
  la: string
  item: string
  title: string
  due: string
  status: string
  days_overdue?: number
  worker?: string | null
  worker_name?: string
  team?: string
  evidence: Evidence | null
  rule?: string
  anchor?: { date: string; event: string }
  occurrence?: number
  term?: string
}

export interface Worklist {
  as_of: string
  records_to?: string
  records_note?: string | null
  scope?: string
  due_soon_until?: string
  done_late_since?: string
  overdue: WorkItem[]
  due_soon: WorkItem[]
  done_late: WorkItem[]
  summary?: { overdue: number; due_soon: number; done_late: number; children: number }
}

export interface Coded {
  code: string
  label: string
}

export interface ChildSummary {
  id: string
  la: string
  sex: Coded | string
  age: number
  dob?: string
  ethnicity: Coded | string | null
  status: 'looked_after' | 'care_leaver' | 'left_care' | string
  legal_status: Coded | null
  placement: Coded | null
  worker: { id: string; name: string; team: string } | null
  overdue?: number
  upn_known?: boolean
  iro?: { id: string; name: string } | null
}

export interface Page<T> {
  items: T[]
  page: number
  per_page: number
  total: number
}

export interface Episode {
  start: string
  end: string | null
  reason_new: Coded | null
  legal_status: Coded | null
  category_of_need: Coded | null
  placement: Coded | null
  provider: Coded | null
  reason_end: Coded | null
  reason_place_change: Coded | null
}

export interface TimescaleItem {
  item: string
  title: string
  due: string
  status: string
  evidence: Evidence | null
  rule?: string
  anchor?: { date: string; event: string }
  occurrence?: number
}

export interface Finding {
  rule: string
  severity: string
  message: string
  table?: string
  row?: number
  field?: string
  value?: string
  year?: string
  child?: string
}

export interface ChildRecord {
  as_of?: string
  records_to?: string
  records_note?: string | null
  child: ChildSummary
  episodes: Episode[]
  reviews: { date: string; participation: Coded | null }[]
  missing: { start: string; end: string | null; type: string }[]
  timescales: {
    as_of?: string
    items: TimescaleItem[]
    social_worker?: { id: string; name: string; team: string } | null
    personal_adviser?: { id: string; name: string; team?: string } | null
  }
  findings: Finding[]
}

export interface OwnRecord {
  child: { id: string; la: string; age: number }
  worker: { name: string; team: string } | null
  next: { title: string; due: string; status: string }[]
  health: { kind: string; date: string; status: string }[]
  entitlements: string[]
}

export interface RuleCount {
  code: string
  severity: string
  message: string
  how_to_fix: string
  count: number
  children: number
}

export interface FindingsSummary {
  la: string
  year: string
  import_id: number | null
  total: number
  rules: RuleCount[]
}

/** A stored import (GET /api/v1/imports): a whole 903 return or a set of local records. */
export interface ImportRow {
  id: number
  la: string
  /** "2025/26"; null for local records */
  collection_year: string | null
  kind: '903' | 'local' | string
  source: string
  format: string
  user: string
  started_at: string | null
  finished_at: string | null
  rows: number
  findings: number
  replaced_rows?: number
  accepted_with_findings?: boolean
}

/** One rule's findings in an import's check, counted. */
export interface ImportRuleCount {
  rule: string
  severity: string
  message: string
  how_to_fix: string
  count: number
}

/** One finding in an import's check. */
export interface ImportFinding {
  rule: string
  severity: string
  file: string
  row: number | null
  field: string
  value: string
  child: string
  message: string
}

export interface ImportFindings {
  total: number
  errors: number
  by_rule: ImportRuleCount[]
  first: ImportFinding[]
}

/** The result of POST …/check (can_import) or POST …/accept (status, import_id). */
export interface ImportResult {
  kind: string
  rows?: number
  rejected?: number
  can_import?: boolean
  problem?: string
  /** after accepting: imported, blocked or invalid */
  status?: 'imported' | 'blocked' | 'invalid' | string
  import_id?: number
  findings: ImportFindings
}

/** An import in progress (POST /api/v1/imports, GET /api/v1/imports/{id}). */
export interface Upload {
  id: string
  la: string
  kind: '903' | 'local' | string
  /** "2025/26"; null for local records */
  collection_year: string | null
  user: string
  status: 'open' | 'checked' | 'imported' | 'cancelled' | string
  files: { name: string; size: number }[]
  result: ImportResult | null
}

/** A user of the council (GET /api/v1/users, administrators). */
export interface UserRow {
  username: string
  display_name: string
  role: Role | string
  councils: string[]
  worker: string | null
  teams: string[]
  disabled: boolean
  locked: boolean
  last_login_at: string | null
}
