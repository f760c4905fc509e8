import { describe, expect, it } from 'vitest';
import { NAV } from '@/lib/nav';
import { can } from '@/lib/permissions';
import { currentHref, FLAT_MENU_MAX, groupMenu } from '@/lib/nav-menu';
import type { Role } from '@/lib/roles';

const menuOf = (role: Role) =>
  NAV.filter((n) => can(role, n.can)).map((n) => ({ href: n.href, label: n.key, group: n.group }));

describe('the main menu', () => {
  it('groups the leader’s 25 sections by the work, in a fixed order, every section once', () => {
    const menu = menuOf('leader');
    expect(menu).toHaveLength(25);
    const groups = groupMenu(menu);
    expect(groups.map((g) => g.group)).toEqual(['dashboard', 'cases', 'register', 'programmes', 'reports', 'admin']);
    expect(groups.flatMap((g) => g.items)).toHaveLength(25);
    // Six entries fit a desktop strip; no group is longer than a phone screen's list.
    expect(groups.length).toBeLessThanOrEqual(FLAT_MENU_MAX);
    expect(Math.max(...groups.map((g) => g.items.length))).toBeLessThanOrEqual(6);
  });

  it('keeps a short menu flat', () => {
    expect(menuOf('worker').length).toBeLessThanOrEqual(FLAT_MENU_MAX);
    expect(menuOf('admin').length).toBeLessThanOrEqual(FLAT_MENU_MAX);
    expect(menuOf('sub_branch_official').length).toBeGreaterThan(FLAT_MENU_MAX);
  });

  it('finds the current section by the longest link the path lies under', () => {
    const hrefs = NAV.map((n) => n.href);
    expect(currentHref(hrefs, '/households/pairings')).toBe('/households/pairings');
    expect(currentHref(hrefs, '/households/12')).toBe('/households');
    expect(currentHref(hrefs, '/cases/queue')).toBe('/cases/queue');
    expect(currentHref(hrefs, '/cases/7/print')).toBe('/cases');
    expect(currentHref(hrefs, '/casesX')).toBeNull();
    expect(currentHref(hrefs, '/account/password')).toBeNull();
  });
});
