import { and, asc, count, eq, gte, ilike, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { containing } from '../../db/search.ts';
import type {
  Entity,
  EntityInput,
  EntityListQuery,
  UpdateEntityInput,
} from '../../../shared/entities/payloads.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { type Actor, authorize, requirePermission } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { conflict } from '../../platform/errors.ts';
import { entities } from './tables.ts';

type EntityRow = typeof entities.$inferSelect;

const toEntity = (row: EntityRow, orgName: string): Entity => ({
  id: row.id,
  orgId: row.orgId,
  orgName,
  uscc: row.uscc,
  name: row.name,
  category: row.category,
  areaCode: row.areaCode,
  address: row.address,
  legalRepresentative: row.legalRepresentative,
  riskLevel: row.riskLevel as Entity['riskLevel'],
  creditLevel: row.creditLevel as Entity['creditLevel'],
  status: row.status as Entity['status'],
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * A name fragment (trigram index) or, when the text could be one, the start of a 统一社会信用代码 (a range on the
 * unique index: 'Z' sorts after every character of the code set).
 */
function matchesNameOrCode(text: string): SQL {
  const byName = ilike(entities.name, containing(text));
  const code = text.toUpperCase();
  if (!/^[0-9A-Z]{2,18}$/.test(code)) return byName;
  return or(byName, and(gte(entities.uscc, code), lt(entities.uscc, `${code}Z`)))!;
}

/** One page of the entities in the actor's subtree, filtered and searched (name or 统一社会信用代码). */
export async function listEntities(
  db: Db,
  actor: Actor,
  query: EntityListQuery,
): Promise<{ items: Entity[]; total: number }> {
  const conditions: Array<SQL | undefined> = [
    like(orgs.path, `${actor.orgPath}%`),
    query.category ? eq(entities.category, query.category) : undefined,
    query.riskLevel ? eq(entities.riskLevel, query.riskLevel) : undefined,
    query.creditLevel ? eq(entities.creditLevel, query.creditLevel) : undefined,
    query.status ? eq(entities.status, query.status) : undefined,
    query.areaCode ? like(entities.areaCode, `${query.areaCode}%`) : undefined,
    query.q ? matchesNameOrCode(query.q) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(entities)
    .innerJoin(orgs, eq(orgs.id, entities.orgId))
    .where(where);
  const rows = await db
    .select({ entity: entities, orgName: orgs.name })
    .from(entities)
    .innerJoin(orgs, eq(orgs.id, entities.orgId))
    .where(where)
    .orderBy(asc(entities.name), asc(entities.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((r) => toEntity(r.entity, r.orgName)), total: total?.n ?? 0 };
}

async function findEntity(db: Db, id: string) {
  const [row] = await db
    .select({ entity: entities, orgName: orgs.name, orgPath: orgs.path })
    .from(entities)
    .innerJoin(orgs, eq(orgs.id, entities.orgId))
    .where(eq(entities.id, id));
  return row;
}

/** One entity the actor may read (404 outside their subtree). */
export async function getEntity(db: Db, actor: Actor, id: string): Promise<Entity> {
  const row = await findEntity(db, id);
  authorize(actor, row ? { orgId: row.entity.orgId, orgPath: row.orgPath } : null, { what: '检查对象' });
  return toEntity(row!.entity, row!.orgName);
}

/** Registers an entity in the actor's own organisation; a 统一社会信用代码 is in the directory once. */
export async function createEntity(db: Db, actor: Actor, input: EntityInput): Promise<Entity> {
  requirePermission(actor, 'entities.manage');
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(entities)
      .values({ ...input, orgId: actor.orgId })
      .onConflictDoNothing({ target: entities.uscc })
      .returning();
    if (!row) throw conflict('该统一社会信用代码已在检查对象名录库中，请查找后修改');
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'entities.create',
      entityType: 'entity',
      entityId: row.id,
      after: row,
    });
    const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, actor.orgId));
    return toEntity(row, org!.name);
  });
}

/** Edits an entity of the actor's organisation (or subtree with a subtree write scope). */
export async function updateEntity(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateEntityInput,
): Promise<Entity> {
  return inTransaction(db, async (tx) => {
    const current = await findEntity(tx, id);
    authorize(actor, current ? { orgId: current.entity.orgId, orgPath: current.orgPath } : null, {
      write: true,
      permission: 'entities.manage',
      what: '检查对象',
    });
    const [row] = await tx
      .update(entities)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(entities.id, id), eq(entities.orgId, current!.entity.orgId)))
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: row!.orgId,
      action: 'entities.update',
      entityType: 'entity',
      entityId: id,
      before: current!.entity,
      after: row,
    });
    return toEntity(row!, current!.orgName);
  });
}
