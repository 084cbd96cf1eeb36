import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from './tables.ts';
import { canonicalJson, toJsonValue } from './canonical-json.ts';

export const genesisHash = '0'.repeat(64);
// Any constant: serialises appends so each row links to the one committed before it.
const auditChainLockKey = 1_786_001;

export type AuditEvent = {
  actor: { userId: string; displayName: string } | null;
  orgId: string | null;
  /** `<capability>.<verb>`, e.g. 'users.create', 'cases.serveNotice'. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

type HashedFields = {
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export function hashAuditEntry(prevHash: string, entry: HashedFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(entry)}`)
    .digest('hex');
}

/** Appends one hash-chained row inside the caller's transaction. */
export async function recordAudit(tx: Db, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${auditChainLockKey})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const entry: HashedFields = {
    at: new Date().toISOString(),
    actorId: event.actor?.userId ?? null,
    actorName: event.actor?.displayName ?? null,
    orgId: event.orgId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJsonValue(event.before),
    after: toJsonValue(event.after),
  };
  const hash = hashAuditEntry(prevHash, entry);
  await tx.insert(auditLog).values({ ...entry, at: new Date(entry.at), prevHash, hash });
}

/** Recomputes the chain from the first row; names the first row whose link or content does not match. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: boolean; checked: number; firstBroken: number | null }> {
  let prevHash = genesisHash;
  let checked = 0;
  let afterId = 0;
  const batchSize = 2000;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      const expected = hashAuditEntry(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorName: row.actorName,
        orgId: row.orgId,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      });
      if (row.prevHash !== prevHash || row.hash !== expected)
        return { ok: false, checked: checked + 1, firstBroken: row.id };
      prevHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBroken: null };
  }
}
