import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from './locales';
import enBase from '@/messages/en.json';
import zhBase from '@/messages/zh-CN.json';
import enAid from '@/messages/en/aid.json';
import zhAid from '@/messages/zh-CN/aid.json';
import enCases from '@/messages/en/cases.json';
import zhCases from '@/messages/zh-CN/cases.json';
import enApply from '@/messages/en/apply.json';
import zhApply from '@/messages/zh-CN/apply.json';
import enPublicity from '@/messages/en/publicity.json';
import zhPublicity from '@/messages/zh-CN/publicity.json';
import enAidAdmin from '@/messages/en/aid-admin.json';
import zhAidAdmin from '@/messages/zh-CN/aid-admin.json';
import enCaseDashboard from '@/messages/en/case-dashboard.json';
import zhCaseDashboard from '@/messages/zh-CN/case-dashboard.json';

import enStudents from '@/messages/en/students.json';
import zhStudents from '@/messages/zh-CN/students.json';
import enReports from '@/messages/en/reports.json';
import zhReports from '@/messages/zh-CN/reports.json';
import enExports from '@/messages/en/exports.json';
import zhExports from '@/messages/zh-CN/exports.json';
import enDashboardFilters from '@/messages/en/dashboard-filters.json';
import zhDashboardFilters from '@/messages/zh-CN/dashboard-filters.json';
import enCampaigns from '@/messages/en/campaigns.json';
import zhCampaigns from '@/messages/zh-CN/campaigns.json';
import enImports from '@/messages/en/imports.json';
import zhImports from '@/messages/zh-CN/imports.json';
import enProgrammes from '@/messages/en/programmes.json';
import zhProgrammes from '@/messages/zh-CN/programmes.json';
import enMutual from '@/messages/en/mutual-aid.json';
import zhMutual from '@/messages/zh-CN/mutual-aid.json';

type Catalog = Record<string, Record<string, unknown>>;

/**
 * The message catalogs: the base file per locale plus one file per feature (messages/<locale>/
 * <feature>.json), so that work on separate features never edits the same file. A feature file
 * may add keys to a shared namespace (`errors`, `nav`, …) but never redefine one: the merge
 * throws, and tests/unit/i18n.test.ts loads every catalog.
 */
const SOURCES: Record<Locale, Catalog[]> = {
  'zh-CN': [
    zhBase,
    zhAid,
    zhCases,
    zhApply,
    zhPublicity,
    zhAidAdmin,
    zhCaseDashboard,
    zhStudents,
    zhExports,
    zhReports,
    zhDashboardFilters,
    zhCampaigns,
    zhImports,
    zhProgrammes,
    zhMutual,
  ],
  en: [
    enBase,
    enAid,
    enCases,
    enApply,
    enPublicity,
    enAidAdmin,
    enCaseDashboard,
    enStudents,
    enExports,
    enReports,
    enDashboardFilters,
    enCampaigns,
    enImports,
    enProgrammes,
    enMutual,
  ],
};

function merge(parts: Catalog[]): AbstractIntlMessages {
  const out: Catalog = {};
  for (const part of parts) {
    for (const [ns, entries] of Object.entries(part)) {
      const target = (out[ns] ??= {});
      for (const [key, value] of Object.entries(entries)) {
        if (key in target) throw new Error(`message ${ns}.${key} is defined twice`);
        target[key] = value;
      }
    }
  }
  return out as AbstractIntlMessages;
}

const cache = new Map<Locale, AbstractIntlMessages>();

export function messagesFor(locale: Locale): AbstractIntlMessages {
  let m = cache.get(locale);
  if (!m) cache.set(locale, (m = merge(SOURCES[locale])));
  return m;
}
