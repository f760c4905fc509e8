import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/roles';
import { childPath } from '@/lib/scope';
import type { Database, Tx } from './client';
import { BRANCHES, DEMO_PASSWORD, MINE, WORKER_COUNT, chineseName, fakeIdNumber, fakePhone, rng } from './demo-data';
import { auditLog, orgUnits, users, type UnitLevel } from './schema';
import { seedRegister } from './seed-register';

async function ensureUnit(
  tx: Tx,
  code: string,
  name: string,
  level: UnitLevel,
  parent: { id: number; path: string } | null,
) {
  const [existing] = await tx
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.code, code));
  if (existing) return existing;
  const [{ id }] = (
    await tx.execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('org_units', 'id'))::int AS id`)
  ).rows;
  const path = childPath(parent?.path ?? null, id);
  await tx.insert(orgUnits).values({ id, code, name, level, parentId: parent?.id ?? null, path });
  return { id, path };
}

interface SeedUser {
  employeeNo: string;
  name: string;
  role: Role;
  unitId: number;
}

/**
 * The demo mine: 5 branches, 16 sub-branches, 360 workers and the named demo accounts, all with
 * the password demo1234. Running it again adds nothing that is already there. Only for demo and
 * test databases: no route or production start calls it.
 */
export async function seedDemo(db: Database): Promise<{ created: number; households: number }> {
  // One hash shared by every demo account: hashing 400 passwords would add half a minute to
  // every fresh start, and these accounts are demo-only by definition.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const mine = await ensureUnit(tx, MINE.code, MINE.name, 'mine', null);
    const subUnits: number[] = [];
    const branchIds: number[] = [];
    const subByBranch: number[][] = [];
    for (const b of BRANCHES) {
      const branch = await ensureUnit(tx, b.code, b.name, 'branch', mine);
      branchIds.push(branch.id);
      const subs: number[] = [];
      for (const [i, name] of b.subs.entries()) {
        const sub = await ensureUnit(tx, `${b.code}-${String(i + 1).padStart(2, '0')}`, name, 'sub_branch', branch);
        subs.push(sub.id);
        subUnits.push(sub.id);
      }
      subByBranch.push(subs);
    }

    const r = rng(20261124);
    const people: SeedUser[] = [
      { employeeNo: 'A0001', name: '系统管理员', role: 'admin', unitId: mine.id },
      { employeeNo: 'L0001', name: '周建国', role: 'leader', unitId: mine.id },
      { employeeNo: 'L0002', name: '陈志明', role: 'leader', unitId: mine.id },
      { employeeNo: 'L0003', name: '刘玉兰', role: 'leader', unitId: mine.id },
    ];
    branchIds.forEach((unitId, i) =>
      people.push({
        employeeNo: `B${String(i + 1).padStart(4, '0')}`,
        name: chineseName(r),
        role: 'branch_official',
        unitId,
      }),
    );
    subUnits.forEach((unitId, i) =>
      people.push({
        employeeNo: `S${String(i + 1).padStart(4, '0')}`,
        name: chineseName(r),
        role: 'sub_branch_official',
        unitId,
      }),
    );
    for (let i = 0; i < WORKER_COUNT; i++) {
      // W0001 sits in the first sub-branch of the first branch; the rest spread over all sub-branches.
      const unitId = i === 0 ? subByBranch[0][0] : subUnits[i % subUnits.length];
      people.push({
        employeeNo: `W${String(i + 1).padStart(4, '0')}`,
        name: i === 0 ? '张小明' : chineseName(r),
        role: 'worker',
        unitId,
      });
    }

    const rows = people.map((p, i) => ({ ...p, idNumber: fakeIdNumber(r, i), phone: fakePhone(i), passwordHash }));
    const inserted = await tx
      .insert(users)
      .values(rows)
      .onConflictDoNothing({ target: users.employeeNo })
      .returning({ id: users.id });
    const households = await seedRegister(tx);
    if (inserted.length || households) {
      await tx.insert(auditLog).values({
        actorId: null,
        action: 'system.seed',
        entity: 'demo',
        after: { users: inserted.length, households },
      });
    }
    return { created: inserted.length, households };
  });
}
