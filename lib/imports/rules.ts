import { z } from 'zod';
import { CATEGORIES, CAUSES, KEEPING_LEVELS, RELATIONS } from '@/db/schema/register';
import { isIsoDate, todayInChina } from '@/lib/dates';
import {
  employeeNo,
  optionalIdNumber,
  optionalPhone,
  optionalText,
  personName,
  phone,
  requiredText,
  yuanToFen,
} from '@/lib/validation/common';
import { withValues } from '@/lib/validation/messages';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { HOUSEHOLD_OWN_FIELDS } from './columns';

/** A problem with one field of one row; `message` is a key of the `errors` catalog with its values. */
export interface Issue {
  field: string;
  message: string;
}

export type RowValues = Record<string, string>;

/** The first problem zod finds with one field, or the parsed value. */
function field<S extends z.ZodType>(
  issues: Issue[],
  name: string,
  schema: S,
  value: string | undefined,
): z.output<S> | undefined {
  const parsed = schema.safeParse(value ?? '');
  if (parsed.success) return parsed.data;
  issues.push({ field: name, message: parsed.error.issues[0]?.message ?? 'invalid' });
  return undefined;
}

/** 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日 all mean the same day. */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const importDate = z
  .string()
  .transform(normalizeDate)
  .refine(isIsoDate, 'dateFormat')
  .refine((d) => d <= todayInChina(), 'dateInFuture');
const optionalImportDate = z.union([z.literal('').transform(() => null), importDate]);

/**
 * A value of a fixed list, as the code (`hardship`) or its name in either language (困难户,
 * "Hardship household"), so a sheet filled in by hand in Chinese or English both work.
 */
function vocabulary<T extends string>(
  codes: readonly T[],
  zhNames: Record<string, string>,
  enNames: Record<string, string>,
) {
  const byText = new Map<string, T>();
  for (const code of codes) {
    byText.set(code.toLowerCase(), code);
    if (zhNames[code]) byText.set(zhNames[code].toLowerCase(), code);
    if (enNames[code]) byText.set(enNames[code].toLowerCase(), code);
  }
  return (message: string) =>
    z
      .string()
      .trim()
      .min(1, 'required')
      .transform((text, ctx) => {
        const code = byText.get(text.toLowerCase());
        if (!code) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return code;
      });
}

const category = vocabulary(CATEGORIES, zh.register.categories, en.register.categories)('categoryUnknown');
const keepingLevel = vocabulary(KEEPING_LEVELS, zh.register.levels, en.register.levels)('valueUnknown');
const cause = vocabulary(CAUSES, zh.register.causes, en.register.causes)('valueUnknown');
const relation = vocabulary(RELATIONS, zh.register.relations, en.register.relations)('valueUnknown');
/** Several causes in one cell, separated as people type lists: 因贫、因病 / poverty, illness. */
const causes = z
  .string()
  .transform((text) =>
    text
      .split(/[,，、;；/]/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(cause).min(1, 'causesRequired'))
  .transform((list) => [...new Set(list)]);

export interface RosterRecord {
  employeeNo: string;
  name: string;
  unitCode: string;
  idNumber: string | null;
  phone: string | null;
}

/** One roster row's own rules (format, check digit, required fields); the unit and duplicates come after. */
export function checkRosterRow(values: RowValues): { record: RosterRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const record = {
    employeeNo: field(issues, 'employeeNo', employeeNo, values.employeeNo),
    name: field(issues, 'name', personName, values.name),
    unitCode: field(issues, 'unitCode', requiredText(20).toUpperCase(), values.unitCode),
    idNumber: field(issues, 'idNumber', optionalIdNumber, values.idNumber?.trim()),
    phone: field(issues, 'phone', optionalPhone, values.phone?.trim()),
  };
  return { record: issues.length ? null : (record as RosterRecord), issues };
}

export interface EnrolmentRow {
  employeeNo: string;
  name: string;
  idNumber: string | null;
  shares: number;
}

const shares = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,2}$/, 'wholeNumber')
  .transform(Number)
  .refine((n) => n >= 1, 'mutualSharesRange');

/** One enrolment row's own rules; the worker, their name and ID number, and the scheme's limits come after. */
export function checkEnrolmentRow(values: RowValues): { record: EnrolmentRow | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const record = {
    employeeNo: field(issues, 'employeeNo', employeeNo, values.employeeNo),
    name: field(issues, 'name', personName, values.name),
    idNumber: field(issues, 'idNumber', optionalIdNumber, values.idNumber?.trim()),
    shares: field(issues, 'shares', shares, values.shares),
  };
  return { record: issues.length ? null : (record as EnrolmentRow), issues };
}

export interface HouseholdFields {
  category: (typeof CATEGORIES)[number];
  keepingLevel: (typeof KEEPING_LEVELS)[number];
  causes: (typeof CAUSES)[number][];
  monthlyIncomeFen: number;
  housing: string;
  address: string;
  phone: string;
  filedOn: string | null;
  notes: string;
}

export interface MemberRecord {
  name: string;
  relation: (typeof RELATIONS)[number];
  birthDate: string;
  health: string;
  schoolOrWork: string;
  monthlyIncomeFen: number;
}

const MEMBER_FIELDS = [
  'memberName',
  'memberRelation',
  'memberBirthDate',
  'memberHealth',
  'memberSchoolOrWork',
  'memberIncome',
] as const;

const filled = (values: RowValues, keys: readonly string[]) => keys.some((k) => values[k]?.trim());

/**
 * One register row's own rules. `head` is null when the row leaves every household column empty
 * (a further family member of the worker above); `member` is null when it names no member.
 */
export function checkHouseholdRow(values: RowValues): {
  employeeNo: string | null;
  head: HouseholdFields | null;
  member: MemberRecord | null;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const no = field(issues, 'employeeNo', employeeNo, values.employeeNo) ?? null;
  let head: HouseholdFields | null = null;
  if (filled(values, HOUSEHOLD_OWN_FIELDS)) {
    const h = {
      category: field(issues, 'category', category, values.category),
      keepingLevel: field(issues, 'keepingLevel', keepingLevel, values.keepingLevel),
      causes: field(issues, 'causes', causes, values.causes),
      monthlyIncomeFen: field(issues, 'monthlyIncome', yuanToFen, values.monthlyIncome),
      housing: field(issues, 'housing', optionalText(200), values.housing),
      address: field(issues, 'address', requiredText(200), values.address),
      phone: field(issues, 'phone', phone, values.phone),
      filedOn: field(issues, 'filedOn', optionalImportDate, values.filedOn?.trim()),
      notes: field(issues, 'notes', optionalText(2000), values.notes),
    };
    head = h as HouseholdFields;
  }
  let member: MemberRecord | null = null;
  if (filled(values, MEMBER_FIELDS)) {
    member = {
      name: field(issues, 'memberName', personName, values.memberName)!,
      relation: field(issues, 'memberRelation', relation, values.memberRelation)!,
      birthDate: field(issues, 'memberBirthDate', importDate, values.memberBirthDate?.trim())!,
      health: field(issues, 'memberHealth', optionalText(200), values.memberHealth)!,
      schoolOrWork: field(issues, 'memberSchoolOrWork', optionalText(200), values.memberSchoolOrWork)!,
      monthlyIncomeFen: field(issues, 'memberIncome', yuanToFen, values.memberIncome)!,
    };
  }
  return { employeeNo: no, head, member, issues };
}

export const MAX_MEMBERS = 20;

/** Whether two readings of a household's own columns say the same (a repeated first row). */
export function sameHousehold(a: HouseholdFields, b: HouseholdFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Duplicates within one file: the first row that used a key wins, every later row is told which
 * row it repeats. Holds one entry per distinct key (100,000 employee numbers are a few MB).
 */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  /** The earlier row with this key, or null (and the key is now this row's). */
  claim(key: string, rowNo: number): number | null {
    const earlier = this.rows.get(key);
    if (earlier !== undefined) return earlier;
    this.rows.set(key, rowNo);
    return null;
  }
}

export const duplicateOf = (row: number) => withValues('duplicateInFile', { row });
