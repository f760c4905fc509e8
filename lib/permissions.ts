import { ROLES, type Role } from './roles';

/**
 * Who may do what: every capability the portal checks, and the roles that have it. This is the
 * only place a list of roles is written. Pages (`requirePermission`), route handlers
 * (`routeActor`), server actions (`action({ can })`), the menu (lib/nav.ts) and the workflow's
 * steps read it; a capability used without an entry here fails the type check.
 *
 * A capability says which role may try; which records it may touch is the scope's question
 * (lib/scope.ts, in every query), and rules such as "not on your own case" or "not at two steps of
 * one case" come on top in the workflow.
 */
const ALL = ROLES;
/** Officials and leaders: who keeps the register and decides cases (administrators run accounts, not files). */
const KEEPERS = ['sub_branch_official', 'branch_official', 'leader'] as const satisfies readonly Role[];

export const PERMISSIONS = {
  'dashboard.view': ALL,
  'account.manage': ALL,
  'notifications.read': ALL,

  // Aid cases (帮扶申请): workers apply for themselves; each step's people decide.
  'cases.view': ['worker', ...KEEPERS],
  'cases.apply': ['worker'],
  'cases.queue': KEEPERS,
  'cases.decide': KEEPERS,
  'cases.verify': ['sub_branch_official'],
  'cases.review': ['branch_official'],
  'cases.approve': ['leader'],
  'cases.pay': ['leader'],
  'publicity.view': ALL,
  'publicity.object': ALL,
  'publicity.decideObjection': ['branch_official', 'leader'],
  'payments.view': KEEPERS,
  'exports.ledgers': KEEPERS,

  // Aid standards, budgets and the publicity window: leaders.
  'aid.standards': ['leader'],
  'aid.budgets': ['leader'],
  'aid.publicitySettings': ['leader'],

  // The hardship register (困难职工档案).
  'register.view': KEEPERS,
  'register.edit': KEEPERS,
  // Visits and tasks: the keepers, and any account serving as a household's helper (a scope question).
  'register.care': ['worker', ...KEEPERS],
  'register.pairings': ['leader'],
  'symposiums.manage': KEEPERS,

  // Dream Come True (圆梦行动).
  'students.view': ['worker', ...KEEPERS],
  'students.register': ['worker'],
  'students.apply': ['worker'],
  // The parent, or an official in scope, corrects a student's record.
  'students.correct': ['worker', ...KEEPERS],
  'students.nominate': ['branch_official'],
  'students.award': ['leader'],
  'students.awardsView': ['branch_official', 'leader'],
  'students.report': ['branch_official', 'leader'],
  'students.standards': ['leader'],

  // Batch campaigns (送温暖 …): leaders set them up and approve the list; officials adjust their
  // part and hand over; the branch confirms its part.
  'campaigns.view': KEEPERS,
  'campaigns.manage': ['leader'],
  'campaigns.adjust': KEEPERS,
  'campaigns.confirm': ['branch_official'],
  'campaigns.approve': ['leader'],
  'campaigns.distribute': KEEPERS,

  // Basic medical insurance premiums (城镇居民医保): a leader opens the year's batch, officials adjust
  // and confirm their parts, a leader approves and pays. Full ID numbers leave the portal only for leaders.
  'premiums.view': KEEPERS,
  'premiums.manage': ['leader'],
  'premiums.adjust': KEEPERS,
  'premiums.confirm': KEEPERS,
  'premiums.approve': ['leader'],
  'premiums.pay': ['leader'],
  'premiums.fullIdNumbers': ['leader'],

  // Employment assistance (就业帮扶, 一人一档): the keepers open files, follow up, record placements
  // and link a placement to the household's exit from hardship.
  'employment.view': KEEPERS,
  'employment.manage': KEEPERS,

  // Survivors (遗属) and lone elderly people (孤寡老人): the keepers keep the lists, the yearly checks,
  // visits and help; an advance is settled by a branch official or a leader.
  'care.view': KEEPERS,
  'care.manage': KEEPERS,
  'care.settle': ['branch_official', 'leader'],
  // Guarantee (保障帮扶): the medical mutual-aid society and mutual-aid insurance. Leaders (the
  // mutual-aid office) keep the schemes and the funds; officials list their unit's workers and the
  // branch confirms; a worker asks to join and claims, or an official claims for them. Claims then
  // run on the case chain (cases.decide, cases.pay).
  'mutual.view': ['worker', ...KEEPERS],
  'mutual.schemes': ['leader'],
  'mutual.enrol': KEEPERS,
  'mutual.requestEnrolment': ['worker'],
  'mutual.confirm': ['branch_official', 'leader'],
  'mutual.contributions': KEEPERS,
  'mutual.claim': ['worker', ...KEEPERS],
  'mutual.funds': ['leader'],

  'reports.view': KEEPERS,

  // People and the organisation.
  'workers.view': [...KEEPERS, 'admin'],
  'workers.editContact': [...KEEPERS, 'admin'],
  'admin.read': ['leader', 'admin'],
  'admin.units': ['admin'],
  'admin.users': ['admin'],

  // Imports: the roster (workers into units) by the administrator; households of the register by
  // whoever keeps it, within their scope.
  'imports.roster': ['admin'],
  'imports.households': KEEPERS,

  // A person's own data (PIPL right of access): everyone for themself; the administrator for a
  // named person on request, with a reason.
  'ownData.self': ALL,
  'ownData.forRequest': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof PERMISSIONS;

export const CAPABILITIES = Object.keys(PERMISSIONS) as Capability[];

export function rolesWith(capability: Capability): readonly Role[] {
  return PERMISSIONS[capability];
}

export function can(role: Role, capability: Capability): boolean {
  return (PERMISSIONS[capability] as readonly Role[]).includes(role);
}

/** The capability table as Markdown (capability × role), as the README shows it under "What each role may do". */
export function permissionsMarkdown(): string {
  const head = `| capability | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = CAPABILITIES.map((c) => `| \`${c}\` | ${ROLES.map((r) => (can(r, c) ? '✓' : '')).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}
