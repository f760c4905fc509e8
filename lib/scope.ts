import type { Role } from './roles';

/**
 * Who is asking. Built from the session *and* the database on every request, so a moved unit or
 * changed role is already reflected here.
 */
export interface Actor {
  userId: number;
  employeeNo: string;
  name: string;
  role: Role;
  unitId: number;
  unitPath: string;
  version: number;
  /** Still on a one-time password: nothing but changing it is allowed (lib/auth/session.ts). */
  mustChangePassword?: boolean;
}

/** What an actor may see: themself, a unit subtree, or the whole mine. */
export type Scope = { kind: 'self'; userId: number } | { kind: 'subtree'; unitPath: string } | { kind: 'all' };

export function scopeOf(actor: Pick<Actor, 'role' | 'userId' | 'unitPath'>): Scope {
  switch (actor.role) {
    case 'worker':
      return { kind: 'self', userId: actor.userId };
    case 'sub_branch_official':
    case 'branch_official':
      return { kind: 'subtree', unitPath: actor.unitPath };
    case 'leader':
    case 'admin':
      return { kind: 'all' };
  }
}

/** Whether a unit (by its path) lies in the scope; a worker's scope holds no unit as such. */
export function unitInScope(scope: Scope, unitPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'subtree') return unitPath.startsWith(scope.unitPath);
  return false;
}

/** Whether a person (by id and unit path) lies in the scope. */
export function personInScope(scope: Scope, person: { userId: number; unitPath: string }): boolean {
  if (scope.kind === 'self') return person.userId === scope.userId;
  return unitInScope(scope, person.unitPath);
}

/** `s` with LIKE's wildcards and escape character taken literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for what starts with `prefix`, its wildcards matching only literally (a unit path). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** The path of a unit created below `parentPath` with id `id`. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? ''}${id}.`;
}

/** Rewrites a descendant's path when its ancestor moves from oldPrefix to newPrefix. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`${path} is not below ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}
