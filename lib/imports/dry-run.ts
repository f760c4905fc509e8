import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  enrolableWorkers,
  enrolmentsOfMembers,
  holdersOfIdNumbers,
  peopleByEmployeeNo,
  registerWorkers,
  unitsByCode,
} from '@/db/queries/imports';
import { importIssues, importJobs, importRecords, type ImportKind } from '@/db/schema';
import type { ImportParams } from '@/db/schema/imports';
import { lookupHash } from '@/db/schema/pii';
import { writeAudit } from '@/lib/audit';
import { todayInChina } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { termVersion } from '@/lib/mutual-aid/enrolment';
import { enrolmentRefusal, sharesChangeable, type SchemeVersion } from '@/lib/mutual-aid/rules';
import { ROLE_UNIT_LEVEL } from '@/lib/roles';
import { scopeOf, unitInScope, type Actor } from '@/lib/scope';
import { withValues } from '@/lib/validation/messages';
import { mapHeader } from './columns';
import { FileProblem, MAX_DATA_ROWS, readSheet, type SheetRow } from './read';
import {
  checkEnrolmentRow,
  checkHouseholdRow,
  checkRosterRow,
  duplicateOf,
  FirstSeen,
  MAX_MEMBERS,
  sameHousehold,
  type HouseholdFields,
  type EnrolmentRow,
  type Issue,
  type MemberRecord,
  type RowValues,
} from './rules';

/** Rows checked against the database and written to staging together. */
const BATCH = 1000;

/** What the import applies for one roster row. */
export interface StagedPerson {
  employeeNo: string;
  name: string;
  unitId: number;
  idNumber: string | null;
  phone: string | null;
}

/** What the import applies for one enrolment row (the member is looked up again when applied). */
export interface StagedEnrolment {
  employeeNo: string;
  memberId: number;
  shares: number;
}

/** What the import applies for one household (its rows together). */
export interface StagedHousehold extends HouseholdFields {
  employeeNo: string;
  workerId: number;
  unitId: number;
  members: MemberRecord[];
}

interface Pending<T> {
  rowNo: number;
  /** Every row of the record (a household spans several), for counting rows with problems. */
  rows: number[];
  record: T | null;
  issues: (Issue & { rowNo: number })[];
  /** A roster row's unit as written, resolved against the units in its batch. */
  unitCode?: string;
  /** An enrolment row as written: its name and ID number are checked against the worker, not staged. */
  given?: EnrolmentRow;
}

/** Accumulates one job's problems and records, writing them a batch at a time. */
class Sink {
  seq = 0;
  rowsWithIssues = new Set<number>();
  issueCount = 0;

  constructor(
    private readonly db: Database,
    private readonly jobId: number,
  ) {}

  async write(batch: Pending<{ employeeNo: string }>[]) {
    const issues = batch.flatMap((p) => p.issues);
    for (const i of issues) this.rowsWithIssues.add(i.rowNo);
    this.issueCount += issues.length;
    const records = batch.filter((p) => p.record && !p.issues.length);
    await this.db.transaction(async (tx) => {
      if (issues.length) {
        await tx
          .insert(importIssues)
          .values(issues.map((i) => ({ jobId: this.jobId, rowNo: i.rowNo, field: i.field, message: i.message })));
      }
      // Once a problem is found nothing will be imported, so records are staged only while there is none.
      if (records.length && this.issueCount === 0) {
        await tx.insert(importRecords).values(
          records.map((p) => ({
            jobId: this.jobId,
            seq: ++this.seq,
            rowNo: p.rowNo,
            employeeNo: p.record!.employeeNo,
            data: p.record,
          })),
        );
      }
    });
  }

  fileIssue(message: string, rowNo = 0, field = '') {
    return this.write([{ rowNo, rows: [rowNo], record: null, issues: [{ rowNo, field, message }] }]);
  }
}

const rowValues = (keys: (string | null)[], row: SheetRow, issues: (Issue & { rowNo: number })[]): RowValues => {
  const values: RowValues = {};
  row.cells.forEach((cell, i) => {
    const key = keys[i];
    if (!key) return;
    if (cell.formula) issues.push({ rowNo: row.rowNo, field: key, message: 'formulaNotAllowed' });
    else values[key] = cell.text;
  });
  return values;
};

const blank = (row: SheetRow) => row.cells.every((c) => !c.text.trim() && !c.formula);

/** Roster rows against the database and the actor's scope, a batch at a time. */
function rosterChecker(db: Database, actor: Actor) {
  const scope = scopeOf(actor);
  const byNo = new FirstSeen();
  const byId = new FirstSeen();
  let units: Awaited<ReturnType<typeof unitsByCode>> | undefined;
  return {
    row(rowNo: number, values: RowValues, issues: (Issue & { rowNo: number })[]): Pending<StagedPerson> {
      const { record, issues: own } = checkRosterRow(values);
      const all = [...issues, ...own.map((i) => ({ ...i, rowNo }))];
      const pending: Pending<StagedPerson> = { rowNo, rows: [rowNo], record: null, issues: all };
      if (!record) return pending;
      const dupNo = byNo.claim(record.employeeNo, rowNo);
      if (dupNo) all.push({ rowNo, field: 'employeeNo', message: duplicateOf(dupNo) });
      const dupId = record.idNumber ? byId.claim(record.idNumber, rowNo) : null;
      if (dupId) all.push({ rowNo, field: 'idNumber', message: duplicateOf(dupId) });
      const { unitCode, ...person } = record;
      return { ...pending, unitCode, record: { ...person, unitId: 0 } };
    },
    async batch(batch: Pending<StagedPerson>[]) {
      units ??= await unitsByCode(db);
      const live = batch.filter((p) => p.record);
      const nos = live.map((p) => p.record!.employeeNo);
      const existing = new Map((await peopleByEmployeeNo(db, nos)).map((p) => [p.employeeNo, p]));
      const ids = live.map((p) => p.record!.idNumber).filter((v): v is string => !!v);
      const holders = new Map((await holdersOfIdNumbers(db, ids)).map((h) => [h.idNumber!, h.employeeNo]));
      for (const p of live) {
        const r = p.record!;
        const unit = units.get(p.unitCode!);
        if (!unit) p.issues.push({ rowNo: p.rowNo, field: 'unitCode', message: 'unitUnknown' });
        else if (!unitInScope(scope, unit.path))
          p.issues.push({ rowNo: p.rowNo, field: 'unitCode', message: 'unitNotInScope' });
        else if (!ROLE_UNIT_LEVEL.worker.includes(unit.level))
          p.issues.push({ rowNo: p.rowNo, field: 'unitCode', message: 'unitWrongForWorker' });
        else r.unitId = unit.id;
        const person = existing.get(r.employeeNo);
        if (person && person.role !== 'worker')
          p.issues.push({ rowNo: p.rowNo, field: 'employeeNo', message: 'notAWorker' });
        const holder = r.idNumber ? holders.get(r.idNumber) : undefined;
        if (holder && holder !== r.employeeNo)
          p.issues.push({ rowNo: p.rowNo, field: 'idNumber', message: 'idNumberTaken' });
      }
    },
  };
}

/**
 * The scheme-year an enrolment list is for, as the enrol action takes it (the scheme must have a
 * version for the term and joining must be open today); its refusal is the whole file's problem.
 */
async function enrolmentVersion(
  db: Database,
  params: ImportParams,
): Promise<{ v: SchemeVersion; year: number } | { message: string }> {
  const { schemeId, year } = params;
  if (!schemeId || !year) return { message: 'importSchemeYearRequired' };
  try {
    return { v: await termVersion(db, schemeId, year, todayInChina()), year };
  } catch (err) {
    if (!(err instanceof AppError) || !err.fieldErrors) throw err;
    return { message: Object.values(err.fieldErrors)[0][0] };
  }
}

/**
 * Enrolment rows: each names a worker the actor may enrol, by employee number, with the roster's
 * name and (if given) ID number, and shares the scheme allows. A member already on the list with
 * the same shares is unchanged; other shares are a change, allowed while the enrolment is unpaid
 * and unconfirmed.
 */
function enrolmentChecker(db: Database, actor: Actor, v: SchemeVersion, year: number) {
  const seen = new FirstSeen();
  return {
    row(rowNo: number, values: RowValues, issues: (Issue & { rowNo: number })[]): Pending<StagedEnrolment> {
      const { record, issues: own } = checkEnrolmentRow(values);
      const all = [...issues, ...own.map((i) => ({ ...i, rowNo }))];
      const pending: Pending<StagedEnrolment> = { rowNo, rows: [rowNo], record: null, issues: all };
      if (!record) return pending;
      const dup = seen.claim(record.employeeNo, rowNo);
      if (dup) all.push({ rowNo, field: 'employeeNo', message: duplicateOf(dup) });
      return {
        ...pending,
        record: { employeeNo: record.employeeNo, memberId: 0, shares: record.shares },
        given: record,
      };
    },
    async batch(batch: Pending<StagedEnrolment>[]) {
      const live = batch.filter((p) => p.record);
      const workers = new Map(
        (
          await enrolableWorkers(
            db,
            actor,
            live.map((p) => p.record!.employeeNo),
          )
        ).map((w) => [w.employeeNo, w]),
      );
      const enrolled = new Map(
        (
          await enrolmentsOfMembers(
            db,
            v.schemeId,
            year,
            [...workers.values()].map((w) => w.id),
          )
        ).map((e) => [e.memberId, e]),
      );
      for (const p of live) {
        const r = p.given!;
        const w = workers.get(r.employeeNo);
        // Unknown and out of scope read the same: the actor learns nothing of workers outside their units.
        if (!w) {
          p.issues.push({ rowNo: p.rowNo, field: 'employeeNo', message: 'enrolWorkerUnknown' });
          continue;
        }
        if (w.name !== r.name) p.issues.push({ rowNo: p.rowNo, field: 'name', message: 'nameMismatch' });
        if (r.idNumber && w.idNumberHash !== lookupHash('idNumber', r.idNumber))
          p.issues.push({ rowNo: p.rowNo, field: 'idNumber', message: 'idNumberMismatch' });
        const refused = enrolmentRefusal(v, r.shares, w.idNumber);
        if (refused)
          p.issues.push({
            rowNo: p.rowNo,
            field: refused.field === 'shares' ? 'shares' : 'employeeNo',
            message: refused.message,
          });
        const e = enrolled.get(w.id);
        if (e && e.shares !== r.shares && !sharesChangeable(e.state, e.contributionStatus))
          p.issues.push({ rowNo: p.rowNo, field: 'shares', message: 'enrolmentLocked' });
        p.record!.memberId = w.id;
      }
    },
  };
}

/**
 * Register rows: a household is the run of consecutive rows of one worker. The run is closed (and
 * handed on as one record) when a row of another worker starts; the same worker again later is a
 * duplicate, so only the open run is ever held.
 */
function householdChecker(db: Database, actor: Actor) {
  const seen = new FirstSeen();
  let open: Pending<StagedHousehold> | null = null;
  let openNo: string | null = null;
  let openHead: HouseholdFields | null = null;
  const close = () => {
    const done = open;
    open = null;
    openNo = null;
    if (done?.record && done.record.members.length > MAX_MEMBERS)
      done.issues.push({
        rowNo: done.rowNo,
        field: 'memberName',
        message: withValues('tooMany', { max: MAX_MEMBERS }),
      });
    return done;
  };
  return {
    /** The row's household closed by this row, if any. */
    row(rowNo: number, values: RowValues, issues: (Issue & { rowNo: number })[]): Pending<StagedHousehold> | null {
      const { employeeNo, head, member, issues: own } = checkHouseholdRow(values);
      const all = [...issues, ...own.map((i) => ({ ...i, rowNo }))];
      if (employeeNo && employeeNo === openNo && open) {
        open.rows.push(rowNo);
        open.issues.push(...all);
        if (head && openHead && !sameHousehold(head, openHead))
          open.issues.push({ rowNo, field: 'employeeNo', message: 'householdFieldsDiffer' });
        if (member && open.record) open.record.members.push(member);
        return null;
      }
      const closed = close();
      open = { rowNo, rows: [rowNo], record: null, issues: all };
      openNo = employeeNo;
      openHead = head;
      if (!employeeNo) return closed;
      const dup = seen.claim(employeeNo, rowNo);
      if (dup) all.push({ rowNo, field: 'employeeNo', message: duplicateOf(dup) });
      if (!head) {
        for (const f of ['category', 'keepingLevel', 'causes', 'address', 'phone'])
          all.push({ rowNo, field: f, message: 'required' });
      } else if (!own.length) {
        open.record = { ...head, employeeNo, workerId: 0, unitId: 0, members: member ? [member] : [] };
      }
      return closed;
    },
    end: () => close(),
    async batch(batch: Pending<StagedHousehold>[]) {
      const live = batch.filter((p) => p.record);
      const workers = new Map(
        (
          await registerWorkers(
            db,
            actor,
            live.map((p) => p.record!.employeeNo),
          )
        ).map((w) => [w.employeeNo, w]),
      );
      for (const p of live) {
        const w = workers.get(p.record!.employeeNo);
        if (!w) p.issues.push({ rowNo: p.rowNo, field: 'employeeNo', message: 'workerNotInScope' });
        else Object.assign(p.record!, { workerId: w.id, unitId: w.unitId });
      }
    },
  };
}

/**
 * Checked files nobody imported within a day: their staged records hold personal data in the
 * clear, so they are dropped (the job says "expired"; uploading again starts afresh). Runs at
 * every upload: a cheap indexed statement.
 */
async function expireStaleJobs(db: Database) {
  await db.transaction(async (tx) => {
    const stale = await tx
      .update(importJobs)
      .set({ status: 'expired' })
      .where(and(eq(importJobs.status, 'ready'), lt(importJobs.createdAt, sql`now() - interval '1 day'`)))
      .returning({ id: importJobs.id });
    if (stale.length)
      await tx.delete(importRecords).where(
        inArray(
          importRecords.jobId,
          stale.map((j) => j.id),
        ),
      );
  });
}

/** The job's choices were refused before the file was read (the problem is already in the report). */
class Refused extends Error {}

/** Hashes the upload as it streams past, to name the file in the audit log. */
async function* hashing(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>) {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * The dry run: reads the upload once, as it streams, checks every row (its own rules, then a
 * batch at a time against the database and the actor's scope), and stores the problems (the
 * report) and, when there are none, the checked records the import will apply. Writes nothing
 * else. Returns the job's id; its status says whether it can be imported.
 */
export async function dryRun(
  db: Database,
  actor: Actor,
  kind: ImportKind,
  fileName: string,
  source: AsyncIterable<Uint8Array>,
  params: ImportParams = {},
): Promise<number> {
  await expireStaleJobs(db);
  const [{ id: jobId }] = await db
    .insert(importJobs)
    .values({ kind, actorId: actor.userId, fileName: fileName.slice(0, 200), params })
    .returning({ id: importJobs.id });
  const sink = new Sink(db, jobId);
  const hash = createHash('sha256');
  let rowsTotal = 0;
  try {
    const roster = kind === 'roster' ? rosterChecker(db, actor) : null;
    const register = kind === 'households' ? householdChecker(db, actor) : null;
    let enrolments: ReturnType<typeof enrolmentChecker> | null = null;
    if (kind === 'enrolments') {
      const chosen = await enrolmentVersion(db, params);
      if (!('v' in chosen)) {
        await sink.fileIssue(chosen.message);
        throw new Refused();
      }
      enrolments = enrolmentChecker(db, actor, chosen.v, chosen.year);
    }
    let batch: Pending<{ employeeNo: string }>[] = [];
    const flush = async () => {
      if (roster) await roster.batch(batch as Pending<StagedPerson>[]);
      if (register) await register.batch(batch as Pending<StagedHousehold>[]);
      if (enrolments) await enrolments.batch(batch as Pending<StagedEnrolment>[]);
      await sink.write(batch);
      batch = [];
    };
    let keys: (string | null)[] | null = null;
    for await (const row of readSheet(hashing(source, hash))) {
      if (!keys) {
        if (blank(row)) continue;
        const header = mapHeader(
          kind,
          row.cells.map((c) => c.text),
        );
        if (!header.ok) {
          await sink.fileIssue(
            withValues('wrongTemplate', { missing: header.missing.join(', '), unknown: header.unknown.join(', ') }),
            row.rowNo,
          );
          break;
        }
        keys = header.keys;
        continue;
      }
      if (blank(row)) continue;
      if (++rowsTotal > MAX_DATA_ROWS) {
        rowsTotal = MAX_DATA_ROWS;
        await sink.fileIssue(withValues('tooManyRows', { max: MAX_DATA_ROWS }), row.rowNo);
        break;
      }
      const formulaIssues: (Issue & { rowNo: number })[] = [];
      const values = rowValues(keys, row, formulaIssues);
      if (roster) batch.push(roster.row(row.rowNo, values, formulaIssues));
      if (enrolments) batch.push(enrolments.row(row.rowNo, values, formulaIssues));
      if (register) {
        const closed = register.row(row.rowNo, values, formulaIssues);
        if (closed) batch.push(closed);
      }
      if (batch.length >= BATCH) await flush();
    }
    const last = register?.end();
    if (last) batch.push(last);
    await flush();
    if (!keys && sink.issueCount === 0) await sink.fileIssue('fileEmpty');
    else if (keys && rowsTotal === 0 && sink.issueCount === 0) await sink.fileIssue('fileNoRows');
  } catch (err) {
    if (err instanceof Refused) {
      // Already reported; the file is not read.
    } else if (!(err instanceof FileProblem)) throw err;
    else await sink.fileIssue(`file_${err.code}`);
  }
  const ok = sink.issueCount === 0;
  await db.transaction(async (tx) => {
    // A file with problems imports nothing: its staged records are dropped at once.
    if (!ok) await tx.delete(importRecords).where(eq(importRecords.jobId, jobId));
    await tx
      .update(importJobs)
      .set({
        status: ok ? 'ready' : 'invalid',
        fileSha256: hash.digest('hex'),
        rowsTotal,
        rowsWithIssues: sink.rowsWithIssues.size,
        recordsTotal: ok ? sink.seq : 0,
      })
      .where(eq(importJobs.id, jobId));
    await writeAudit(tx, actor.userId, {
      action: 'import.dryRun',
      entity: 'import_job',
      entityId: jobId,
      after: {
        kind,
        fileName,
        ...params,
        rows: rowsTotal,
        rowsWithIssues: sink.rowsWithIssues.size,
        issues: sink.issueCount,
      },
    });
  });
  return jobId;
}
