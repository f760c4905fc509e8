import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportStart } from '@/components/imports/import-start';
import { getDb } from '@/db/client';
import { recentJobs } from '@/db/queries/imports';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('importHouseholds') };
}

export default async function ImportHouseholdsPage() {
  const actor = await requirePermission('imports.households');
  const jobs = await recentJobs(await getDb(), actor, 'households');
  return <ImportStart kind="households" jobs={jobs} />;
}
