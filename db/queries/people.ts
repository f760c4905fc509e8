import 'server-only';
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits, users, type Role } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { maskIdNumber, maskPhone } from '@/lib/mask';
import { escapeLike, type Scope } from '@/lib/scope';
import {
  cappedCount,
  cursorOf,
  keysetPage,
  pageOf,
  type KeysetPage,
  type PageAt,
  type SortTerm,
  type Total,
} from './keyset';
import { peopleWhere } from './scope';

export const PAGE_SIZE = 20;

/** A person as lists show them: ID number and phone already masked on the server. */
export interface PersonRow {
  id: number;
  employeeNo: string;
  name: string;
  role: Role;
  unitId: number;
  unitName: string;
  idNumberMasked: string;
  phoneMasked: string;
  disabled: boolean;
}

export interface PeopleFilter {
  q?: string;
  role?: Role;
  unitId?: number;
  status?: 'active' | 'disabled';
}

function filterWhere(scope: Scope, f: PeopleFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    peopleWhere(scope),
    q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.employeeNo, `${escapeLike(q)}%`)) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.unitId ? eq(users.unitId, f.unitId) : undefined,
    f.status ? eq(users.disabled, f.status === 'disabled') : undefined,
  );
}

/** The columns both the list and the detail read; the masking happens before anything leaves. */
const personColumns = {
  id: users.id,
  employeeNo: users.employeeNo,
  name: users.name,
  role: users.role,
  unitId: users.unitId,
  unitName: orgUnits.name,
  idNumber: users.idNumber,
  phone: users.phone,
  disabled: users.disabled,
};

const masked = <R extends { idNumber: string | null; phone: string | null }>({ idNumber, phone, ...r }: R) => ({
  ...r,
  idNumberMasked: maskIdNumber(idNumber),
  phoneMasked: maskPhone(phone),
});

/** The worker directory's order: by employee number (unique), then id, as a cursor holds them. */
export const PEOPLE_ORDER: SortTerm[] = [
  { expr: users.employeeNo, dir: 'asc' },
  { expr: users.id, dir: 'asc' },
];

/**
 * One page of people in scope, in employee-number order after or before a cursor (PageAt), with
 * the total counted up to COUNT_CAP: the worker directory, a million rows at provincial scale.
 */
export async function listPeoplePage(
  db: Queryable,
  scope: Scope,
  f: PeopleFilter,
  at: PageAt = {},
): Promise<KeysetPage<PersonRow> & { total: Total }> {
  const where = filterWhere(scope, f);
  const cursor = cursorOf(PEOPLE_ORDER);
  const [page, total] = await Promise.all([
    keysetPage(PEOPLE_ORDER, at, PAGE_SIZE, (req) =>
      pageOf(
        db
          .select({ ...personColumns, cursor })
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
          .$dynamic(),
        where,
        req,
      ),
    ),
    cappedCount(
      db,
      db.select({ id: users.id }).from(users).leftJoin(orgUnits, eq(orgUnits.id, users.unitId)).where(where).$dynamic(),
    ),
  ]);
  return { ...page, total, rows: page.rows.map(masked) };
}

/** One person in scope, with unmasked fields only for the callers that edit them. */
export interface PersonDetail extends PersonRow {
  unitPath: string;
  idNumber: string | null;
  phone: string | null;
  sessionVersion: number;
  createdAt: Date;
}

export async function getPerson(
  db: Queryable,
  scope: Scope,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<PersonDetail> {
  const q = db
    .select({
      ...personColumns,
      unitPath: orgUnits.path,
      sessionVersion: users.sessionVersion,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.id, id), peopleWhere(scope)))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: users }) : await q;
  if (!row) throw notFound();
  return { ...row, idNumberMasked: maskIdNumber(row.idNumber), phoneMasked: maskPhone(row.phone) };
}

/** The fields an audit row may hold about a person: never the hash, ID number masked. */
export function personAuditView(
  p: Pick<PersonDetail, 'employeeNo' | 'name' | 'role' | 'unitId' | 'idNumber' | 'phone' | 'disabled'>,
) {
  return {
    employeeNo: p.employeeNo,
    name: p.name,
    role: p.role,
    unitId: p.unitId,
    idNumber: maskIdNumber(p.idNumber),
    phone: maskPhone(p.phone),
    disabled: p.disabled,
  };
}
