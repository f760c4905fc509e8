import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { positiveInt, serverSettings } from '../../scripts/settings.mjs';

describe('the server settings read from the environment', () => {
  it('takes a positive whole number, and the default when unset or empty, without a warning', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(positiveInt({ N: '6' }, 'N', 4, warn)).toBe(6);
    expect(positiveInt({ N: ' 6 ' }, 'N', 4, warn)).toBe(6);
    expect(positiveInt({}, 'N', 4, warn)).toBe(4);
    expect(positiveInt({ N: '' }, 'N', 4, warn)).toBe(4);
    expect(warnings).toEqual([]);
  });

  it('falls back to the default on anything else, and says so', () => {
    for (const bad of ['0', '-2', '2.5', 'four', '1e400']) {
      const warnings: string[] = [];
      expect(positiveInt({ N: bad }, 'N', 4, (m) => warnings.push(m))).toBe(4);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('N=');
      expect(warnings[0]).toContain('using 4');
    }
  });

  it('runs one worker on PGlite and one per core on PostgreSQL unless told otherwise', () => {
    const quiet = () => {};
    expect(serverSettings({ WEB_CONCURRENCY: '8' }, quiet).workers).toBe(1);
    expect(serverSettings({ DATABASE_URL: 'postgres://x' }, quiet).workers).toBe(os.availableParallelism());
    expect(serverSettings({ DATABASE_URL: 'postgres://x', WEB_CONCURRENCY: '3' }, quiet).workers).toBe(3);
    expect(serverSettings({}, quiet)).toMatchObject({ semiSpaceMb: 128, renderConcurrency: 4, renderQueueMax: 2000 });
    expect(serverSettings({ RENDER_CONCURRENCY: '2', RENDER_QUEUE_MAX: '10' }, quiet)).toMatchObject({
      renderConcurrency: 2,
      renderQueueMax: 10,
    });
  });
});
