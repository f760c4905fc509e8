import { z } from 'zod';
import { todayInChina } from '@/lib/dates';
import { birthDateOf, idNumberError, normalizeIdNumber } from '@/lib/id-number';
import { AWARD_TIERS, MAX_GRADE, schoolingProblems, schoolYearOf, STAGES } from '@/lib/students/stages';
import { id, optionalPositiveYuan, optionalText, personName, requiredText, yuanToFen } from './common';
import { withValues } from './messages';

/**
 * The Dream Come True fund's forms (圆梦行动). Messages are keys of the `errors` catalog; the rules
 * that need "today" use China's date, in the browser and on the server alike.
 */

/** A student's ID number: a birth date after today gets its own message (a typing slip, usually). */
export const studentIdNumber = z
  .string()
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const birth = /^\d{17}[\dX]$/.test(value) ? birthDateOf(value) : null;
    if (birth && birth.toISOString().slice(0, 10) > todayInChina()) {
      ctx.addIssue({ code: 'custom', message: 'studentBornInFuture' });
      return;
    }
    const problem = idNumberError(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `idNumber.${problem}` });
  });

const stage = z.enum(STAGES, { message: 'stageUnknown' });
const grade = z.coerce.number({ message: 'gradeOutOfRange' }).int('gradeOutOfRange').min(1, 'gradeOutOfRange');
/** The earliest admission year the fund's records go back to. */
const FIRST_YEAR = 1990;
/**
 * An admission year: a whole number from 1990 to next year, and the message says that range (the
 * finer rule, not after the current school year, is checkSchooling's own message).
 */
const year = z.coerce
  .number({ message: 'yearFormat' })
  .int('yearFormat')
  .superRefine((y, ctx) => {
    const last = Number(todayInChina().slice(0, 4)) + 1;
    if (y < FIRST_YEAR || y > last)
      ctx.addIssue({ code: 'custom', message: withValues('yearRange', { min: FIRST_YEAR, max: last }) });
  });
const version = z.coerce.number().int('invalid').positive('invalid');
/** The client's key for one application or nomination; a retry sends the same one. */
const token = z.string().trim().min(8, 'invalid').max(100, 'invalid');

const studentFields = z.object({
  name: personName,
  idNumber: studentIdNumber,
  school: requiredText(100),
  stage,
  grade,
  admissionYear: year,
});

/** The grade must fit the stage and, roughly, the years since admission (lib/students/stages.ts). */
function checkSchooling(s: z.output<typeof studentFields>, ctx: z.RefinementCtx) {
  for (const { field, problem } of schoolingProblems(s, schoolYearOf(todayInChina())))
    ctx.addIssue({ code: 'custom', path: [field], message: problem });
}

export const registerStudentSchema = studentFields.superRefine(checkSchooling);
export const updateStudentSchema = studentFields.extend({ studentId: id }).superRefine(checkSchooling);

/** An uploaded file as a form holds it (a FileList in the browser, a File on the server); none → undefined. */
const optionalFile = z.preprocess(
  (v) => {
    const first = v && typeof v === 'object' && 'length' in v && 'item' in v ? (v as ArrayLike<unknown>)[0] : v;
    // An untouched file input posts an empty, nameless file.
    if (first instanceof Blob && first.size === 0 && !(first as File).name) return undefined;
    return first === '' || first === null ? undefined : first;
  },
  z.instanceof(Blob, { message: 'uploadFileRequired' }).optional(),
);

/**
 * A student aid application (圆梦助学) for one registered student and the current school year:
 * the stage and grade this year, the year's tuition and living costs in yuan (empty: none), the
 * family's situation, a note, and optionally the proof document (admission letter or enrolment
 * certificate, whichever the stage and grade need).
 */
export const studentAidSchema = z
  .object({
    token,
    studentId: id,
    stage,
    grade,
    tuition: yuanToFen,
    living: yuanToFen,
    familySituation: optionalText(4000),
    note: optionalText(2000),
    proof: optionalFile,
  })
  .refine((a) => a.grade <= MAX_GRADE[a.stage], { path: ['grade'], message: 'gradeOutOfRange' });

/** A nomination as an outstanding aided student (优秀受助生) by a branch official. */
export const nominationSchema = z.object({
  token,
  studentId: id,
  grades: requiredText(500),
  rank: optionalText(200),
  honours: optionalText(2000),
  comment: optionalText(2000),
  document: optionalFile,
});

/** The leader's award: a tier of the standard, optionally another amount inside a range with a reason. */
export const awardSchema = z.object({
  caseId: id,
  version,
  tier: z.enum(AWARD_TIERS, { message: 'awardTierUnknown' }),
  amount: optionalPositiveYuan,
  amountReason: optionalText(1000),
  comment: optionalText(2000),
});

/** The results a nomination cites, kept together on the case as JSON text. */
export interface NominationResults {
  grades: string;
  rank: string;
  honours: string;
}

export function parseResults(text: string | null): NominationResults | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<NominationResults>;
    return { grades: String(r.grades ?? ''), rank: String(r.rank ?? ''), honours: String(r.honours ?? '') };
  } catch {
    // Text written by hand (e.g. an import) is shown as the grades.
    return { grades: text, rank: '', honours: '' };
  }
}
