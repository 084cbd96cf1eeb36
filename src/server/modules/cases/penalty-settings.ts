// 处罚标准设置: each organisation's 较大数额 (听证) and 重大执法决定 list; the nearest ancestor's setting applies.
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  defaultPenaltySettings,
  PenaltySettingsInput,
  statutoryCriteria,
  type PenaltySettingsView,
} from '../../../shared/cases/penalty-settings.ts';
import { partyKinds } from '../../../shared/cases/parties.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { type Actor, authorize } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { findOrgOwner } from '../../platform/orgs/service.ts';
import { penaltySettings } from './tables.ts';

type Resolved = { settings: PenaltySettingsInput; source: { orgId: string; orgName: string } | null };

/** The settings that apply to an organisation: its own row, else the nearest ancestor's, else the defaults. */
export async function settingsForOrg(db: Db, orgId: string): Promise<Resolved> {
  const [row] = await db
    .select({ settings: penaltySettings.settings, orgId: orgs.id, orgName: orgs.name })
    .from(penaltySettings)
    .innerJoin(orgs, eq(orgs.id, penaltySettings.orgId))
    .where(sql`(select path from ${orgs} where id = ${orgId}) like ${orgs.path} || '%'`)
    .orderBy(desc(sql`length(${orgs.path})`))
    .limit(1);
  if (!row) return { settings: defaultPenaltySettings, source: null };
  // A row written by an older version of the schema falls back to the defaults rather than failing a case.
  const parsed = PenaltySettingsInput.safeParse(row.settings);
  return parsed.success
    ? { settings: parsed.data, source: { orgId: row.orgId, orgName: row.orgName } }
    : { settings: defaultPenaltySettings, source: null };
}

function view(orgId: string, resolved: Resolved): PenaltySettingsView {
  return {
    orgId,
    source: resolved.source,
    settings: resolved.settings,
    statutoryCriteria: statutoryCriteria.map(({ id, label, citation }) => ({ id, label, citation })),
    partyKinds: [...partyKinds],
  };
}

/** The settings in force for the actor's organisation, or for `orgId` within the actor's subtree. */
export async function getPenaltySettings(db: Db, actor: Actor, orgId?: string): Promise<PenaltySettingsView> {
  const owner = await findOrgOwner(db, orgId ?? actor.orgId);
  authorize(actor, owner, { what: '机构' });
  return view(owner.orgId, await settingsForOrg(db, owner.orgId));
}

/** Sets the actor's own organisation's settings (its subordinates inherit them unless they set their own). */
export async function setPenaltySettings(
  db: Db,
  actor: Actor,
  input: PenaltySettingsInput,
): Promise<PenaltySettingsView> {
  const owner = await findOrgOwner(db, actor.orgId);
  authorize(actor, owner, { write: true, permission: 'catalogs.manage', what: '机构' });
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(penaltySettings).where(eq(penaltySettings.orgId, actor.orgId));
    const values = { orgId: actor.orgId, settings: input, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(penaltySettings)
      .values(values)
      .onConflictDoUpdate({ target: penaltySettings.orgId, set: values });
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'cases.setPenaltySettings',
      entityType: 'penaltySettings',
      entityId: actor.orgId,
      before: before?.settings ?? null,
      after: input,
    });
  });
  return getPenaltySettings(db, actor);
}
