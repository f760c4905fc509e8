import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { StudentCaseBrief } from '@/db/queries/students';
import { casePaths } from '@/lib/cases/paths';
import { formatFen } from '@/lib/money';
import type { AwardTier, Stage } from '@/lib/students/stages';
import type { CaseState } from '@/lib/workflow/case-workflow';
import { studentPaths } from '@/lib/students/paths';

/** "本科 1年级" / "Undergraduate, year 1". */
export function StageGrade({ stage, grade }: { stage: Stage; grade: number }) {
  const t = useTranslations('students');
  return <span className="whitespace-nowrap">{t('stageGrade', { stage: t(`stages.${stage}`), grade })}</span>;
}

const TONE: Partial<Record<CaseState, 'good' | 'bad' | 'info'>> = {
  paid: 'good',
  rejected: 'bad',
  in_publicity: 'info',
  ready_for_payment: 'info',
};

export function StateBadge({ state }: { state: CaseState }) {
  const t = useTranslations('aid.states');
  return <Badge tone={TONE[state] ?? 'neutral'}>{t(state)}</Badge>;
}

export function TierBadge({ tier }: { tier: AwardTier }) {
  const t = useTranslations('students.tiers');
  return <Badge tone="good">{t(tier)}</Badge>;
}

/**
 * A student's aid and award cases in one cell: school year, kind, state (and the award's tier and
 * amount), each a link to where the case is handled — the worker's own draft opens its form.
 */
export function StudentCases({ cases, own }: { cases: StudentCaseBrief[]; own: boolean }) {
  const t = useTranslations('students');
  if (!cases.length) return <span className="text-stone-500">{t('noCases')}</span>;
  return (
    <ul className="space-y-1">
      {cases.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={
              own && c.kind === 'student_aid' && (c.state === 'draft' || c.state.startsWith('returned_'))
                ? studentPaths.editApplication(c.id)
                : casePaths.view(c.id)
            }
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            {t('caseLine', {
              year: t('schoolYear', { year: c.schoolYear, next: c.schoolYear + 1 }),
              kind: t(`caseKinds.${c.kind}`),
            })}
          </Link>
          {c.awardTier && <TierBadge tier={c.awardTier} />}
          <StateBadge state={c.state} />
          {c.amountFen != null && c.state !== 'draft' && (
            <span className="tabular-nums text-stone-700">{formatFen(c.amountFen)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
