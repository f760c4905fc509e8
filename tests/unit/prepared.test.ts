import { describe, expect, it, vi } from 'vitest';
import type { Queryable } from '@/db/client';
import { preparedOn } from '@/db/prepared';

const handle = () => ({}) as unknown as Queryable;

describe('preparedOn', () => {
  it('builds a query once per database handle and builder', () => {
    const db = handle();
    const build = vi.fn(() => ({ built: true }));
    const first = preparedOn(db, build);
    expect(preparedOn(db, build)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(build).toHaveBeenCalledWith(db);
  });

  it('builds again for another handle (a transaction) or another builder', () => {
    const db = handle();
    const tx = handle();
    const build = vi.fn(() => ({}));
    const other = vi.fn(() => ({}));
    const onDb = preparedOn(db, build);
    expect(preparedOn(tx, build)).not.toBe(onDb);
    expect(preparedOn(db, other)).not.toBe(onDb);
    expect(build).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(1);
  });
});
