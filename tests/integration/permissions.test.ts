import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/lib/permissions';
import { ROLES, type Role } from '@/lib/roles';
import { signInAs, signOutSession } from '../session';

/**
 * Every exported server action, with the roles allowed to call it. Adding an action without an
 * entry here fails the first test; each entry is then called as every role and as nobody.
 * 'public' actions answer anyone; 'any' means every signed-in role.
 */
// Who keeps the hardship register, and who may do care work for a household they help.
const KEEPERS: readonly Role[] = ['sub_branch_official', 'branch_official', 'leader'];
const CARERS: readonly Role[] = ['worker', 'sub_branch_official', 'branch_official', 'leader'];

const TABLE: Record<string, readonly Role[] | 'public'> = {
  '(auth)/login#login': 'public',
  '(portal)#logout': ROLES,
  '(portal)/(forms)/account#changePassword': ROLES,
  '(portal)/(forms)/admin/units#createUnit': ['admin'],
  '(portal)/(forms)/admin/units#renameUnit': ['admin'],
  '(portal)/(forms)/admin/units#moveUnit': ['admin'],
  '(portal)/(forms)/admin/users#createUser': ['admin'],
  '(portal)/(forms)/admin/users#updateUser': ['admin'],
  '(portal)/(forms)/admin/users#setUserDisabled': ['admin'],
  '(portal)/(forms)/admin/users#resetPassword': ['admin'],
  '(portal)/(forms)/workers#updateContact': ['sub_branch_official', 'branch_official', 'leader', 'admin'],
  '(portal)/(forms)/households#fileHousehold': KEEPERS,
  '(portal)/(forms)/households#updateHousehold': KEEPERS,
  '(portal)/(forms)/households#changeCategory': KEEPERS,
  '(portal)/(forms)/households#reviewHousehold': KEEPERS,
  '(portal)/(forms)/households#exitHousehold': KEEPERS,
  '(portal)/(forms)/households#refileHousehold': KEEPERS,
  '(portal)/(forms)/households#assignHelper': KEEPERS,
  // Any account may be a household's helper; whether it is one for this household is a scope question.
  '(portal)/(forms)/households#recordVisit': CARERS,
  '(portal)/(forms)/tasks#updateTaskStatus': CARERS,
  '(portal)/(forms)/symposiums#recordSymposium': KEEPERS,
  '(portal)/(forms)/symposiums#opinionToTask': KEEPERS,
  // Aid cases: workers apply; each step's people decide (the step itself is the workflow's rule).
  '(portal)/(forms)/cases#saveDraft': ['worker'],
  '(portal)/(forms)/cases#submitCase': ['worker'],
  '(portal)/(forms)/cases#withdrawCase': ['worker'],
  '(portal)/(forms)/cases#resubmitCase': ['worker'],
  '(portal)/(forms)/cases#decideCase': KEEPERS,
  // Anyone signed in may object during publicity (公示).
  '(portal)/(forms)/cases#objectToCase': ROLES,
  '(portal)/(forms)/cases#decideObjection': ['branch_official', 'leader'],
  '(portal)/(forms)/cases#recordPayment': ['leader'],
  '(portal)/(forms)/cases#markNotificationsRead': ROLES,
  // Supporting documents: only the applicant, on their own editable case (a scope question).
  '(portal)/(forms)/cases/documents-actions#uploadDocument': ['worker'],
  '(portal)/(forms)/cases/documents-actions#deleteDocument': ['worker'],
  '(portal)/(forms)/aid-admin#saveStandard': ['leader'],
  '(portal)/(forms)/aid-admin#setBudget': ['leader'],
  '(portal)/(forms)/aid-admin#setPublicityDays': ['leader'],
  // Dream Come True (圆梦行动): workers register their children and apply; the parent or an official
  // in scope corrects a record; branch officials nominate, leaders award.
  '(portal)/(forms)/students#registerStudent': ['worker'],
  '(portal)/(forms)/students#updateStudent': ['worker', 'sub_branch_official', 'branch_official', 'leader'],
  '(portal)/(forms)/students#saveStudentAid': ['worker'],
  '(portal)/(forms)/students#submitStudentAid': ['worker'],
  '(portal)/(forms)/students#nominateStudent': ['branch_official'],
  '(portal)/(forms)/students#awardStudent': ['leader'],
  // Campaigns (送温暖): leaders create, set quotas, publish and approve; keepers adjust their part and
  // hand over; the branch confirms.
  '(portal)/(forms)/campaigns#createCampaign': ['leader'],
  '(portal)/(forms)/campaigns#setQuota': ['leader'],
  '(portal)/(forms)/campaigns#setPublicList': ['leader'],
  '(portal)/(forms)/campaigns#approveCampaign': ['leader'],
  '(portal)/(forms)/campaigns#addEntry': KEEPERS,
  '(portal)/(forms)/campaigns#changeEntry': KEEPERS,
  '(portal)/(forms)/campaigns#confirmBranch': ['branch_official'],
  '(portal)/(forms)/campaigns#recordHandover': KEEPERS,
  '(portal)/(forms)/campaigns#uploadSheet': KEEPERS,
};

const DEMO: Record<Role, string> = {
  worker: 'W0001',
  sub_branch_official: 'S0001',
  branch_official: 'B0001',
  leader: 'L0001',
  admin: 'A0001',
};

// actions.ts and a feature's further action files (documents-actions.ts), keyed by route, then file.
const modules = import.meta.glob('/app/**/*actions.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function exportedActions(): Map<string, (input: unknown) => Promise<unknown>> {
  const found = new Map<string, (input: unknown) => Promise<unknown>>();
  for (const [file, mod] of Object.entries(modules)) {
    const route = file.replace(/^\/app\//, '').replace(/\/actions\.ts$|\.ts$/, '');
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') found.set(`${route}#${name}`, value as (input: unknown) => Promise<unknown>);
    }
  }
  return found;
}

describe('permission table', () => {
  const actions = exportedActions();

  it('lists every exported server action, and nothing that does not exist', () => {
    expect(actions.size).toBeGreaterThan(5);
    expect([...actions.keys()].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('gives each action a capability of lib/permissions.ts whose roles are the ones listed here', () => {
    for (const [key, allowed] of Object.entries(TABLE)) {
      const capability = (actions.get(key) as { capability?: keyof typeof PERMISSIONS } | undefined)?.capability;
      // Sign-in and sign-out are not built with action(): they have no capability to check.
      if (key === '(auth)/login#login' || key === '(portal)#logout') continue;
      expect(capability, key).toBeDefined();
      expect([...PERMISSIONS[capability!]].sort(), key).toEqual([...(allowed as readonly Role[])].sort());
    }
  });

  for (const [key, allowed] of Object.entries(TABLE)) {
    describe(key, () => {
      for (const role of ROLES) {
        const may = allowed === 'public' || allowed.includes(role);
        it(`${may ? 'admits' : 'refuses'} ${role}`, async () => {
          await signInAs(DEMO[role]);
          // An empty input: an admitted caller gets as far as validation, a refused one must be
          // stopped before it (so the refusal cannot depend on what was sent).
          const result = (await actions.get(key)!({})) as { ok: boolean; code?: string } | undefined;
          if (may) expect(result?.code).not.toBe('forbidden');
          else expect(result).toMatchObject({ ok: false, code: 'forbidden' });
        });
      }
      if (allowed !== 'public') {
        it('refuses an anonymous caller', async () => {
          signOutSession();
          const result = (await actions.get(key)!({})) as { ok: boolean; code?: string } | undefined;
          // logout has nothing to refuse: signing out nobody is harmless and returns nothing.
          if (key === '(portal)#logout') expect(result).toBeUndefined();
          else expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
        });
      }
    });
  }
});
