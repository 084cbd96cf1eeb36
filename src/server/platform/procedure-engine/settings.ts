import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { legalRules, type LegalRule } from '../../../shared/law/legal-rules.ts';
import { type Actor, requirePermission } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { invalidField, notFound } from '../errors.ts';
import { procedureSettings } from './tables.ts';
import { requireProcedure } from './engine.ts';

/** The clocks of a procedure whose period the law leaves to the organisation, with this org's values. */
export async function configurablePeriods(db: Db, actor: Actor, procedureId: string) {
  const { definition } = requireProcedure(procedureId);
  const rows = await db
    .select()
    .from(procedureSettings)
    .where(and(eq(procedureSettings.orgId, actor.orgId), eq(procedureSettings.procedureId, procedureId)));
  const items = Object.entries(definition.clocks)
    .filter(([, c]) => (legalRules[c.rule] as LegalRule).configurable)
    .map(([clock, c]) => {
      const rule = legalRules[c.rule] as LegalRule;
      return {
        clock,
        label: c.label,
        ruleId: c.rule,
        citation: rule.citation,
        defaultPeriod: c.period ?? rule.period ?? null,
        period: rows.find((r) => r.clock === clock)?.period ?? null,
        unit: rule.unit ?? null,
      };
    });
  return { procedureId, items };
}

/** Sets (or clears, with null) the organisation's period for a configurable clock; statutory periods are refused. */
export async function setConfigurablePeriod(
  db: Db,
  actor: Actor,
  procedureId: string,
  clock: string,
  period: number | null,
): Promise<void> {
  requirePermission(actor, 'admin.orgs');
  const { definition } = requireProcedure(procedureId);
  const declared = definition.clocks[clock];
  if (!declared) throw notFound('期限');
  if (!(legalRules[declared.rule] as LegalRule).configurable)
    throw invalidField('period', `「${declared.label}」为法定期限，不能自行调整`);
  await inTransaction(db, async (tx) => {
    const where = and(
      eq(procedureSettings.orgId, actor.orgId),
      eq(procedureSettings.procedureId, procedureId),
      eq(procedureSettings.clock, clock),
    );
    const [before] = await tx.select().from(procedureSettings).where(where);
    await tx.delete(procedureSettings).where(where);
    if (period !== null)
      await tx.insert(procedureSettings).values({ orgId: actor.orgId, procedureId, clock, period });
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'procedures.setPeriod',
      entityType: 'procedureSetting',
      entityId: `${procedureId}:${clock}`,
      before: before ?? null,
      after: { period },
    });
  });
}
