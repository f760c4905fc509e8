'use server';

import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  branchOfPath,
  campaignAmountsOf,
  drawList,
  drawOnBudget,
  getCampaign,
  lockEntry,
  lockPersonEntry,
  sheetSigned,
  takeQuotaPlaces,
} from '@/db/queries/campaigns';
import { registerUnitsWhere } from '@/db/queries/scope';
import {
  campaignAmounts,
  campaignEntries,
  campaignPersonEntries,
  campaignPersonRules,
  campaignQuotas,
  campaignSheets,
  campaigns,
  households,
  orgUnits,
  users,
} from '@/db/schema';
import { action } from '@/lib/auth/action';
import { adjustLock, approvalProblem, checkEntryAmount, handoverLock, quotaProblem } from '@/lib/campaigns/rules';
import { checkDocument, SNIFF_BYTES, storedFileName } from '@/lib/cases/documents';
import { AppError, conflict, invalidField, isUniqueViolation, notFound } from '@/lib/errors';
import { unitInScope, scopeOf } from '@/lib/scope';
import {
  addEntrySchema,
  approveCampaignSchema,
  branchRefSchema,
  campaignSchema,
  entryChangeSchema,
  handoverSchema,
  personHandoverSchema,
  publicListSchema,
  quotaSchema,
  sheetUploadSchema,
} from '@/lib/validation/campaigns';

/**
 * A leader's new campaign, with its amounts and quotas, and the list drawn by rule in the same
 * transaction: the campaign never exists without its list.
 */
export const createCampaign = action(
  { name: 'campaign.create', can: 'campaigns.manage', schema: campaignSchema },
  async ({ amounts, quotas, budget, persons, ...fields }, { actor, tx }) => {
    const branchIds = quotas.map((q) => q.branchId);
    const branches = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, branchIds), eq(orgUnits.level, 'branch')));
    if (branches.length !== branchIds.length) throw invalidField('quotas', 'invalid');
    const [{ id }] = await tx
      .insert(campaigns)
      .values({ ...fields, budgetFen: budget, createdBy: actor.userId })
      .returning({ id: campaigns.id });
    await tx
      .insert(campaignAmounts)
      .values(amounts.map((a) => ({ campaignId: id, category: a.category, cashFen: a.cash, items: a.items })));
    await tx
      .insert(campaignQuotas)
      .values(quotas.map((q) => ({ campaignId: id, branchId: q.branchId, quota: q.quota })));
    if (persons.length)
      await tx
        .insert(campaignPersonRules)
        .values(persons.map((p) => ({ campaignId: id, kind: p.kind, cashFen: p.cash, items: p.items })));
    const drawn = await drawList(tx, id);
    return {
      data: { id, drawn },
      audit: {
        action: 'campaign.create',
        entity: 'campaign',
        entityId: id,
        after: { ...fields, budgetFen: budget, amounts, quotas, persons, drawn },
      },
    };
  },
);

/** A leader changes a branch's quota while the list is open; never below what is already listed. */
export const setQuota = action(
  { name: 'campaign.quota', can: 'campaigns.manage', schema: quotaSchema },
  async ({ campaignId, branchId, quota }, { tx }) => {
    const c = await getCampaign(tx, campaignId, true);
    if (c.state !== 'listing') throw conflict('campaignApproved');
    const [q] = await tx
      .select({ quota: campaignQuotas.quota, listed: campaignQuotas.listed })
      .from(campaignQuotas)
      .where(and(eq(campaignQuotas.campaignId, campaignId), eq(campaignQuotas.branchId, branchId)))
      .for('update');
    if (!q) throw notFound();
    const problem = quotaProblem(quota, q.listed);
    if (problem) throw invalidField('quota', problem);
    await tx
      .update(campaignQuotas)
      .set({ quota })
      .where(and(eq(campaignQuotas.campaignId, campaignId), eq(campaignQuotas.branchId, branchId)));
    return {
      data: { quota },
      audit: {
        action: 'campaign.quota',
        entity: 'campaign',
        entityId: campaignId,
        before: { branchId, quota: q.quota },
        after: { branchId, quota },
      },
    };
  },
);

const QUOTA_FIELD = { noQuota: 'employeeNo', quotaFull: 'employeeNo', branchConfirmed: 'employeeNo' } as const;

/**
 * An official adds a household of their scope to the list, with a reason: within the branch's
 * quota, while the branch has not confirmed, once per campaign, at the rule's amount or another
 * with a reason. A household removed earlier comes back on its own row.
 */
export const addEntry = action(
  { name: 'campaign.addEntry', can: 'campaigns.adjust', schema: addEntrySchema },
  async ({ campaignId, employeeNo, cash, items, reason, amountReason }, { actor, tx }) => {
    const c = await getCampaign(tx, campaignId, true);
    if (adjustLock({ state: c.state, branchConfirmed: false })) throw conflict('campaignApproved');
    const [h] = await tx
      .select({
        id: households.id,
        unitId: households.unitId,
        category: households.category,
        status: households.status,
        branchId: branchOfPath(orgUnits.path),
      })
      .from(households)
      .innerJoin(users, eq(users.id, households.workerId))
      .innerJoin(orgUnits, eq(orgUnits.id, households.unitId))
      .where(and(eq(users.employeeNo, employeeNo), registerUnitsWhere(actor)));
    // Out of scope reads as "no such household in your units", like one that does not exist.
    if (!h) throw invalidField('employeeNo', 'householdNotInScope');
    if (h.status !== 'active') throw invalidField('employeeNo', 'householdNotActive');
    const amounts = await campaignAmountsOf(tx, campaignId);
    const rule = amounts.find((a) => a.category === h.category);
    const entry = {
      category: h.category,
      cashFen: cash ?? rule?.cashFen ?? 0,
      items: items || (rule?.items ?? ''),
      reason: amountReason,
    };
    const problem = checkEntryAmount(amounts, entry);
    if (problem === 'categoryNotCovered') throw invalidField('employeeNo', problem);
    if (problem) throw invalidField('amountReason', problem);
    const [existing] = await tx
      .select({ id: campaignEntries.id, state: campaignEntries.state })
      .from(campaignEntries)
      .where(and(eq(campaignEntries.campaignId, campaignId), eq(campaignEntries.householdId, h.id)))
      .for('update');
    if (existing && existing.state !== 'removed') throw invalidField('employeeNo', 'alreadyListed');
    const place = await takeQuotaPlaces(tx, campaignId, h.branchId, 1);
    if (!place.ok) throw invalidField(QUOTA_FIELD[place.problem], place.problem);
    const values = {
      unitId: h.unitId,
      branchId: h.branchId,
      category: h.category,
      cashFen: entry.cashFen,
      items: entry.items,
      state: 'listed' as const,
      reason,
      amountReason,
    };
    let id: number;
    try {
      if (existing) {
        await tx
          .update(campaignEntries)
          .set({ ...values, version: sql`${campaignEntries.version} + 1` })
          .where(eq(campaignEntries.id, existing.id));
        id = existing.id;
      } else {
        [{ id }] = await tx
          .insert(campaignEntries)
          .values({ ...values, campaignId, householdId: h.id, source: 'added' })
          .returning({ id: campaignEntries.id });
      }
    } catch (err) {
      if (isUniqueViolation(err, 'campaign_entries_household_key')) throw invalidField('employeeNo', 'alreadyListed');
      throw err;
    }
    return {
      data: { id },
      audit: {
        action: 'campaign.addEntry',
        entity: 'campaign_entry',
        entityId: id,
        after: { campaignId, householdId: h.id, cashFen: entry.cashFen, items: entry.items, reason, amountReason },
      },
    };
  },
);

const CHANGES = {
  remove: { from: ['listed', 'unreachable'], to: 'removed', places: -1 },
  unreachable: { from: ['listed'], to: 'unreachable', places: 0 },
  restore: { from: ['unreachable'], to: 'listed', places: 0 },
} as const;

/** An official removes a household (with the reason), marks it unreachable, or takes that back. */
export const changeEntry = action(
  { name: 'campaign.changeEntry', can: 'campaigns.adjust', schema: entryChangeSchema },
  async ({ entryId, version, change, reason }, { actor, tx }) => {
    const e = await lockEntry(tx, actor, entryId);
    const c = await getCampaign(tx, e.campaignId, true);
    if (c.state !== 'listing') throw conflict('campaignApproved');
    if (e.version !== version) throw conflict();
    const rule = CHANGES[change];
    if (!(rule.from as readonly string[]).includes(e.state)) throw conflict();
    const place = await takeQuotaPlaces(tx, e.campaignId, e.branchId, rule.places);
    if (!place.ok) throw conflict(place.problem);
    await tx
      .update(campaignEntries)
      .set({ state: rule.to, reason, version: sql`${campaignEntries.version} + 1` })
      .where(eq(campaignEntries.id, e.id));
    return {
      data: { id: e.id, state: rule.to },
      audit: {
        action: `campaign.${change}`,
        entity: 'campaign_entry',
        entityId: e.id,
        before: { state: e.state },
        after: { state: rule.to, reason },
      },
    };
  },
);

/** The branch confirms its part of the list: its officials' adjustments end there. */
export const confirmBranch = action(
  { name: 'campaign.confirmBranch', can: 'campaigns.confirm', schema: branchRefSchema },
  async ({ campaignId, branchId }, { actor, tx }) => {
    const [branch] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, branchId));
    if (!branch || !unitInScope(scopeOf(actor), branch.path)) throw notFound();
    const c = await getCampaign(tx, campaignId, true);
    if (c.state !== 'listing') throw conflict('campaignApproved');
    const [done] = await tx
      .update(campaignQuotas)
      .set({ confirmedAt: sql`now()` as unknown as Date, confirmedBy: actor.userId })
      .where(
        and(
          eq(campaignQuotas.campaignId, campaignId),
          eq(campaignQuotas.branchId, branchId),
          sql`${campaignQuotas.confirmedAt} IS NULL`,
        ),
      )
      .returning({ listed: campaignQuotas.listed });
    if (!done) throw conflict('branchConfirmed');
    return {
      data: { listed: done.listed },
      audit: { action: 'campaign.confirmBranch', entity: 'campaign', entityId: campaignId, after: { branchId } },
    };
  },
);

/** The leader approves the whole list once every branch has confirmed; a guarded move, once only. */
export const approveCampaign = action(
  { name: 'campaign.approve', can: 'campaigns.approve', schema: approveCampaignSchema },
  async ({ campaignId, version }, { actor, tx }) => {
    const branches = await tx
      .select({ confirmedAt: campaignQuotas.confirmedAt })
      .from(campaignQuotas)
      .where(eq(campaignQuotas.campaignId, campaignId));
    const problem = approvalProblem(branches.map((b) => ({ confirmed: b.confirmedAt !== null })));
    if (problem) throw conflict(problem);
    const [moved] = await tx
      .update(campaigns)
      .set({
        state: 'approved',
        approvedBy: actor.userId,
        approvedAt: sql`now()` as unknown as Date,
        version: sql`${campaigns.version} + 1`,
      })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.state, 'listing'), eq(campaigns.version, version)))
      .returning({ version: campaigns.version });
    if (!moved) throw conflict();
    return {
      data: { version: moved.version },
      audit: { action: 'campaign.approve', entity: 'campaign', entityId: campaignId, after: { state: 'approved' } },
    };
  },
);

/** The leader chooses whether the approved list is shown to everyone, names masked. */
export const setPublicList = action(
  { name: 'campaign.publicList', can: 'campaigns.manage', schema: publicListSchema },
  async ({ campaignId, publicList }, { tx }) => {
    const [done] = await tx
      .update(campaigns)
      .set({ publicList })
      .where(eq(campaigns.id, campaignId))
      .returning({ id: campaigns.id });
    if (!done) throw notFound();
    return {
      data: { publicList },
      audit: { action: 'campaign.publicList', entity: 'campaign', entityId: campaignId, after: { publicList } },
    };
  },
);

/**
 * One hand-over (or bank transfer) to a listed household of an approved campaign: the entry is
 * locked first (so an upload of the signed list, which locks the same rows, is either before or
 * after it), then the budget's guarded draw (`spent + cash <= budget`, backed by the CHECK), then
 * the guarded move listed → delivered. A second hand-over finds the entry delivered.
 */
export const recordHandover = action(
  { name: 'campaign.handover', can: 'campaigns.distribute', schema: handoverSchema },
  async ({ entryId, version, method, handedOverOn, handedOverBy, receivedBy, reference }, { actor, tx }) => {
    const e = await lockEntry(tx, actor, entryId);
    const c = await getCampaign(tx, e.campaignId);
    const lock = handoverLock({
      state: c.state,
      entryState: e.state,
      sheetSigned: await sheetSigned(tx, e.campaignId, e.unitId),
    });
    if (lock === 'alreadyHandedOver') throw invalidField('handedOverOn', lock);
    if (lock) throw conflict(lock);
    if (e.version !== version) throw conflict();
    await drawOnBudget(tx, e.campaignId, e.cashFen);
    const [moved] = await tx
      .update(campaignEntries)
      .set({
        state: 'delivered',
        method,
        handedOverOn,
        handedOverBy,
        receivedBy: method === 'in_person' ? receivedBy : null,
        reference: method === 'bank_transfer' ? reference : null,
        recordedBy: actor.userId,
        version: sql`${campaignEntries.version} + 1`,
      })
      .where(and(eq(campaignEntries.id, e.id), eq(campaignEntries.state, 'listed')))
      .returning({ version: campaignEntries.version });
    if (!moved) throw invalidField('handedOverOn', 'alreadyHandedOver');
    return {
      data: { id: e.id, cashFen: e.cashFen },
      audit: {
        action: 'campaign.handover',
        entity: 'campaign_entry',
        entityId: e.id,
        before: { state: e.state },
        after: { state: 'delivered', method, handedOverOn, cashFen: e.cashFen, items: e.items },
      },
    };
  },
);

/**
 * A survivor's or lone elderly person's hand-over in an approved campaign that lists them: the
 * entry locked first, then the budget's guarded draw (as for households), then the guarded move to
 * handed over; never after the sub-branch's signed list is in, and once only (the entry's row).
 */
export const recordPersonHandover = action(
  { name: 'campaign.personHandover', can: 'campaigns.distribute', schema: personHandoverSchema },
  async ({ entryId, method, handedOverOn, handedOverBy, receivedBy, reference }, { actor, tx }) => {
    const e = await lockPersonEntry(tx, actor, entryId);
    const c = await getCampaign(tx, e.campaignId);
    const lock = handoverLock({
      state: c.state,
      entryState: e.handedOverOn ? 'delivered' : 'listed',
      sheetSigned: await sheetSigned(tx, e.campaignId, e.unitId),
    });
    if (lock === 'alreadyHandedOver') throw invalidField('handedOverOn', lock);
    if (lock) throw conflict(lock);
    await drawOnBudget(tx, e.campaignId, e.cashFen);
    const [moved] = await tx
      .update(campaignPersonEntries)
      .set({
        handedOverOn,
        method,
        handedOverBy,
        receivedBy: method === 'in_person' ? receivedBy : null,
        reference: method === 'bank_transfer' ? reference : null,
        recordedBy: actor.userId,
      })
      .where(and(eq(campaignPersonEntries.id, e.id), sql`${campaignPersonEntries.handedOverOn} IS NULL`))
      .returning({ id: campaignPersonEntries.id });
    if (!moved) throw invalidField('handedOverOn', 'alreadyHandedOver');
    return {
      data: { id: e.id, cashFen: e.cashFen },
      audit: {
        action: 'campaign.personHandover',
        entity: 'campaign_person_entry',
        entityId: e.id,
        after: { campaignId: e.campaignId, kind: e.kind, method, handedOverOn, cashFen: e.cashFen, items: e.items },
      },
    };
  },
);

/**
 * The signed sign-for list of one sub-branch (type sniffed from the content, as for case
 * documents); once in, that sub-branch's part is locked: no hand-over, no second upload.
 */
export const uploadSheet = action(
  { name: 'campaign.uploadSheet', can: 'campaigns.distribute', schema: sheetUploadSchema },
  async ({ campaignId, unitId, file }, { actor, tx }) => {
    const c = await getCampaign(tx, campaignId);
    if (c.state !== 'approved') throw conflict('notApproved');
    // Lock the part's entries: a hand-over in flight finishes first, one after it sees the sheet.
    const part = await tx
      .select({ id: campaignEntries.id })
      .from(campaignEntries)
      .innerJoin(orgUnits, eq(orgUnits.id, campaignEntries.unitId))
      .where(
        and(eq(campaignEntries.campaignId, campaignId), eq(campaignEntries.unitId, unitId), registerUnitsWhere(actor)),
      )
      .for('update', { of: campaignEntries });
    const people = await tx
      .select({ id: campaignPersonEntries.id })
      .from(campaignPersonEntries)
      .innerJoin(orgUnits, eq(orgUnits.id, campaignPersonEntries.unitId))
      .where(
        and(
          eq(campaignPersonEntries.campaignId, campaignId),
          eq(campaignPersonEntries.unitId, unitId),
          registerUnitsWhere(actor),
        ),
      )
      .for('update', { of: campaignPersonEntries });
    if (!part.length && !people.length) throw notFound();
    const content = Buffer.from(await file.arrayBuffer());
    const checked = checkDocument({ size: content.byteLength, head: content.subarray(0, SNIFF_BYTES) }, 0);
    if (!checked.ok) throw invalidField('file', checked.problem);
    const fileName = storedFileName(file.name ?? '', checked.type);
    try {
      const [{ id }] = await tx
        .insert(campaignSheets)
        .values({
          campaignId,
          unitId,
          fileName,
          contentType: checked.type,
          sizeBytes: content.byteLength,
          content,
          uploadedBy: actor.userId,
        })
        .returning({ id: campaignSheets.id });
      return {
        data: { id, fileName },
        audit: {
          action: 'campaign.uploadSheet',
          entity: 'campaign_sheet',
          entityId: id,
          after: { campaignId, unitId, fileName, contentType: checked.type, sizeBytes: content.byteLength },
        },
      };
    } catch (err) {
      if (isUniqueViolation(err, 'campaign_sheets_unit_key')) throw new AppError('conflict', 'sheetSigned');
      throw err;
    }
  },
);
