import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { aidStandardRules, aidStandards, caseSteps, cases, orgUnits, payments } from '@/db/schema';
import {
  versionInForce,
  type AidKind,
  type AmountRule,
  type Frequency,
  type KindRule,
  type StandardCategory,
  type StandardVersion,
} from '@/lib/aid/standards';
import { repeatApplications, repeatPayments, type LedgerPayment, type OpenApplication } from '@/lib/aid/ledger';
import { notFound } from '@/lib/errors';
import type { CaseKind, CaseState, Step, StepActors } from '@/lib/workflow/case-workflow';
import { scopeOf, type Actor } from '@/lib/scope';
import { unitsWhere } from './scope';

/**
 * Who may see a case (cases joined to their org_units row): the applicant, officials of the
 * applicant's unit or above, leaders. Administrators run accounts and see none. Published cases
 * (公示) have their own masked read for everyone; objecting goes through `getPublishedCaseHead`.
 */
export function caseVisible(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`false`;
  if (actor.role === 'worker') return eq(cases.applicantId, actor.userId);
  return or(eq(cases.applicantId, actor.userId), unitsWhere(scopeOf(actor)) ?? sql`true`)!;
}

/**
 * What the actor may read or touch: what `caseVisible` allows, except other people's drafts. A
 * draft (and a draft withdrawn before submission) is the worker's private note until they submit
 * it, so for everyone but the applicant a case exists only once `submitted_at` is set. The case
 * page, its documents, the lists, the exports and every action read cases through this one rule.
 */
export function caseReadable(actor: Actor): SQL {
  return and(
    caseVisible(actor),
    or(eq(cases.applicantId, actor.userId), eq(cases.filedBy, actor.userId), isNotNull(cases.submittedAt)),
  )!;
}

/** What the workflow needs to judge a move, plus what the actions need to make it. */
export interface CaseHead {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  applicantId: number;
  filedBy: number | null;
  unitId: number;
  unitPath: string;
  householdId: number | null;
  state: CaseState;
  version: number;
  eventOn: string;
  eventKey: string;
  amountFen: number | null;
  computedFen: number | null;
  rule: AmountRule | null;
  frequency: Frequency | null;
  appliedOn: string | null;
  publicityEnd: string | null;
  submittedAt: Date | null;
  submitToken: string;
  stepActors: StepActors;
}

const headColumns = {
  id: cases.id,
  kind: cases.kind,
  aidKind: cases.aidKind,
  applicantId: cases.applicantId,
  filedBy: cases.filedBy,
  unitId: cases.unitId,
  unitPath: orgUnits.path,
  householdId: cases.householdId,
  state: cases.state,
  version: cases.version,
  eventOn: cases.eventOn,
  eventKey: cases.eventKey,
  amountFen: cases.amountFen,
  computedFen: cases.computedFen,
  rule: cases.rule,
  frequency: cases.frequency,
  appliedOn: cases.appliedOn,
  publicityEnd: cases.publicityEnd,
  submittedAt: cases.submittedAt,
  submitToken: cases.submitToken,
};

/** Who acted at which step so far, from the history (returns count: any decision is acting). */
export async function stepActorsOf(db: Queryable, caseId: number): Promise<StepActors> {
  const rows = await db
    .select({ step: caseSteps.step, actorId: caseSteps.actorId })
    .from(caseSteps)
    .where(and(eq(caseSteps.caseId, caseId), isNotNull(caseSteps.step), isNotNull(caseSteps.actorId)));
  const actors: Partial<Record<Step, number[]>> = {};
  for (const r of rows) {
    const ids = (actors[r.step!] ??= []);
    if (!ids.includes(r.actorId!)) ids.push(r.actorId!);
  }
  return actors;
}

async function head(db: Queryable, where: SQL | undefined): Promise<CaseHead> {
  // Read without a lock: the guarded UPDATE (state and version in its WHERE) decides who wins.
  const [row] = await db
    .select(headColumns)
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .where(where);
  if (!row) throw notFound();
  return { ...row, stepActors: await stepActorsOf(db, row.id) };
}

/** A case the actor may see; out of scope and missing are the same "not found". */
export function getCaseHead(db: Queryable, actor: Actor, id: number): Promise<CaseHead> {
  return head(db, and(eq(cases.id, id), caseReadable(actor)));
}

/** A case by the applicant's own client token (another person's token is "not found"). */
export function getOwnCaseByToken(db: Queryable, actor: Actor, token: string): Promise<CaseHead> {
  return head(db, and(eq(cases.submitToken, token), eq(cases.applicantId, actor.userId)));
}

/** A case in publicity: every signed-in person of the mine may read (masked) and object to it. */
export function getPublishedCaseHead(db: Queryable, id: number): Promise<CaseHead> {
  return head(db, and(eq(cases.id, id), eq(cases.state, 'in_publicity')));
}

/** The standard version in force on a date, with its rules, or null when there is none. */
export async function standardInForce(db: Queryable, date: string): Promise<StandardVersion | null> {
  const versions = await db
    .select({ id: aidStandards.id, name: aidStandards.name, effectiveOn: aidStandards.effectiveOn })
    .from(aidStandards)
    .where(lte(aidStandards.effectiveOn, date))
    .orderBy(desc(aidStandards.effectiveOn), desc(aidStandards.id))
    .limit(1);
  const found = versionInForce(versions, date);
  if (!found.ok) return null;
  const rules = await db
    .select()
    .from(aidStandardRules)
    .where(eq(aidStandardRules.standardId, found.version.id))
    .orderBy(asc(aidStandardRules.id));
  const kinds: Partial<Record<AidKind, KindRule>> = {};
  for (const r of rules) {
    const k = (kinds[r.kind] ??= { frequency: r.frequency, amounts: {} });
    // Cells with a variant (a stage, a tier) sit in their own table; '' is the kind's plain one.
    const amounts = r.variant ? ((k.variants ??= {})[r.variant] ??= {}) : k.amounts;
    amounts[r.category as StandardCategory] =
      r.ruleType === 'fixed'
        ? { type: 'fixed', fen: r.fixedFen! }
        : { type: 'range', minFen: r.minFen!, maxFen: r.maxFen!, suggestedFen: r.suggestedFen! };
  }
  return { ...found.version, kinds };
}

/** Everything paid to a household (or, without a file, to the applicant), for the ledger rules. */
/** The states of an application on its way: submitted and not yet paid, rejected or withdrawn. */
export const OPEN_STATES: readonly CaseState[] = [
  'submitted',
  'verified',
  'reviewed',
  'returned_from_verification',
  'returned_from_review',
  'returned_from_approval',
  'in_publicity',
  'ready_for_payment',
];

/** The household's (or the worker's own) applications still on their way, for the repeat warning. */
export async function openApplications(
  db: Queryable,
  c: Pick<CaseHead, 'householdId' | 'applicantId'>,
): Promise<(OpenApplication & { state: CaseState })[]> {
  const rows = await db
    .select({
      caseId: cases.id,
      kind: cases.aidKind,
      state: cases.state,
      eventKey: cases.eventKey,
      eventOn: cases.eventOn,
      appliedOn: cases.appliedOn,
    })
    .from(cases)
    .where(
      and(
        c.householdId
          ? or(eq(cases.householdId, c.householdId), eq(cases.applicantId, c.applicantId))
          : eq(cases.applicantId, c.applicantId),
        inArray(cases.state, [...OPEN_STATES]),
        eq(cases.kind, 'aid'),
      ),
    );
  return rows.flatMap((r) =>
    r.kind && r.appliedOn
      ? [
          {
            caseId: r.caseId,
            kind: r.kind,
            state: r.state,
            event: { key: r.eventKey || null, on: r.eventOn },
            appliedOn: r.appliedOn,
          },
        ]
      : [],
  );
}

/**
 * Whether this case repeats aid of its kind within its period: payments already made, and
 * applications still on their way. The case page shows both to every decider; approval and
 * payment need a written reason when either is non-empty.
 */
export async function repeatsOf(
  db: Queryable,
  c: Pick<
    CaseHead,
    'id' | 'kind' | 'householdId' | 'applicantId' | 'aidKind' | 'frequency' | 'appliedOn' | 'eventKey' | 'eventOn'
  >,
): Promise<{ paid: LedgerPayment[]; inProgress: (OpenApplication & { state: CaseState })[] }> {
  // Student aid and awards are per student, and the fund's own rules (once a school year) hold them.
  if (c.kind !== 'aid' || !c.aidKind || !c.frequency || !c.appliedOn) return { paid: [], inProgress: [] };
  const me = {
    caseId: c.id,
    kind: c.aidKind,
    event: { key: c.eventKey || null, on: c.eventOn },
    appliedOn: c.appliedOn,
  };
  const [paid, open] = await Promise.all([ledgerPayments(db, c), openApplications(db, c)]);
  return {
    paid: repeatPayments(paid, me, c.frequency),
    inProgress: repeatApplications(open, me, c.frequency) as (OpenApplication & { state: CaseState })[],
  };
}

export async function ledgerPayments(
  db: Queryable,
  c: Pick<CaseHead, 'householdId' | 'applicantId'>,
): Promise<LedgerPayment[]> {
  const rows = await db
    .select({
      caseId: cases.id,
      kind: cases.aidKind,
      eventKey: cases.eventKey,
      eventOn: cases.eventOn,
      paidOn: payments.paidOn,
      amountFen: payments.amountFen,
    })
    .from(payments)
    .innerJoin(cases, eq(cases.id, payments.caseId))
    // The household's file and the worker's own cases from before it was filed are one ledger.
    .where(
      c.householdId
        ? or(eq(cases.householdId, c.householdId), eq(cases.applicantId, c.applicantId))
        : eq(cases.applicantId, c.applicantId),
    );
  return rows
    .filter((r) => r.kind)
    .map((r) => ({
      caseId: r.caseId,
      kind: r.kind!,
      event: { key: r.eventKey || null, on: r.eventOn },
      paidOn: r.paidOn,
      amountFen: r.amountFen,
    }));
}
