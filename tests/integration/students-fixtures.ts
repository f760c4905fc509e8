import { randomUUID } from 'node:crypto';
import { saveStandard, setBudget } from '@/lib/aid/aid-admin-actions';
import { makeIdNumber } from '@/lib/id-number';
import type { Stage } from '@/lib/students/stages';
import { signInAs } from '../session';

export function ok<T>(r: { ok: true; data: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const CATS = ['extreme', 'hardship', 'near', 'edge', 'serious_illness', 'education', 'none'];

/**
 * The fund's part of a standard in force since 2000, with hand-picked figures the tests check:
 * student aid fixed by stage — primary ¥500, junior ¥800, senior ¥1,000, vocational ¥1,000,
 * undergraduate ¥3,000 (¥5,000 for 特困户), postgraduate a range ¥2,000–¥6,000 suggested ¥4,000 —
 * and awards of ¥2,000 (first) and ¥1,000 (second) for every category; no third tier.
 */
export async function saveFundStandard(effectiveOn = '2000-01-01') {
  await signInAs('L0001');
  const fixed = (stage: string, yuan: string) =>
    CATS.map((category) => ({
      category,
      variant: stage,
      type: 'fixed' as const,
      fixed: category === 'extreme' && stage === 'undergraduate' ? '5000' : yuan,
    }));
  const r = await saveStandard({
    name: '圆梦测试标准',
    effectiveOn,
    kinds: [
      {
        kind: 'poverty',
        frequency: 'yearly',
        amounts: CATS.map((category) => ({ category, type: 'fixed' as const, fixed: '1000' })),
      },
      {
        kind: 'student_aid',
        frequency: 'per_event',
        amounts: [
          ...fixed('primary', '500'),
          ...fixed('junior_secondary', '800'),
          ...fixed('senior_secondary', '1000'),
          ...fixed('vocational', '1000'),
          ...fixed('undergraduate', '3000'),
          ...CATS.map((category) => ({
            category,
            variant: 'postgraduate',
            type: 'range' as const,
            min: '2000',
            max: '6000',
            suggested: '4000',
          })),
        ],
      },
      {
        kind: 'student_award',
        frequency: 'per_event',
        amounts: [...fixed('first', '2000'), ...fixed('second', '1000')],
      },
    ],
  });
  return ok(r).id;
}

export async function fundBudget(year: number, yuan = '1000000') {
  await signInAs('L0003');
  return ok(await setBudget({ year, aidKind: 'student_aid', unitId: '', amount: yuan })).id;
}

let seq = 100;
/** A valid ID number for a child born on `birth` (YYYYMMDD), unique within the run. */
export function childId(birth = '20080315'): string {
  return makeIdNumber('361181', birth, seq++);
}

export const pdf = (name = 'proof.pdf') =>
  new File([Buffer.from('%PDF-1.4\n%test document\n')], name, { type: 'application/pdf' });

export const application = (
  studentId: number,
  o: Partial<{ stage: Stage; grade: string; tuition: string; living: string; proof: File; token: string }> = {},
) => ({
  token: o.token ?? randomUUID(),
  studentId: String(studentId),
  stage: o.stage ?? ('undergraduate' as Stage),
  grade: o.grade ?? '1',
  tuition: o.tuition ?? '5000',
  living: o.living ?? '3000.50',
  familySituation: '父亲患病',
  note: '',
  proof: o.proof,
});
