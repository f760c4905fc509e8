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
  'auth/login#login': 'public',
  'auth/logout#logout': ROLES,
  'auth/password#changePassword': ROLES,
  'admin/unit#createUnit': ['admin'],
  'admin/unit#renameUnit': ['admin'],
  'admin/unit#moveUnit': ['admin'],
  'admin/user#createUser': ['admin'],
  'admin/user#updateUser': ['admin'],
  'admin/user#setUserDisabled': ['admin'],
  'admin/user#resetPassword': ['admin'],
  'people/worker#updateContact': ['sub_branch_official', 'branch_official', 'leader', 'admin'],
  'people/worker#revealIdentifiers': ['sub_branch_official', 'branch_official', 'leader', 'admin'],
  'register/household#fileHousehold': KEEPERS,
  'register/household#updateHousehold': KEEPERS,
  'register/household#changeCategory': KEEPERS,
  'register/household#reviewHousehold': KEEPERS,
  'register/household#exitHousehold': KEEPERS,
  'register/household#refileHousehold': KEEPERS,
  'register/household#assignHelper': KEEPERS,
  'register/household#readHouseholdPhone': KEEPERS,
  // Any account may be a household's helper; whether it is one for this household is a scope question.
  'register/household#recordVisit': CARERS,
  'register/task#updateTaskStatus': CARERS,
  'register/symposium#recordSymposium': KEEPERS,
  'register/symposium#opinionToTask': KEEPERS,
  // Aid cases: workers apply; each step's people decide (the step itself is the workflow's rule).
  'cases/case#saveDraft': ['worker'],
  'cases/case#submitCase': ['worker'],
  'cases/case#withdrawCase': ['worker'],
  'cases/case#resubmitCase': ['worker'],
  'cases/case#decideCase': KEEPERS,
  // Anyone signed in may object during publicity (公示).
  'cases/case#objectToCase': ROLES,
  'cases/case#decideObjection': ['branch_official', 'leader'],
  'cases/case#recordPayment': ['leader'],
  'cases/case#markNotificationsRead': ROLES,
  // Supporting documents: only the applicant, on their own editable case (a scope question).
  'cases/document#uploadDocument': ['worker'],
  'cases/document#deleteDocument': ['worker'],
  'aid/aid-admin#saveStandard': ['leader'],
  'aid/aid-admin#setBudget': ['leader'],
  'aid/aid-admin#setPublicityDays': ['leader'],
  // Dream Come True (圆梦行动): workers register their children and apply; the parent or an official
  // in scope corrects a record; branch officials nominate, leaders award.
  'students/student#registerStudent': ['worker'],
  'students/student#updateStudent': ['worker', 'sub_branch_official', 'branch_official', 'leader'],
  'students/student#readStudentIdNumber': ['worker', 'sub_branch_official', 'branch_official', 'leader'],
  'students/student#saveStudentAid': ['worker'],
  'students/student#submitStudentAid': ['worker'],
  'students/student#nominateStudent': ['branch_official'],
  'students/student#awardStudent': ['leader'],
  // Campaigns (送温暖): leaders create, set quotas, publish and approve; keepers adjust their part and
  // hand over; the branch confirms.
  // Guarantee (保障帮扶): leaders keep the schemes; officials list, the branch confirms; workers ask
  // and claim, officials claim for them (which enrolment is a scope question).
  'mutual-aid/scheme#createScheme': ['leader'],
  'mutual-aid/scheme#addSchemeVersion': ['leader'],
  'mutual-aid/enrolment#enrolMembers': KEEPERS,
  'mutual-aid/enrolment#requestEnrolment': ['worker'],
  'mutual-aid/enrolment#confirmEnrolments': ['branch_official', 'leader'],
  'mutual-aid/enrolment#cancelEnrolment': KEEPERS,
  'mutual-aid/enrolment#setContributions': KEEPERS,
  'mutual-aid/claim#saveClaim': CARERS,
  'mutual-aid/claim#uploadClaimDocument': CARERS,
  'mutual-aid/claim#submitClaim': CARERS,
  'campaigns/campaign#createCampaign': ['leader'],
  'campaigns/campaign#setQuota': ['leader'],
  'campaigns/campaign#setPublicList': ['leader'],
  'campaigns/campaign#approveCampaign': ['leader'],
  'campaigns/campaign#addEntry': KEEPERS,
  'campaigns/campaign#changeEntry': KEEPERS,
  'campaigns/campaign#confirmBranch': ['branch_official'],
  'campaigns/campaign#recordHandover': KEEPERS,
  // A survivor's or lone elderly person's hand-over: as a household's.
  'campaigns/campaign#recordPersonHandover': KEEPERS,
  'campaigns/campaign#uploadSheet': KEEPERS,
  'imports/import#runRosterImport': ['admin'],
  'imports/import#runHouseholdImport': KEEPERS,
  'imports/import#runEnrolmentImport': KEEPERS,
  // Medical insurance premiums: leaders open, approve and pay the year's batch; officials adjust and confirm their parts.
  'premiums/premium#openBatch': ['leader'],
  'premiums/premium#addPremiumEntry': KEEPERS,
  'premiums/premium#changePremiumEntry': KEEPERS,
  'premiums/premium#setPremiumIdNumber': KEEPERS,
  'premiums/premium#confirmPremiumPart': KEEPERS,
  'premiums/premium#approveBatch': ['leader'],
  'premiums/premium#payBatch': ['leader'],
  'employment/employment#openFile': KEEPERS,
  'employment/employment#addFollowUp': KEEPERS,
  'employment/employment#recordPlacement': KEEPERS,
  'employment/employment#linkExit': KEEPERS,
  // Survivors and lone elderly: the keepers; an advance is settled by a branch official or a leader.
  'care/care#addSurvivor': KEEPERS,
  'care/care#recordSurvivorCheck': KEEPERS,
  'care/care#stopAllowance': KEEPERS,
  'care/care#addElder': KEEPERS,
  'care/care#recordElderVisit': KEEPERS,
  'care/care#recordElderHelp': KEEPERS,
  'care/care#settleAdvance': ['branch_official', 'leader'],
};

const DEMO: Record<Role, string> = {
  worker: 'W0001',
  sub_branch_official: 'S0001',
  branch_official: 'B0001',
  leader: 'L0001',
  admin: 'A0001',
};

// Every feature's action files (lib/<feature>/<what>-actions.ts), keyed as <feature>/<what>.
const modules = import.meta.glob('/lib/**/*-actions.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function exportedActions(): Map<string, (input: unknown) => Promise<unknown>> {
  const found = new Map<string, (input: unknown) => Promise<unknown>>();
  for (const [file, mod] of Object.entries(modules)) {
    const route = file.replace(/^\/lib\//, '').replace(/-actions\.ts$/, '');
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
      if (key === 'auth/login#login' || key === 'auth/logout#logout') continue;
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
          if (key === 'auth/logout#logout') expect(result).toBeUndefined();
          else expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
        });
      }
    });
  }
});
