import type { PoolClient } from 'pg';
import { describe, expect, it } from 'vitest';
import { MAX_PER_CONNECTION, nameStatements, statementName } from '@/db/named-statements';

/** A pool connection that records what query() receives. */
function recordingClient() {
  const seen: { config: unknown; values: unknown }[] = [];
  const client = {
    query: (config: unknown, values?: unknown) => seen.push({ config, values }),
  } as unknown as PoolClient;
  nameStatements(client);
  return { seen, query: client.query as unknown as (config: unknown, values?: unknown) => void };
}

const nameOf = (config: unknown) =>
  typeof config === 'object' && config ? (config as { name?: string }).name : undefined;

describe('named statements', () => {
  it('name a parameterised statement after its text, the same name every time', () => {
    const { seen, query } = recordingClient();
    const config = { text: 'select $1::int', rowMode: 'array' };
    query(config, [1]);
    query({ text: 'select $1::int' }, [2]);
    query('select $1::int + 1', [3]);
    expect(nameOf(seen[0].config)).toBe(statementName('select $1::int'));
    expect(nameOf(seen[1].config)).toBe(nameOf(seen[0].config));
    expect(nameOf(seen[2].config)).toBe(statementName('select $1::int + 1'));
    expect(nameOf(seen[2].config)).not.toBe(nameOf(seen[0].config));
    // The caller's own config object is left as it was, its other fields kept.
    expect(config).toEqual({ text: 'select $1::int', rowMode: 'array' });
    expect(seen[0].config).toMatchObject({ rowMode: 'array' });
    expect(seen[0].values).toEqual([1]);
    expect(statementName('select $1::int').length).toBeLessThan(64); // PostgreSQL's identifier limit
  });

  it('leave statements without parameters, and names given by the caller, alone', () => {
    const { seen, query } = recordingClient();
    query('begin');
    query({ text: 'select 1; select 2' });
    query({ text: 'select $1', name: 'mine' }, [1]);
    query({ text: 'select 1' }, []);
    expect(seen.map((s) => nameOf(s.config))).toEqual([undefined, undefined, 'mine', undefined]);
  });

  it('prepare at most a bounded number of texts per connection, then run new ones unnamed', () => {
    const { seen, query } = recordingClient();
    for (let i = 0; i < MAX_PER_CONNECTION + 5; i++) query(`select $1::int + ${i}`, [i]);
    const named = seen.filter((s) => nameOf(s.config)).length;
    expect(named).toBe(MAX_PER_CONNECTION);
    // A text prepared before the limit keeps its name.
    query('select $1::int + 0', [0]);
    expect(nameOf(seen.at(-1)!.config)).toBe(statementName('select $1::int + 0'));
    query('select $1::int + 99999', [0]);
    expect(nameOf(seen.at(-1)!.config)).toBeUndefined();
  });
});
