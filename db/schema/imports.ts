import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './users';

export const IMPORT_KINDS = ['roster', 'households', 'enrolments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/**
 * validating → invalid (the dry run found problems: nothing can be written) | ready → running → done.
 * A job left in 'running' by a closed browser or a dead process is resumed from `records_done`.
 * A checked file not imported within a day expires: its staged copies (personal data) are dropped.
 */
export const IMPORT_STATUSES = ['validating', 'invalid', 'ready', 'running', 'done', 'expired'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const ROW_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** An enrolment list is for one scheme-year, chosen on the page (the rows do not repeat it). */
export interface ImportParams {
  schemeId?: number;
  year?: number;
}

const inList = (col: unknown, values: readonly string[]) =>
  sql`${col} IN (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

/** One uploaded file: its dry run, then its import. Seen only by the account that uploaded it. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('validating'),
    fileName: text('file_name').notNull(),
    /** What the importer chose on the page besides the file (an enrolment list's scheme and year). */
    params: jsonb('params').$type<ImportParams>().notNull().default({}),
    fileSha256: text('file_sha256').notNull().default(''),
    /** Data rows read (the header not counted) and how many of them carry a problem. */
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsWithIssues: integer('rows_with_issues').notNull().default(0),
    /** Staged records (a person, or a household with its members) and how many the import has applied. */
    recordsTotal: integer('records_total').notNull().default(0),
    recordsDone: integer('records_done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** The new accounts' one-time passwords can be downloaded once; this says when they were. */
    credentialsTakenAt: timestamp('credentials_taken_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_actor_idx').on(t.actorId, t.id),
    check('import_jobs_kind_check', inList(t.kind, IMPORT_KINDS)),
    check('import_jobs_status_check', inList(t.status, IMPORT_STATUSES)),
    check('import_jobs_progress_check', sql`${t.recordsDone} BETWEEN 0 AND ${t.recordsTotal}`),
  ],
);

/**
 * The dry run's validated records, in file order (`seq`), so the import reads them back by
 * keyset instead of parsing the file again, and a resumed import starts after the last applied one.
 */
export const importRecords = pgTable(
  'import_records',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    rowNo: integer('row_no').notNull(),
    employeeNo: text('employee_no').notNull(),
    data: jsonb('data').notNull(),
    outcome: text('outcome', { enum: ROW_OUTCOMES }),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.seq] }),
    check('import_records_outcome_check', sql`${t.outcome} IS NULL OR ${inList(t.outcome, ROW_OUTCOMES)}`),
  ],
);

/** One problem the dry run found: the row (as the spreadsheet numbers it; 0 for the whole file), the field, the message. */
export const importIssues = pgTable(
  'import_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    field: text('field').notNull(),
    /** A key of the `errors` catalog, with its values ("duplicateInFile?row=5", lib/validation/messages.ts). */
    message: text('message').notNull(),
  },
  (t) => [index('import_issues_job_idx').on(t.jobId, t.rowNo, t.id)],
);
