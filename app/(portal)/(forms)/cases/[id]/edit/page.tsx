import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApplyForm } from '@/components/cases/apply-form';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { getApplyContext, getOwnEditableCase } from '@/db/queries/apply';
import { requirePermission } from '@/lib/auth/session';
import { casePaths } from '@/lib/cases/paths';
import { dayInChina, todayInChina } from '@/lib/dates';
import { orNotFound, routeId } from '@/lib/load';
import { first, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apply'))('editTitle') };
}

/** `?step=` as the form left it after its first save; anything else opens at the start. */
const stepParam = (raw: unknown) => (typeof raw === 'string' && /^[0-4]$/.test(raw) ? Number(raw) : 0);

/**
 * The applicant's own draft, or a case returned to them for more information (with what the
 * returning step asked for at the top). Anyone else's case, or one past the applicant, is a 404.
 */
export default async function EditCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requirePermission('cases.apply');
  const id = routeId((await params).id);
  const db = await getDb();
  const today = todayInChina();
  const c = await orNotFound(getOwnEditableCase(db, actor, id));
  const [{ household: _household, ...context }, t] = await Promise.all([
    getApplyContext(db, actor, today),
    getTranslations(),
  ]);
  const returned = c.state !== 'draft';
  return (
    <>
      <PageHeader
        title={t(returned ? 'apply.returnedTitle' : 'apply.editTitle')}
        subtitle={t('apply.caseNo', { id: c.id })}
        actions={<ButtonLink href={returned ? casePaths.view(c.id) : casePaths.list}>{t('common.back')}</ButtonLink>}
      />
      {c.returnNote && (
        <section
          aria-labelledby="return-note"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
          data-testid="return-note"
        >
          <h2 id="return-note" className="font-semibold">
            {t('apply.returnNoteTitle', {
              step: c.returnNote.step ? t(`aid.steps.${c.returnNote.step}`) : '',
              on: dayInChina(c.returnNote.at),
            })}
          </h2>
          <p className="mt-1 whitespace-pre-line break-words">{c.returnNote.comment || t('apply.returnNoteEmpty')}</p>
        </section>
      )}
      <ApplyForm
        mode={returned ? 'returned' : 'draft'}
        caseId={c.id}
        token={c.token}
        initial={{
          aidKind: c.aidKind,
          eventOn: c.eventOn,
          eventKey: c.eventKey,
          whatHappened: c.whatHappened,
          helpAsked: c.helpAsked,
          familySituation: c.familySituation,
        }}
        context={context}
        submitted={
          returned ? { category: c.category, amountFen: c.amountFen, rule: c.rule, frequency: c.frequency } : null
        }
        documents={c.documents.map(({ id: docId, fileName, contentType, sizeBytes }) => ({
          id: docId,
          fileName,
          contentType,
          sizeBytes,
        }))}
        today={today}
        initialStep={stepParam(first(await searchParams).step)}
      />
    </>
  );
}
