import type { ImportKind } from '@/db/schema/imports';

/** A column of an import template: its key, its header in each language, whether a value is required. */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
}

const col = (key: string, zh: string, en: string, required = false): ImportColumn => ({ key, zh, en, required });

/** The roster (职工名册): one row per worker. Accounts of officials are set up by hand, not imported. */
export const ROSTER_COLUMNS = [
  col('employeeNo', '工号', 'Employee number', true),
  col('name', '姓名', 'Name', true),
  col('unitCode', '单位编码', 'Unit code', true),
  col('idNumber', '身份证号码', 'ID number'),
  col('phone', '手机', 'Phone'),
] as const satisfies readonly ImportColumn[];

/**
 * The register (困难职工档案台账): one row per family member, the household's own columns on the
 * first row of each worker (later rows of the same worker may leave them empty). A household
 * without family members is one row with the member columns empty.
 */
export const HOUSEHOLD_COLUMNS = [
  col('employeeNo', '工号', 'Employee number', true),
  col('category', '困难类别', 'Category'),
  col('keepingLevel', '建档层级', 'Keeping level'),
  col('causes', '致困原因', 'Causes'),
  col('monthlyIncome', '家庭月收入（元）', 'Monthly income (yuan)'),
  col('housing', '住房情况', 'Housing'),
  col('address', '住址', 'Address'),
  col('phone', '联系电话', 'Phone'),
  col('filedOn', '建档日期', 'Filed on'),
  col('notes', '备注', 'Notes'),
  col('memberName', '家庭成员姓名', 'Member name'),
  col('memberRelation', '与职工关系', 'Member relation'),
  col('memberBirthDate', '成员出生日期', 'Member birth date'),
  col('memberHealth', '成员健康状况', 'Member health'),
  col('memberSchoolOrWork', '成员就学或就业', 'Member school or work'),
  col('memberIncome', '成员月收入（元）', 'Member monthly income (yuan)'),
] as const satisfies readonly ImportColumn[];

/** The household columns a follow-up row of the same worker may repeat or leave empty. */
export const HOUSEHOLD_OWN_FIELDS = [
  'category',
  'keepingLevel',
  'causes',
  'monthlyIncome',
  'housing',
  'address',
  'phone',
  'filedOn',
  'notes',
] as const;

/** A mutual-aid enrolment list (互助保障参保名单) for the scheme-year chosen on the page: one row per member. */
export const ENROLMENT_COLUMNS = [
  col('employeeNo', '工号', 'Employee number', true),
  col('name', '姓名', 'Name', true),
  col('idNumber', '身份证号码', 'ID number'),
  col('shares', '份数', 'Shares', true),
] as const satisfies readonly ImportColumn[];

export const COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  roster: ROSTER_COLUMNS,
  households: HOUSEHOLD_COLUMNS,
  enrolments: ENROLMENT_COLUMNS,
};

const headerKey = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Which column each header cell names, in either language (a sheet may even mix them). A header
 * naming no column, a column named twice or a required column missing means the wrong template.
 */
export function mapHeader(
  kind: ImportKind,
  header: string[],
): { ok: true; keys: (string | null)[] } | { ok: false; missing: string[]; unknown: string[] } {
  const columns = COLUMNS[kind];
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    byHeader.set(headerKey(c.zh), c.key);
    byHeader.set(headerKey(c.en), c.key);
    byHeader.set(headerKey(c.key), c.key);
  }
  const keys: (string | null)[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const text of header) {
    const trimmed = text.trim();
    const key = trimmed ? byHeader.get(headerKey(trimmed)) : undefined;
    if (trimmed && (!key || seen.has(key))) unknown.push(trimmed);
    if (key && !seen.has(key)) {
      seen.add(key);
      keys.push(key);
    } else keys.push(null);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key);
  if (missing.length || unknown.length) return { ok: false, missing, unknown };
  return { ok: true, keys };
}
