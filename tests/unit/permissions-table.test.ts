import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, PERMISSIONS, permissionsMarkdown } from '@/lib/permissions';
import { ROLES } from '@/lib/roles';

const root = path.resolve(import.meta.dirname, '../..');
const sources = ['app', 'components', 'lib', 'db']
  .flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)),
  )
  .filter((f) => /\.tsx?$/.test(f) && f !== path.join('lib', 'permissions.ts'))
  .map((f) => readFileSync(path.join(root, f), 'utf8'))
  .join('\n');

describe('the permission table', () => {
  it('names only real roles, each capability with at least one', () => {
    for (const c of CAPABILITIES) {
      expect(PERMISSIONS[c].length, c).toBeGreaterThan(0);
      for (const r of PERMISSIONS[c]) expect(ROLES, `${c}: ${r}`).toContain(r);
    }
  });

  it('has no capability that nothing checks', () => {
    const unused = CAPABILITIES.filter((c) => !sources.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });

  it('is the table the README shows', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /<!-- permissions:start -->\n([\s\S]*?)\n<!-- permissions:end -->/.exec(readme);
    expect(block, 'README.md lacks the permissions block').not.toBeNull();
    // On a mismatch, paste permissionsMarkdown()'s output (npm run permissions:table) into the README.
    expect(block![1].trim()).toBe(permissionsMarkdown());
  });
});
