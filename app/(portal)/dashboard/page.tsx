import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { caseFigures, workerCaseFigures } from '@/db/queries/case-dashboard';
import { activeWorkersUnder, unitChainName, unitOf, workersPerChildUnit } from '@/db/queries/dashboard';
import { getPerson } from '@/db/queries/people';
import { getOwnHouseholdSummary, householdsHelpedBy } from '@/db/queries/register';
import { registerMeasures } from '@/db/queries/register-dashboard';
import { CaseFiguresSection } from '@/components/dashboard/case-figures';
import { MyCases } from '@/components/dashboard/case-worker';
import { HouseholdsIHelp, MyHousehold } from '@/components/dashboard/my-household';
import { RegisterMeasuresSection } from '@/components/dashboard/register-measures';
import { UnitCountsCard } from '@/components/dashboard/unit-counts';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { scopeOf } from '@/lib/scope';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('dashboard') };
}

export default async function DashboardPage() {
  const actor = await requireActor();
  const t = await getTranslations('dashboard');
  const db = await getDb();

  if (actor.role === 'worker') {
    const [me, chain, household, helping, myCases] = await Promise.all([
      getPerson(db, scopeOf(actor), actor.userId),
      unitChainName(db, actor.unitPath),
      getOwnHouseholdSummary(db, actor),
      householdsHelpedBy(db, actor),
      workerCaseFigures(db, actor),
    ]);
    return (
      <>
        <PageHeader title={t('workerTitle', { name: me.name })} subtitle={chain} />
        <Card title={t('profile')}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="worker-profile">
            <div><dt className="text-stone-500">{t('employeeNo')}</dt><dd>{me.employeeNo}</dd></div>
            <div><dt className="text-stone-500">{t('unit')}</dt><dd>{chain}</dd></div>
            <div><dt className="text-stone-500">{t('phone')}</dt><dd>{me.phoneMasked || '—'}</dd></div>
            <div><dt className="text-stone-500">{t('idNumber')}</dt><dd>{me.idNumberMasked || '—'}</dd></div>
          </dl>
        </Card>
        <MyCases figures={myCases} />
        <MyHousehold summary={household} />
        <HouseholdsIHelp rows={helping} />
      </>
    );
  }

  const unit = await unitOf(db, actor);
  const mineWide = actor.role === 'leader' || actor.role === 'admin';
  // Administrators run accounts, not the register: they get the head counts only.
  const keepsRegister = actor.role !== 'admin';
  const [perUnit, total, measures, cases] = await Promise.all([
    workersPerChildUnit(db, unit),
    activeWorkersUnder(db, unit.path),
    keepsRegister ? registerMeasures(db, unit.id) : Promise.resolve(null),
    // Null for administrators, who decide no cases.
    caseFigures(db, actor),
  ]);
  return (
    <>
      <PageHeader title={mineWide ? t('mineTitle') : t('unitTitle', { unit: unit.name })} subtitle={unit.name} />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Stat label={t('totalWorkers')} value={total} />
        <Stat label={mineWide ? t('branchCount') : t('subUnitCount')} value={perUnit.length} />
      </div>
      {measures ? (
        <RegisterMeasuresSection rows={measures} unitLabel={unit.name} workers={new Map(perUnit.map((u) => [u.unitId, u.workers]))} />
      ) : (
        <UnitCountsCard title={mineWide ? t('perBranch') : t('perSubUnit')} rows={perUnit} total={total} />
      )}
      {cases && <CaseFiguresSection figures={cases} role={actor.role} />}
    </>
  );
}
