import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { campaignFigures } from '@/db/queries/campaigns';
import { mutualPaid } from '@/db/queries/mutual-aid';
import { programmeFigures } from '@/db/queries/programme-figures';
import { MutualFiguresCard } from '@/components/mutual-aid/mutual-figures';
import { ProgrammeFiguresCard } from '@/components/programmes/programme-figures';
import { caseFigures, workerCaseFigures } from '@/db/queries/case-dashboard';
import { unitChainName, unitOf } from '@/db/queries/dashboard';
import { paymentCharts } from '@/db/queries/dashboard-charts';
import { cachedFigures } from '@/db/queries/figures-cache';
import { getPerson } from '@/db/queries/people';
import { getOwnHouseholdSummary, householdsHelpedBy } from '@/db/queries/register';
import { registerMeasures, totalMeasures } from '@/db/queries/register-dashboard';
import { getUnit, unitsAround, withChainNames } from '@/db/queries/units';
import { CampaignFiguresCard } from '@/components/campaigns/campaign-figures';
import { CaseFiguresSection } from '@/components/dashboard/case-figures';
import { MyCases } from '@/components/dashboard/case-worker';
import { DashboardCharts } from '@/components/dashboard/charts';
import { DashboardFilterForm } from '@/components/dashboard/filter-form';
import { HouseholdsIHelp, MyHousehold } from '@/components/dashboard/my-household';
import { RegisterMeasuresSection } from '@/components/dashboard/register-measures';
import { UnitCountsCard } from '@/components/dashboard/unit-counts';
import { ClientMessages } from '@/components/layout/client-messages';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { CATEGORIES } from '@/db/schema/register';
import { requireActor } from '@/lib/auth/session';
import { parseDashboardFilters, unitWindow } from '@/lib/dashboard/filters';
import { splitLines } from '@/lib/dashboard/splits';
import { todayInChina } from '@/lib/dates';
import { toJson } from '@/lib/json-props';
import { orNotFound } from '@/lib/load';
import { scopeOf } from '@/lib/scope';
import type { SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('dashboard') };
}

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const db = await getDb();
  const thisYear = Number(todayInChina().slice(0, 4));

  const filters = parseDashboardFilters(await searchParams, thisYear);
  if (actor.role === 'worker') {
    // A worker's only filter is the year of what the household received; their cases are listed
    // newest first whatever the year, since they want to know where each one stands.
    const worker = { year: filters.year };
    const [me, chain, household, helping, myCases] = await Promise.all([
      getPerson(db, scopeOf(actor), actor.userId),
      unitChainName(db, actor.unitPath),
      getOwnHouseholdSummary(db, actor),
      householdsHelpedBy(db, actor),
      workerCaseFigures(db, actor, undefined, worker.year),
    ]);
    return (
      <ClientMessages set="dashboard">
        <PageHeader title={t('dashboard.workerTitle', { name: me.name })} subtitle={chain} />
        <DashboardFilterForm filters={worker} thisYear={thisYear} units={[]} mineWide={false} />
        <Card title={t('dashboard.profile')}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="worker-profile">
            <div>
              <dt className="text-stone-500">{t('dashboard.employeeNo')}</dt>
              <dd>{me.employeeNo}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('dashboard.unit')}</dt>
              <dd>{chain}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('dashboard.phone')}</dt>
              <dd>{me.phoneMasked || '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t('dashboard.idNumber')}</dt>
              <dd>{me.idNumberMasked || '—'}</dd>
            </div>
          </dl>
        </Card>
        <MyCases figures={myCases} />
        <MyHousehold summary={household} />
        <HouseholdsIHelp rows={helping} />
      </ClientMessages>
    );
  }

  const scope = scopeOf(actor);
  // Units are in what the figures cache watches (db/queries/figures-cache.ts), so the units a
  // dashboard names are cached with its figures: a leader's page read and labelled them on every
  // request (~0.3 ms of CPU building and mapping the queries).
  const own = await cachedFigures(db, `unit|${actor.unitId}`, () => unitOf(db, actor));
  // A unit outside the actor's scope answers like a missing one: 404.
  const unit =
    filters.unitId && filters.unitId !== own.id
      ? await orNotFound(
          cachedFigures(db, `unit|${actor.role}|${actor.unitPath}|${filters.unitId}`, () =>
            getUnit(db, scope, filters.unitId!),
          ),
        )
      : own;
  const chosen = unit.id !== own.id;
  const mineWide = actor.role === 'leader' || actor.role === 'admin';
  // Administrators run accounts, not the register or the cases: they get the head counts only.
  const keepsRegister = actor.role !== 'admin';
  const today = todayInChina();
  // The keys name what each figure depends on besides the data: the scope (role and unit path),
  // the unit shown, the year and the day.
  const asSeenBy = `${actor.role}|${actor.unitPath}|${unit.id}|${filters.year}|${today}`;
  const caseFilter = { year: filters.year, unitId: chosen ? unit.id : undefined };
  // What the page derives from the figures is computed and cached with them: folding a province's
  // 2,500 budget lines on every request cost the leader's page ~0.4 ms of CPU.
  const [register, cases, payments, campaignsOfYear, programmesOfYear, mutualOfYear] = await Promise.all([
    // Administrators see only the head counts of these; the rest is the register's.
    cachedFigures(db, `register|${unit.id}|${filters.year}|${today}`, async () => {
      const rows = await registerMeasures(db, unit.id, today, { year: filters.year });
      return { rows, totals: totalMeasures(rows) };
    }),
    // Null for administrators, who decide no cases.
    cachedFigures(db, `cases|${asSeenBy}|${chosen}`, async () => {
      const figures = await caseFigures(db, actor, today, caseFilter);
      return figures && { figures, foldedSplits: splitLines(figures.splits, false) };
    }),
    keepsRegister
      ? cachedFigures(db, `charts|${asSeenBy}`, () => paymentCharts(db, actor, unit, filters.year))
      : Promise.resolve(null),
    keepsRegister
      ? cachedFigures(db, `campaigns|${asSeenBy}|${chosen}`, () =>
          campaignFigures(db, actor, filters.year, chosen ? unit.path : undefined),
        )
      : Promise.resolve(null),
    keepsRegister
      ? cachedFigures(db, `programmes|${asSeenBy}|${chosen}`, () =>
          programmeFigures(db, actor, filters.year, today, chosen ? unit.path : undefined),
        )
      : Promise.resolve(null),
    keepsRegister
      ? cachedFigures(db, `mutual|${asSeenBy}|${chosen}`, () =>
          mutualPaid(db, actor, filters.year, chosen ? unit.path : undefined),
        )
      : Promise.resolve(null),
  ]);
  const { rows: measures, totals } = register;
  const total = totals.workers;
  // Tables and charts per unit show one page of the units below (a province has hundreds).
  const window = unitWindow(measures, filters.unitsPage);
  const shown = new Set(window.rows.map((r) => r.unitId));
  const chained = await cachedFigures(db, `around|${asSeenBy}|${filters.unitsPage}`, async () =>
    withChainNames(await unitsAround(db, scope, unit, [...shown])),
  );
  // The unit picker offers the chain down to the unit shown and the units below it on this page
  // of the table: a province's branches are reached through the pager, not a 500-line select.
  const units = chained.filter((u) => u.id !== own.id).map((u) => ({ id: u.id, chain: u.chain }));
  return (
    <ClientMessages set="dashboard">
      <PageHeader
        title={mineWide && !chosen ? t('dashboard.mineTitle') : t('dashboard.unitTitle', { unit: unit.name })}
        subtitle={t('dashboardFilters.showing', {
          unit: chosen ? (chained.find((u) => u.id === unit.id)?.chain ?? unit.name) : unit.name,
          year: filters.year,
        })}
      />
      <DashboardFilterForm filters={filters} thisYear={thisYear} units={units} mineWide={mineWide} />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Stat label={t('dashboard.totalWorkers')} value={total} />
        <Stat
          label={mineWide && !chosen ? t('dashboard.branchCount') : t('dashboard.subUnitCount')}
          value={measures.length}
        />
      </div>
      {keepsRegister ? (
        <>
          <RegisterMeasuresSection
            data={toJson({ categories: CATEGORIES, units: window, totals, unitLabel: unit.name, filters, thisYear })}
          />
          {filters.year !== thisYear && <p className="mt-2 text-sm text-stone-600">{t('dashboardFilters.yearNote')}</p>}
        </>
      ) : (
        <UnitCountsCard
          title={mineWide && !chosen ? t('dashboard.perBranch') : t('dashboard.perSubUnit')}
          units={unitWindow(
            measures.map((r) => ({ unitId: r.unitId, name: r.name, workers: r.workers })),
            filters.unitsPage,
          )}
          total={total}
          filters={filters}
        />
      )}
      {keepsRegister && (
        <DashboardCharts
          data={toJson({
            year: filters.year,
            // Only the units on this page: the rest would travel to the browser for nothing.
            payments: payments && { ...payments, perUnit: payments.perUnit.filter((u) => shown.has(u.unitId)) },
            categories: CATEGORIES.map((c) => ({ label: t(`register.categories.${c}`), value: totals.perCategory[c] })),
            units: window.rows.map((r) => ({ unitId: r.unitId, name: r.name, households: r.active })),
          })}
        />
      )}
      {campaignsOfYear && <CampaignFiguresCard figures={campaignsOfYear} year={filters.year} />}
      {programmesOfYear && <ProgrammeFiguresCard figures={programmesOfYear} year={filters.year} />}
      {mutualOfYear && (
        <MutualFiguresCard
          figures={{ rows: mutualOfYear, roster: totals.workers, covered: totals.mutualCovered }}
          illNotEnrolled={totals.illUncovered}
          year={filters.year}
        />
      )}
      {cases && (
        <CaseFiguresSection
          data={toJson({
            figures: { ...cases.figures, splits: window.pages === 1 ? cases.figures.splits : cases.foldedSplits },
            role: actor.role,
            filters,
          })}
        />
      )}
    </ClientMessages>
  );
}
