'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { confirmEnrolments, enrolMembers, setContributions } from '@/lib/mutual-aid/enrolment-actions';

/** The translated message of an action's failure: a field's if it has one, else the general one. */
function failure(r: { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> }): string {
  const first = Object.values(r.fieldErrors ?? {}).find((m) => m?.[0])?.[0];
  return first ?? r.error;
}

/** Workers from the roster (searched on the server) picked with checkboxes and put on the list. */
export function EnrolPicker({
  schemeId,
  year,
  candidates,
  maxShares,
}: {
  schemeId: number;
  year: number;
  candidates: { id: number; employeeNo: string; name: string; unitName: string }[];
  maxShares: number;
}) {
  const t = useTranslations('mutual');
  const router = useRouter();
  const [picked, setPicked] = useState<number[]>([]);
  const [shares, setShares] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const submit = () =>
    start(async () => {
      setError(null);
      setDone(null);
      const r = await enrolMembers({ schemeId, year, memberIds: picked, shares: shares as never });
      if (!r.ok) return setError(failure(r));
      setDone(t('listedN', { n: r.data.listed, skipped: r.data.skipped }));
      setPicked([]);
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <FormAlert error={error} />
      <p role="status" aria-live="polite" className="text-sm text-green-800">
        {done}
      </p>
      {candidates.length === 0 ? (
        <p className="text-sm text-stone-600">{t('noCandidates')}</p>
      ) : (
        <fieldset>
          <legend className="sr-only">{t('pickWorkers')}</legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={picked.includes(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                  {c.employeeNo} {c.name} <span className="text-stone-500">· {c.unitName}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="flex flex-wrap items-end gap-3">
        {maxShares > 1 && (
          <label className="text-sm">
            {t('shares')}{' '}
            <select
              className="ml-1 rounded border border-stone-300 px-2 py-1"
              value={shares}
              onChange={(e) => setShares(e.target.value)}
            >
              {Array.from({ length: maxShares }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
        )}
        <Button type="button" disabled={pending || picked.length === 0} onClick={submit}>
          {t('enrolSelected', { n: picked.length })}
        </Button>
      </div>
    </div>
  );
}

/** Confirming listed members and recording contributions for the rows ticked on the list. */
export function EnrolmentRowActions({
  ids,
  canConfirm,
  canContribute,
}: {
  ids: { id: number; label: string; state: string }[];
  canConfirm: boolean;
  canContribute: boolean;
}) {
  const t = useTranslations('mutual');
  const router = useRouter();
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (
    fn: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined> }>,
  ) =>
    start(async () => {
      setError(null);
      setDone(null);
      const r = await fn();
      if (!r.ok) return setError(failure(r));
      setDone(t('saved'));
      setPicked([]);
      router.refresh();
    });
  const all = picked.length === ids.length && ids.length > 0;
  return (
    <div className="space-y-2">
      <FormAlert error={error} />
      <p role="status" aria-live="polite" className="text-sm text-green-800">
        {done}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={all}
          onChange={() => setPicked(all ? [] : ids.map((i) => i.id))}
        />
        {t('selectAllOnPage')}
      </label>
      <ul className="grid gap-1 sm:grid-cols-3">
        {ids.map((i) => (
          <li key={i.id}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={picked.includes(i.id)}
                onChange={() => setPicked((p) => (p.includes(i.id) ? p.filter((x) => x !== i.id) : [...p, i.id]))}
              />
              {i.label}
            </label>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <Button
            type="button"
            disabled={pending || picked.length === 0}
            onClick={() => run(() => confirmEnrolments({ enrolmentIds: picked }))}
          >
            {t('confirmSelected')}
          </Button>
        )}
        {canContribute &&
          (['paid', 'payroll', 'unpaid'] as const).map((status) => (
            <Button
              key={status}
              type="button"
              variant="secondary"
              disabled={pending || picked.length === 0}
              onClick={() => run(() => setContributions({ enrolmentIds: picked, status }))}
            >
              {t(`markAs.${status}`)}
            </Button>
          ))}
      </div>
    </div>
  );
}
