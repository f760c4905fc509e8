import { NAV_GROUPS, type NavGroup } from './nav';

export interface MenuItem {
  href: string;
  label: string;
  group: NavGroup;
}

export interface MenuGroup {
  group: NavGroup;
  items: MenuItem[];
}

/**
 * Up to this many sections fit a desktop strip as plain links (a worker has 4, the administrator
 * 6); beyond it (officials 10–12, a leader 18) the strip shows one entry per kind of work.
 */
export const FLAT_MENU_MAX = 6;

/** The sections a person sees, grouped by the work in NAV_GROUPS' order; empty groups left out. */
export function groupMenu(items: MenuItem[]): MenuGroup[] {
  return NAV_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * The section the page belongs to: the longest menu link the path equals or lies under
 * (/households/pairings, not /households), or null on a page outside the menu (/account/password).
 */
export function currentHref(hrefs: readonly string[], pathname: string): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    if ((pathname === href || pathname.startsWith(`${href}/`)) && (!best || href.length > best.length)) best = href;
  }
  return best;
}
