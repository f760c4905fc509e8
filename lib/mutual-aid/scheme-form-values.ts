import { fenToYuanText } from '@/lib/money';
import type { SchemeVersion } from './rules';

/** What the leaders' scheme form starts from: the usual rules (PROGRAMMES.md), effective today. */
export function blankVersion(today: string) {
  return {
    effectiveOn: today,
    contribution: '36',
    union: '18',
    unit: '0',
    member: '18',
    maxShares: '1',
    termYears: '1',
    windowStart: '10-15',
    windowEnd: '12-15',
    waitingDays: '90',
    renewalGraceDays: '30',
    filingDeadline: '03-31',
    publish: false,
    documents: ['settlement_sheet' as const, 'invoice' as const, 'discharge_summary' as const],
    cap: '30200',
    deductible: '1000',
    bands: [
      { upto: '10000', rate: '50' },
      { upto: '', rate: '60' },
    ],
    items: [{ code: '', zh: '', en: '', amount: '' }],
    hospitalDay: '0',
    maxHospitalDays: '180',
    minAge: '18',
    maxAge: '60',
  };
}

/** The form prefilled from a version, effective today (a leader changes what differs). */
export function versionDefaults(v: SchemeVersion, today: string) {
  const r = v.rule;
  const y = fenToYuanText;
  return {
    ...blankVersion(today),
    contribution: y(v.contributionFen),
    union: y(v.unionFen),
    unit: y(v.unitFen),
    member: y(v.memberFen),
    maxShares: String(v.maxShares),
    termYears: String(v.termYears),
    windowStart: v.windowStart,
    windowEnd: v.windowEnd,
    waitingDays: String(v.waitingDays),
    renewalGraceDays: String(v.renewalGraceDays),
    filingDeadline: v.filingDeadline,
    publish: v.publish,
    documents: v.documents,
    cap: y(r.capFen),
    ...(r.type === 'medical'
      ? {
          deductible: y(r.deductibleFen),
          bands: r.bands.map((b) => ({ upto: b.uptoFen === null ? '' : y(b.uptoFen), rate: String(b.rateBp / 100) })),
        }
      : { items: r.items.map((i) => ({ code: i.code, zh: i.zh, en: i.en, amount: y(i.fen) })) }),
    ...(r.type === 'accident' ? { hospitalDay: y(r.hospitalDayFen), maxHospitalDays: String(r.maxHospitalDays) } : {}),
    ...(r.type === 'women_special' ? { minAge: String(r.minAge), maxAge: String(r.maxAge) } : {}),
  };
}
