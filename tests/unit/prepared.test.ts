import { describe, expect, it, vi } from 'vitest';
import type { Queryable } from '@/db/client';
import { preparedOn } from '@/db/prepared';

const handle = () => ({}) as unknown as Queryable;

describe('preparedOn', () => {
  it('builds a query once per database handle and name', () => {
    const db = handle();
    const build = vi.fn(() => ({ built: true }));
    const first = preparedOn(db, 'q', build);
    expect(preparedOn(db, 'q', build)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(build).toHaveBeenCalledWith(db);
  });

  it('builds again for another handle (a transaction) or another name', () => {
    const db = handle();
    const tx = handle();
    const build = vi.fn(() => ({}));
    const onDb = preparedOn(db, 'q', build);
    expect(preparedOn(tx, 'q', build)).not.toBe(onDb);
    expect(preparedOn(db, 'other', build)).not.toBe(onDb);
    expect(build).toHaveBeenCalledTimes(3);
  });
});
