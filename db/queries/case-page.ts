import 'server-only';
import { aliasedTable, and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { aidStandards, caseSteps, cases, notifications, objections, orgUnits, payments, users } from '@/db/schema';
import {
  receivedInYear,
  repeatApplications,
  repeatPayments,
  type LedgerPayment,
  type OpenApplication,
} from '@/lib/aid/ledger';
import type { AidKind, AmountRule, Frequency, StandardCategory } from '@/lib/aid/standards';
import { abilitiesOf, type CaseAbilities } from '@/lib/cases/abilities';
import { todayInChina } from '@/lib/dates';
import { notFound } from '@/lib/errors';
import type { Fen } from '@/lib/money';
import type { Role } from '@/lib/roles';
import type { Actor } from '@/lib/scope';
import { caseFactsOf, type CaseAction, type CaseKind, type CaseState, type Step } from '@/lib/workflow/case-workflow';
import { budgetFor, type BudgetLeft } from './budgets';
import { caseReadable, ledgerPayments, openApplications, stepActorsOf } from './cases';
import { listCaseDocuments, type DocumentInfo } from './documents';

/**
 * The case page's read (and the printed form's): everything about one case for someone who may
 * read it — history, objections, documents, the household's ledger, the budget a payment would
 * draw on, what the actor may do now. DTOs only: never an ID number, a hash or the submit token.
 */

export interface HistoryEntry {
  id: number;
  step: Step | null;
  action: CaseAction;
  fromState: CaseState;
  toState: CaseState;
  /** Null for the system's own moves (the publicity window closing). */
  actorName: string | null;
  actorRole: Role | null;
  /** Whether the viewer took this step. */
  byViewer: boolean;
  comment: string;
  at: Date;
}

export interface ObjectionEntry {
  id: number;
  byName: string;
  reason: string;
  status: 'pending' | 'upheld' | 'dismissed';
  decidedByName: string | null;
  decision: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface LedgerEntry {
  caseId: number;
  kind: AidKind;
  paidOn: string;
  amountFen: Fen;
}

/** The household aid ledger (一户一账) as the case page shows it. */
export interface LedgerView {
  /** Whether the ledger is the household file's, or the applicant's own (no file). */
  byHousehold: boolean;
  year: number;
  totalFen: Fen;
  count: number;
  byKind: { kind: AidKind; fen: Fen }[];
  /** Every payment, newest first. */
  payments: LedgerEntry[];
  /** Payments of the same kind within this case's period (once per event, once a year). */
  repeats: LedgerEntry[];
  /** Other applications of the same kind within the period, still on their way. */
  repeatsInProgress: { caseId: number; state: CaseState; appliedOn: string }[];
}

export interface CaseView {
  id: number;
  kind: CaseKind;
  aidKind: AidKind | null;
  state: CaseState;
  version: number;
  applicant: { name: string; employeeNo: string };
  isApplicant: boolean;
  unitName: string;
  /** The unit with the units above it, e.g. "矿工会 / 采矿场 / 一采区". */
  unitChain: string;
  eventOn: string;
  eventKey: string;
  whatHappened: string;
  familySituation: string;
  helpAsked: string;
  appliedOn: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  amount: {
    amountFen: Fen | null;
    computedFen: Fen | null;
    rule: AmountRule | null;
    frequency: Frequency | null;
    category: StandardCategory | null;
    /** The approver's written reason when they chose another amount than the computed one. */
    reason: string | null;
    standard: { name: string; effectiveOn: string } | null;
  };
  publicity: { start: string; end: string } | null;
  payment: {
    paidOn: string;
    method: 'bank_transfer' | 'cash';
    reference: string;
    amountFen: Fen;
    repeatReason: string | null;
    recordedByName: string;
  } | null;
  history: HistoryEntry[];
  /** Null for those who may not read objections (the applicant; workers). */
  objections: ObjectionEntry[] | null;
  documents: DocumentInfo[];
  ledger: LedgerView | null;
  /** The budget a payment would draw on this year; only for those who may pay. */
  budget: BudgetLeft | null;
  /** Why the case came back to the applicant, when it did. */
  returned: { step: Step | null; comment: string; at: Date } | null;
  /** The actor's unread notifications about this case. */
  unread: number;
  can: CaseAbilities;
}

const unitChain = sql<string>`(SELECT string_agg(u.name, ' / ' ORDER BY length(u.path)) FROM ${orgUnits} u WHERE starts_with(${orgUnits.path}, u.path))`;

function ledgerView(
  all: LedgerPayment[],
  open: OpenApplication[],
  c: {
    id: number;
    aidKind: AidKind | null;
    eventKey: string;
    eventOn: string;
    appliedOn: string | null;
    frequency: Frequency | null;
    householdId: number | null;
  },
  year: number,
): LedgerView {
  const entry = (p: LedgerPayment): LedgerEntry => ({
    caseId: p.caseId,
    kind: p.kind,
    paidOn: p.paidOn,
    amountFen: p.amountFen,
  });
  const received = receivedInYear(all, year);
  const me =
    c.aidKind && c.frequency && c.appliedOn
      ? { caseId: c.id, kind: c.aidKind, event: { key: c.eventKey || null, on: c.eventOn }, appliedOn: c.appliedOn }
      : null;
  const repeats = me && c.frequency ? repeatPayments(all, me, c.frequency) : [];
  const inProgress = me && c.frequency ? repeatApplications(open, me, c.frequency) : [];
  return {
    byHousehold: c.householdId !== null,
    year,
    totalFen: received.totalFen,
    count: received.count,
    byKind: Object.entries(received.byKind).map(([kind, fen]) => ({ kind: kind as AidKind, fen: fen! })),
    payments: [...all].sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.caseId - a.caseId).map(entry),
    repeats: repeats.map(entry),
    repeatsInProgress: inProgress.map((o) => ({
      caseId: o.caseId,
      state: (o as OpenApplication & { state: CaseState }).state,
      appliedOn: o.appliedOn,
    })),
  };
}

function objectionsOf(db: Queryable, caseId: number): Promise<ObjectionEntry[]> {
  const decidedBy = aliasedTable(users, 'decided_by');
  return db
    .select({
      id: objections.id,
      byName: users.name,
      reason: objections.reason,
      status: objections.status,
      decidedByName: decidedBy.name,
      decision: objections.decision,
      decidedAt: objections.decidedAt,
      createdAt: objections.createdAt,
    })
    .from(objections)
    .innerJoin(users, eq(users.id, objections.byId))
    .leftJoin(decidedBy, eq(decidedBy.id, objections.decidedBy))
    .where(eq(objections.caseId, caseId))
    .orderBy(asc(objections.createdAt), asc(objections.id));
}

/** Everything the case page and the printed form show, for someone who may read the case; else not found. */
export async function getCaseView(db: Queryable, actor: Actor, id: number): Promise<CaseView> {
  const [c] = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      aidKind: cases.aidKind,
      state: cases.state,
      version: cases.version,
      applicantId: cases.applicantId,
      filedBy: cases.filedBy,
      applicantName: users.name,
      employeeNo: users.employeeNo,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      unitChain,
      householdId: cases.householdId,
      category: cases.category,
      eventOn: cases.eventOn,
      eventKey: cases.eventKey,
      whatHappened: cases.whatHappened,
      familySituation: cases.familySituation,
      helpAsked: cases.helpAsked,
      appliedOn: cases.appliedOn,
      submittedAt: cases.submittedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      amountFen: cases.amountFen,
      computedFen: cases.computedFen,
      rule: cases.rule,
      frequency: cases.frequency,
      amountReason: cases.amountReason,
      standardName: aidStandards.name,
      standardEffectiveOn: aidStandards.effectiveOn,
      publicityStart: cases.publicityStart,
      publicityEnd: cases.publicityEnd,
    })
    .from(cases)
    .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(aidStandards, eq(aidStandards.id, cases.standardId))
    .where(and(eq(cases.id, id), caseReadable(actor)));
  if (!c) throw notFound();

  const isApplicant = c.applicantId === actor.userId;
  const seesObjections = !isApplicant && actor.role !== 'worker';
  const year = Number(todayInChina().slice(0, 4));
  const [stepActors, history, documents, objectionRows, paymentRows, ledger, [{ unread }]] = await Promise.all([
    stepActorsOf(db, id),
    db
      .select({
        id: caseSteps.id,
        step: caseSteps.step,
        action: caseSteps.action,
        fromState: caseSteps.fromState,
        toState: caseSteps.toState,
        actorName: users.name,
        actorRole: users.role,
        byViewer: sql<boolean>`coalesce(${caseSteps.actorId} = ${actor.userId}, false)`,
        comment: caseSteps.comment,
        at: caseSteps.at,
      })
      .from(caseSteps)
      .leftJoin(users, eq(users.id, caseSteps.actorId))
      .where(eq(caseSteps.caseId, id))
      .orderBy(asc(caseSteps.at), asc(caseSteps.id)),
    listCaseDocuments(db, id),
    objectionsOf(db, id),
    db
      .select({
        paidOn: payments.paidOn,
        method: payments.method,
        reference: payments.reference,
        amountFen: payments.amountFen,
        repeatReason: payments.repeatReason,
        recordedByName: users.name,
      })
      .from(payments)
      .innerJoin(users, eq(users.id, payments.recordedBy))
      .where(eq(payments.caseId, id)),
    c.aidKind
      ? Promise.all([ledgerPayments(db, c), c.kind === 'aid' ? openApplications(db, c) : Promise.resolve([])])
      : Promise.resolve(null),
    db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.caseId, id), isNull(notifications.readAt))),
  ]);

  const facts = caseFactsOf({ ...c, stepActors });
  const pending = objectionRows.filter((o) => o.status === 'pending').length;
  const can = abilitiesOf(actor, facts, pending);
  const lastReturn = c.state.startsWith('returned_') ? history.findLast((h) => h.action === 'return') : undefined;

  return {
    id: c.id,
    kind: c.kind,
    aidKind: c.aidKind,
    state: c.state,
    version: c.version,
    applicant: { name: c.applicantName, employeeNo: c.employeeNo },
    isApplicant,
    unitName: c.unitName,
    unitChain: c.unitChain ?? c.unitName,
    eventOn: c.eventOn,
    eventKey: c.eventKey,
    whatHappened: c.whatHappened,
    familySituation: c.familySituation,
    helpAsked: c.helpAsked,
    appliedOn: c.appliedOn,
    submittedAt: c.submittedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    amount: {
      amountFen: c.amountFen,
      computedFen: c.computedFen,
      rule: c.rule,
      frequency: c.frequency,
      category: c.category as StandardCategory | null,
      reason: c.amountReason,
      standard:
        c.standardName && c.standardEffectiveOn ? { name: c.standardName, effectiveOn: c.standardEffectiveOn } : null,
    },
    publicity: c.publicityStart && c.publicityEnd ? { start: c.publicityStart, end: c.publicityEnd } : null,
    payment: paymentRows[0] ?? null,
    history,
    objections: seesObjections ? objectionRows : null,
    documents,
    ledger: ledger ? ledgerView(ledger[0], ledger[1], c, year) : null,
    budget: can.pay && c.aidKind ? await budgetFor(db, c.aidKind, c.unitPath, year) : null,
    returned: lastReturn ? { step: lastReturn.step, comment: lastReturn.comment, at: lastReturn.at } : null,
    unread,
    can,
  };
}
