import 'server-only';
import { differenceInYears, parseISO } from 'date-fns';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { caseSteps, cases, householdMembers, households, type Category } from '@/db/schema';
import {
  computeAmount,
  HARDSHIP_KINDS,
  NO_FILE,
  type AidKind,
  type AmountRefusal,
  type AmountRule,
  type Frequency,
  type StandardCategory,
} from '@/lib/aid/standards';
import { conflict, notFound } from '@/lib/errors';
import { formatFen } from '@/lib/money';
import type { Actor } from '@/lib/scope';
import { CASE_STATES, waitingOn, type CaseState, type Step } from '@/lib/workflow/case-workflow';
import { listCaseDocuments, type DocumentInfo } from './documents';
import { standardInForce } from './cases';

/** The states in which the applicant holds the case and may still change it: a draft, or returned for more information. */
export const APPLICANT_EDITABLE: readonly CaseState[] = CASE_STATES.filter((s) => waitingOn(s) === 'applicant');

export interface HouseholdFacts {
  category: Category;
  monthlyIncomeFen: number;
  housing: string;
  members: {
    id: number;
    name: string;
    relation: string;
    birthDate: string;
    health: string;
    schoolOrWork: string;
    monthlyIncomeFen: number;
  }[];
}

/** What the form says about one kind: how often it is paid and what this household would get today. */
export interface KindOffer {
  kind: AidKind;
  frequency: Frequency | null;
  rule: AmountRule | null;
  refusal: AmountRefusal | 'noStandardInForce' | null;
}

export interface ApplyContext {
  /** The category the standard applies to: the active file's, else 'none'. */
  category: StandardCategory;
  standard: { name: string; effectiveOn: string } | null;
  kinds: KindOffer[];
  /** The file's family members, to name the one a bereavement is about. */
  members: { id: number; name: string; relation: string }[];
  /** The worker's own active file, for the prefilled family situation (stays on the server). */
  household: HouseholdFacts | null;
}

/**
 * The worker's own active household file, or null. A file that has left the register (脱困)
 * describes a past situation, so it neither prefills nor sets the category, as at submission.
 * The file's internal notes are never read here: they are the officials' own.
 */
async function ownActiveHousehold(db: Queryable, actor: Actor): Promise<HouseholdFacts | null> {
  const [h] = await db
    .select({
      id: households.id,
      category: households.category,
      monthlyIncomeFen: households.monthlyIncomeFen,
      housing: households.housing,
    })
    .from(households)
    .where(and(eq(households.workerId, actor.userId), eq(households.status, 'active')));
  if (!h) return null;
  const members = await db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      relation: householdMembers.relation,
      birthDate: householdMembers.birthDate,
      health: householdMembers.health,
      schoolOrWork: householdMembers.schoolOrWork,
      monthlyIncomeFen: householdMembers.monthlyIncomeFen,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, h.id))
    .orderBy(asc(householdMembers.id));
  return { category: h.category, monthlyIncomeFen: h.monthlyIncomeFen, housing: h.housing, members };
}

/** Everything the application form needs to know before the worker types anything. */
export async function getApplyContext(db: Queryable, actor: Actor, today: string): Promise<ApplyContext> {
  const [household, standard] = await Promise.all([ownActiveHousehold(db, actor), standardInForce(db, today)]);
  const category: StandardCategory = household?.category ?? NO_FILE;
  const kinds = HARDSHIP_KINDS.map((kind): KindOffer => {
    if (!standard) return { kind, frequency: null, rule: null, refusal: 'noStandardInForce' };
    const computed = computeAmount(standard, kind, category);
    if (computed.ok) return { kind, frequency: computed.amount.frequency, rule: computed.amount.rule, refusal: null };
    return { kind, frequency: standard.kinds[kind]?.frequency ?? null, rule: null, refusal: computed.reason };
  });
  const members = (household?.members ?? []).map(({ id, name, relation }) => ({ id, name, relation }));
  return {
    category,
    standard: standard && { name: standard.name, effectiveOn: standard.effectiveOn },
    kinds,
    members,
    household,
  };
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The family situation as editable text, composed from the household file in the reader's
 * language, so the worker starts from what the union already knows and corrects it.
 */
export function composeFamilySituation(h: HouseholdFacts, t: Translate, today: string): string {
  const sep = t('apply.family.separator');
  const member = (m: HouseholdFacts['members'][number]) =>
    [
      `${t(`register.relations.${m.relation}`)} ${m.name}`,
      t('apply.family.age', { age: differenceInYears(parseISO(today), parseISO(m.birthDate)) }),
      m.health,
      m.schoolOrWork,
      m.monthlyIncomeFen > 0 ? t('apply.family.memberIncome', { amount: formatFen(m.monthlyIncomeFen) }) : '',
    ]
      .filter(Boolean)
      .join(sep);
  return [
    t('apply.family.category', { category: t(`register.categories.${h.category}`) }),
    t('apply.family.income', { amount: formatFen(h.monthlyIncomeFen) }),
    h.housing ? t('apply.family.housing', { housing: h.housing }) : '',
    h.members.length
      ? [t('apply.family.members'), ...h.members.map((m) => `- ${member(m)}`)].join('\n')
      : t('apply.family.noMembers'),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The step that last returned a case to the applicant, and what it asked for. */
export interface ReturnNote {
  step: Step | null;
  comment: string;
  at: Date;
}

export interface EditableCase {
  id: number;
  state: CaseState;
  version: number;
  token: string;
  aidKind: AidKind;
  eventOn: string;
  eventKey: string;
  whatHappened: string;
  helpAsked: string;
  familySituation: string;
  /** Kept from the submission of a returned case (the amount does not change on resubmission). */
  category: StandardCategory | null;
  amountFen: number | null;
  rule: AmountRule | null;
  frequency: Frequency | null;
  returnNote: ReturnNote | null;
  documents: DocumentInfo[];
}

/**
 * The applicant's own aid application while they may still change it. Someone else's case, a
 * case past the applicant, or a student case (their own form) all answer "not found".
 */
export async function getOwnEditableCase(db: Queryable, actor: Actor, id: number): Promise<EditableCase> {
  const [c] = await db
    .select({
      id: cases.id,
      kind: cases.kind,
      state: cases.state,
      version: cases.version,
      token: cases.submitToken,
      aidKind: cases.aidKind,
      eventOn: cases.eventOn,
      eventKey: cases.eventKey,
      whatHappened: cases.whatHappened,
      helpAsked: cases.helpAsked,
      familySituation: cases.familySituation,
      category: cases.category,
      amountFen: cases.amountFen,
      rule: cases.rule,
      frequency: cases.frequency,
    })
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.applicantId, actor.userId)));
  if (!c || c.kind !== 'aid' || !c.aidKind || !APPLICANT_EDITABLE.includes(c.state)) throw notFound();
  const [returned] =
    c.state === 'draft'
      ? []
      : await db
          .select({ step: caseSteps.step, comment: caseSteps.comment, at: caseSteps.at })
          .from(caseSteps)
          .where(and(eq(caseSteps.caseId, id), eq(caseSteps.action, 'return')))
          .orderBy(desc(caseSteps.at), desc(caseSteps.id))
          .limit(1);
  const { kind: _kind, aidKind, category, ...rest } = c;
  return {
    ...rest,
    aidKind,
    category: category as StandardCategory | null,
    returnNote: returned ?? null,
    documents: await listCaseDocuments(db, id),
  };
}

/**
 * Takes the applicant's own editable case for a document change: the row lock (FOR UPDATE) makes
 * two uploads at once take turns, so the count each one makes before inserting is the real one,
 * and a resubmission cannot slip between the check and the insert.
 */
export async function lockOwnEditableCase(tx: Tx, actor: Actor, caseId: number): Promise<{ id: number }> {
  const [c] = await tx
    .select({ id: cases.id, state: cases.state })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.applicantId, actor.userId)))
    .for('update');
  if (!c) throw notFound();
  if (!APPLICANT_EDITABLE.includes(c.state)) throw conflict('caseNotEditable');
  return { id: c.id };
}
