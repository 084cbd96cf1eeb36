import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, gte, lt, lte } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createTestApp, loginAs } from '../src/server/test/test-app.ts';
import {
  certificateReviews,
  officerCertificates,
  officerExams,
  officerTrainings,
  orgs,
  userRoles,
  users,
} from '../src/server/db/tables.ts';
import { verifyAuditChain } from '../src/server/platform/audit/audit-log.ts';
import { addCalendarDays } from '../src/shared/law/calendar.ts';
import { DatasetRefusedError } from './dataset/context.ts';
import { generateDataset } from './dataset/generate.ts';
import { planOrgsAndOfficers } from './dataset/orgs-and-officers.ts';
import { scales } from './dataset/scales.ts';
import { apportion, createRandom } from './lib/random.ts';

const password = 'Bench-test-2026';
// A fixed date, so the expiry mix does not depend on the day the test runs.
const today = '2026-06-15';
const t = await createTestApp();
const db = t.database.db;
const summary = await generateDataset(t.database, { scale: 'county', seed: 42, password, today });

const countOf = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;

test('the county scale makes one bureau with one institute, ~30 users and 22 officers', async () => {
  const kinds = await db.select({ kind: orgs.kind, n: count() }).from(orgs).groupBy(orgs.kind);
  const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
  assert.equal(byKind.bureau, 1);
  assert.equal(byKind.institute, 1);
  assert.equal(byKind.commission, undefined);
  const sections = byKind.section ?? 0;
  assert.ok(sections >= 5 && sections <= 6, `3–4 bureau sections + 2 institute sections, got ${sections}`);

  const userCount = await countOf(users);
  assert.ok(userCount >= 25 && userCount <= 35, `about 30 users, got ${userCount}`);
  const [officers] = await db.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, 'officer'));
  assert.equal(officers!.n, 22);
  assert.equal(scales.county.volumes.officers, 22);

  // The summary (and its audit entry) tells the truth about what was inserted.
  assert.equal(summary.counts.orgs, await countOf(orgs));
  assert.equal(summary.counts.users, userCount);
  assert.equal(summary.counts.user_roles, await countOf(userRoles));
  assert.equal(summary.counts.officer_certificates, await countOf(officerCertificates));
  assert.equal(summary.counts.certificate_reviews, await countOf(certificateReviews));
  assert.equal(summary.counts.officer_trainings, await countOf(officerTrainings));
  assert.equal(summary.counts.officer_exams, await countOf(officerExams));
  assert.equal(summary.rootAdmin, 'b42.admin');
});

test('every organisation path is its parent path plus its own id', async () => {
  const rows = await db.select({ id: orgs.id, parentId: orgs.parentId, path: orgs.path }).from(orgs);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const roots = rows.filter((r) => r.parentId === null);
  assert.equal(roots.length, 1);
  assert.equal(roots[0]!.path, `/${roots[0]!.id}/`);
  assert.equal(roots[0]!.id, summary.rootOrgId);
  for (const org of rows.filter((r) => r.parentId !== null)) {
    const parent = byId.get(org.parentId!);
    assert.ok(parent, `parent of ${org.id} exists`);
    assert.ok(org.path.startsWith(parent.path), `${org.path} starts with ${parent.path}`);
    assert.equal(org.path, `${parent.path}${org.id}/`);
  }
});

test('officers sit in the institute subtree and hold at most one current certificate each', async () => {
  const [institute] = await db.select().from(orgs).where(eq(orgs.kind, 'institute'));
  const officerRows = await db
    .select({ path: orgs.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.roleId, 'officer')));
  assert.equal(officerRows.length, 22);
  for (const r of officerRows) assert.ok(r.path.startsWith(institute!.path));

  const current = await db
    .select({ userId: officerCertificates.userId })
    .from(officerCertificates)
    .where(eq(officerCertificates.isCurrent, true));
  assert.equal(new Set(current.map((c) => c.userId)).size, current.length);
  const holders = await db
    .select({ userId: officerCertificates.userId })
    .from(officerCertificates)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, officerCertificates.userId), eq(userRoles.roleId, 'officer')),
    );
  assert.equal(holders.length, await countOf(officerCertificates), 'only officers hold certificates');
});

test('most certificates are valid, and the mix includes ones expiring within 60 days and expired ones', async () => {
  const current = eq(officerCertificates.isCurrent, true);
  const n = async (where: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(officerCertificates).where(where))[0]!.n;
  const total = await n(current);
  const expired = await n(and(current, lt(officerCertificates.validUntil, today)));
  const expiring = await n(
    and(
      current,
      gte(officerCertificates.validUntil, today),
      lte(officerCertificates.validUntil, addCalendarDays(today, 60)),
    ),
  );
  const comfortable = await n(
    and(
      current,
      eq(officerCertificates.status, 'valid'),
      gte(officerCertificates.validUntil, addCalendarDays(today, 61)),
    ),
  );
  assert.ok(expired >= 1, `expired: ${expired}`);
  assert.ok(expiring >= 1, `expiring within 60 days: ${expiring}`);
  assert.ok(comfortable > total / 2, `valid beyond 60 days: ${comfortable} of ${total}`);
  // Every certificate runs five years and starts before it ends.
  for (const c of await db.select().from(officerCertificates)) {
    assert.ok(c.validFrom < c.validUntil);
    assert.equal(Number(c.validUntil.slice(0, 4)) - Number(c.validFrom.slice(0, 4)), 5);
  }
  // 年审 and trainings never lie in the future.
  const [futureReviews] = await db
    .select({ n: count() })
    .from(certificateReviews)
    .where(gte(certificateReviews.reviewedOn, addCalendarDays(today, 1)));
  const [futureTrainings] = await db
    .select({ n: count() })
    .from(officerTrainings)
    .where(gte(officerTrainings.trainedOn, addCalendarDays(today, 1)));
  assert.equal(futureReviews!.n, 0);
  assert.equal(futureTrainings!.n, 0);
});

test('the audit chain still verifies, directly and through /api/audit/verify', async () => {
  const result = await verifyAuditChain(db);
  assert.deepEqual(result.firstBroken, null);
  assert.equal(result.ok, true);
  // Seven tables of under 1,000 rows each: one batch entry per table, plus the closing summary.
  assert.ok(result.checked >= 8, `checked ${result.checked}`);

  const { cookie } = await loginAs(t.app, summary.rootAdmin!, password);
  const res = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().ok, true);
  const list = await t.app.inject({
    method: 'GET',
    url: '/api/officers?page=1&pageSize=20',
    headers: { cookie },
  });
  assert.equal(list.statusCode, 200);
  assert.equal(list.json().total, 22);
});

test('a second run is refused without --append, and with --append for the same seed', async () => {
  const before = await countOf(orgs);
  await assert.rejects(
    generateDataset(t.database, { scale: 'county', seed: 43, password, today }),
    (e: unknown) => {
      assert.ok(e instanceof DatasetRefusedError);
      assert.match(e.message, /已有 \d+ 个机构/);
      assert.match(e.message, /--append/);
      return true;
    },
  );
  await assert.rejects(
    generateDataset(t.database, { scale: 'county', seed: 42, password, today, append: true }),
    /请换一个 --seed[\s\S]*use another --seed/,
  );
  assert.equal(await countOf(orgs), before, 'a refused run leaves nothing behind');
  assert.equal((await verifyAuditChain(db)).ok, true);
});

test('the plan is a pure function of the seed', () => {
  const plan = (seed: number) =>
    planOrgsAndOfficers({
      random: createRandom(seed, 'orgs-and-officers'),
      scale: scales.city,
      today,
      usernamePrefix: 'x.',
      passwordHash: 'h',
    });
  const a = plan(5);
  assert.deepEqual(plan(5), a);
  assert.notDeepEqual(
    plan(6).orgs.map((o) => o.name),
    a.orgs.map((o) => o.name),
  );
  assert.equal(a.world.institutes.length, 11);
  assert.equal(
    a.world.institutes.reduce((s, i) => s + i.officerIds.length, 0),
    300,
  );
  assert.equal(new Set(a.certificates.map((c) => c.certificateNumber)).size, a.certificates.length);
  assert.equal(new Set(a.users.map((u) => u.username)).size, a.users.length);
});

test('random helpers: v4-shaped uuids and largest-remainder apportioning (hand-computed)', () => {
  const random = createRandom(1);
  for (let i = 0; i < 50; i++)
    assert.match(random.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // 10 split 1:1:1 → 3.33 each → floors 3,3,3 and the one left goes to the first (ties by position).
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  // 7 with minimum 1 each → 5 spare split 2:1 = 3.33, 1.67 → 3,1 + the larger remainder (0.67) → 3,2 → plus 1 each.
  assert.deepEqual(apportion(7, [2, 1], 1), [4, 3]);
  assert.throws(() => apportion(1, [1, 1], 1));
});
