'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { ImportKind } from '@/db/schema/imports';
import { runEnrolmentImport, runHouseholdImport, runRosterImport } from '@/lib/imports/import-actions';

/**
 * Runs the import a batch per request, showing the progress between them. Each batch commits on
 * its own, so closing the page stops the import after a whole batch; opening it again resumes.
 */
export function RunImport({
  kind,
  jobId,
  done,
  total,
  resume,
}: {
  kind: ImportKind;
  jobId: number;
  done: number;
  total: number;
  resume: boolean;
}) {
  const t = useTranslations('imports');
  const router = useRouter();
  const [progress, setProgress] = useState(done);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    const step = { roster: runRosterImport, households: runHouseholdImport, enrolments: runEnrolmentImport }[kind];
    for (;;) {
      const result = await step({ jobId });
      if (!result.ok) {
        setError(result.error);
        setRunning(false);
        return;
      }
      setProgress(result.data.recordsDone);
      if (result.data.status === 'done') break;
    }
    setRunning(false);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <label className="block text-sm" htmlFor={`progress-${jobId}`}>
        {t('progress', { done: progress, total })}
      </label>
      <progress id={`progress-${jobId}`} className="h-3 w-full" max={Math.max(total, 1)} value={progress} />
      <FormAlert error={error} />
      <Button onClick={run} disabled={running}>
        {running ? t('running') : resume ? t('resume') : t('run', { count: total })}
      </Button>
    </div>
  );
}
