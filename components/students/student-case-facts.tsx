import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { StudentCaseFacts as Facts } from '@/db/queries/student-aid';
import { formatFen } from '@/lib/money';
import { studentPaths } from '@/lib/students/paths';
import { parseResults } from '@/lib/validation/students';
import { StageGrade, TierBadge } from './badges';

/**
 * The student-specific facts of a student aid or award case, for the case page: the student (ID
 * number masked), the school year, stage and grade, the year's costs, the proof the stage needs
 * and whether it is there; for an award, the tier and the results the nomination cites. The page
 * reads them (db/queries/students#getStudentCaseFacts: null for other cases).
 */
export async function StudentCaseFacts({ caseId, facts: f }: { caseId: number; facts: Facts }) {
  const t = await getTranslations('students');
  const results = parseResults(f.results);
  const item = (label: string, value: React.ReactNode) => (
    <div className="min-w-0">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="break-words text-sm">{value}</dd>
    </div>
  );
  return (
    <section
      aria-labelledby={`student-facts-${caseId}`}
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`student-facts-${caseId}`} className="mb-3 text-base font-semibold">
        {t(f.kind === 'student_aid' ? 'facts.aidTitle' : 'facts.awardTitle')}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {item(
          t('student'),
          <Link href={studentPaths.edit(f.studentId)} className="text-brand-700 underline-offset-2 hover:underline">
            {f.studentName}
          </Link>,
        )}
        {item(t('idNumber'), <span className="font-mono">{f.idNumberMasked}</span>)}
        {item(t('school'), f.school)}
        {item(t('schoolYearLabel'), t('schoolYear', { year: f.schoolYear, next: f.schoolYear + 1 }))}
        {item(t('stageGradeLabel'), <StageGrade stage={f.stage} grade={f.grade} />)}
        {f.kind === 'student_aid' && item(t('facts.tuition'), f.tuitionFen ? formatFen(f.tuitionFen) : '—')}
        {f.kind === 'student_aid' && item(t('facts.living'), f.livingFen ? formatFen(f.livingFen) : '—')}
        {f.proof &&
          item(
            t('facts.proof'),
            f.proofDocuments > 0 ? (
              t('facts.proofPresent', { proof: t(`proofs.${f.proof}`) })
            ) : (
              <span className="text-amber-800">{t('facts.proofMissing', { proof: t(`proofs.${f.proof}`) })}</span>
            ),
          )}
        {f.kind === 'student_award' &&
          item(t('tier'), f.awardTier ? <TierBadge tier={f.awardTier} /> : t('facts.tierPending'))}
        {results?.grades && item(t('grades'), results.grades)}
        {results?.rank && item(t('rank'), results.rank)}
        {results?.honours && item(t('honours'), <span className="whitespace-pre-line">{results.honours}</span>)}
      </dl>
    </section>
  );
}
