import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, gte, lt, lte, sql } from 'drizzle-orm';
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
import { caseOfficers, parties, penaltyCases } from '../src/server/modules/cases/tables.ts';
import { procedureDeadlines } from '../src/server/platform/procedure-engine/tables.ts';
import { verifyAuditChain } from '../src/server/platform/audit/audit-log.ts';
import { validateChineseId, validateUscc } from '../src/shared/cases/parties.ts';
import { addCalendarDays } from '../src/shared/law/calendar.ts';
import { DatasetRefusedError } from './dataset/context.ts';
import { generateDataset } from './dataset/generate.ts';
import { planOrgsAndOfficers } from './dataset/orgs-and-officers.ts';
import { decidedStates, isFinishedState } from './dataset/case-timeline.ts';
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

test('the county scale has 300 penalty cases, each with one party, 2–3 certified officers of its institute', async () => {
  assert.equal(scales.county.volumes.penaltyCases, 300);
  assert.equal(await countOf(penaltyCases), 300);
  assert.equal(await countOf(parties), 300);
  assert.equal(summary.counts.penalty_cases, 300);
  assert.equal(summary.counts.case_officers, await countOf(caseOfficers));
  assert.equal(summary.counts.procedure_deadlines, await countOf(procedureDeadlines));
  const [institute] = await db.select().from(orgs).where(eq(orgs.kind, 'institute'));
  const teams = await db
    .select({
      caseId: caseOfficers.caseId,
      n: count(),
      leads: sql<number>`count(*) filter (where is_lead)::int`,
    })
    .from(caseOfficers)
    .groupBy(caseOfficers.caseId);
  assert.equal(teams.length, 300);
  for (const team of teams) {
    assert.ok(team.n >= 2 && team.n <= 3, `team of ${team.n}`);
    assert.equal(team.leads, 1);
  }
  const members = await db
    .select({
      path: orgs.path,
      caseOrg: penaltyCases.orgId,
      assignee: penaltyCases.assigneeId,
      c: caseOfficers,
    })
    .from(caseOfficers)
    .innerJoin(penaltyCases, eq(penaltyCases.id, caseOfficers.caseId))
    .innerJoin(users, eq(users.id, caseOfficers.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId));
  const certified = new Set(
    (
      await db
        .select({ id: officerCertificates.userId })
        .from(officerCertificates)
        .where(
          and(
            eq(officerCertificates.isCurrent, true),
            eq(officerCertificates.status, 'valid'),
            lte(officerCertificates.validFrom, today),
            gte(officerCertificates.validUntil, today),
          ),
        )
    ).map((r) => r.id),
  );
  for (const m of members) {
    assert.ok(m.path.startsWith(institute!.path), 'officer of the institute');
    assert.equal(m.c.orgId, institute!.id);
    assert.equal(m.caseOrg, institute!.id);
    assert.ok(certified.has(m.c.userId), 'certified today');
    if (m.c.isLead) assert.equal(m.c.userId, m.assignee);
  }
});

test('generated parties carry valid USCCs (organisations, ~70 %) and ID numbers (persons)', async () => {
  const rows = await db.select().from(parties);
  const organisations = rows.filter((p) => p.kind === 'organisation');
  assert.ok(
    organisations.length >= 180 && organisations.length <= 240,
    `organisations: ${organisations.length}`,
  );
  for (const p of rows) {
    if (p.kind === 'organisation') {
      assert.equal(validateUscc(p.uscc!), true, `${p.name} ${p.uscc}`);
      assert.equal(p.idNumber, null);
    } else {
      assert.equal(validateChineseId(p.idNumber!, { today }), true, `${p.name} ${p.idNumber}`);
      assert.equal(p.uscc, null);
    }
  }
});

test('case dates follow the procedure for every state, numbers are unique per region and year', async () => {
  const rows = await db.select().from(penaltyCases);
  const byState = new Map<string, number>();
  for (const c of rows) byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
  const done = (byState.get('closed') ?? 0) + (byState.get('archived') ?? 0);
  assert.ok(done > 150 && done < 250, `closed + archived: ${done}`);
  assert.ok(byState.size >= 12, `states present: ${[...byState.keys()].join(', ')}`);
  const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const c of rows) {
    const leadOn = chinaDate(c.createdAt);
    const chain = [leadOn, c.filedOn, c.decidedOn, c.servedOn, c.paidOn, c.closedOn].filter(
      (d) => d !== null,
    );
    assert.deepEqual([...chain].sort(), chain, `${c.state}: dates in order ${chain.join(' ')}`);
    assert.ok(leadOn >= '2024-01-01' && chain.at(-1)! <= today, `${c.state}: ${chain.join(' ')}`);
    assert.equal(c.filedOn === null, c.caseNumber === null);
    if (c.state === 'lead' || c.state === 'notFiled') assert.equal(c.filedOn, null, c.state);
    else if (c.state !== 'transferred') assert.ok(c.filedOn, `${c.state} is filed`);
    assert.equal(c.closedOn !== null, isFinishedState(c.state), `${c.state} closedOn ${c.closedOn}`);
    const decided = decidedStates.has(c.state);
    assert.equal(c.decidedOn !== null, decided, `${c.state} decidedOn`);
    assert.equal(c.decisionNumber !== null, decided);
    if (decided) assert.ok(c.penaltyKinds.length > 0 && (c.fineFen > 0 || c.penaltyKinds[0] === 'warning'));
    else assert.equal(c.fineFen, 0, `${c.state} has no fine`);
    assert.equal(
      c.servedOn !== null,
      ['served', 'enforcing', 'closed', 'archived', 'revoked'].includes(c.state),
    );
    if (c.state === 'closed' || c.state === 'archived') assert.ok(c.paidOn || c.fineFen === 0, 'settled');
  }
  const numbers = rows.flatMap((c) => (c.caseNumber ? [c.caseNumber] : []));
  assert.equal(new Set(numbers).size, numbers.length);
  const seqs = new Map<string, number[]>();
  for (const number of numbers) {
    const m = /^(.+卫立〔\d{4}〕)(\d+)号$/.exec(number);
    assert.ok(m, number);
    seqs.set(m[1]!, [...(seqs.get(m[1]!) ?? []), Number(m[2])]);
  }
  // Numbered 1…n without gaps within each region and year.
  for (const [prefix, list] of seqs)
    assert.deepEqual(
      [...list].sort((a, b) => a - b),
      list.map((_, i) => i + 1),
      prefix,
    );
});

test('open cases have running clocks (some overdue, some due soon); finished ones only stopped clocks', async () => {
  const rows = await db
    .select({ state: penaltyCases.state, d: procedureDeadlines })
    .from(procedureDeadlines)
    .innerJoin(penaltyCases, eq(penaltyCases.id, procedureDeadlines.recordId));
  let overdue = 0;
  let soon = 0;
  for (const { state, d } of rows) {
    assert.equal(d.procedureId, 'penaltyCase.ordinary');
    assert.ok(d.dueDate! > d.startedOn);
    if (isFinishedState(state)) assert.equal(d.status, 'stopped', `${state} ${d.clock}`);
    if (d.status === 'stopped') assert.ok(d.stoppedOn! >= d.startedOn && d.stoppedOn! <= today);
    else assert.equal(d.stoppedOn, null);
    if (d.status === 'running' && d.dueDate! < today) overdue += 1;
    if (d.status === 'running' && d.dueDate! >= today && d.dueDate! <= addCalendarDays(today, 3)) soon += 1;
  }
  assert.ok(overdue >= 1 && soon >= 1, `overdue ${overdue}, due soon ${soon}`);
  const openStates = new Set(rows.filter((r) => r.d.status !== 'stopped').map((r) => r.state));
  assert.ok(openStates.size >= 8, `states with running clocks: ${[...openStates].join(', ')}`);

  const { cookie } = await loginAs(t.app, summary.rootAdmin!, password);
  const closed = await t.app.inject({ method: 'GET', url: '/api/cases?state=closed', headers: { cookie } });
  assert.equal(closed.statusCode, 200);
  const [closedCount] = await db
    .select({ n: count() })
    .from(penaltyCases)
    .where(eq(penaltyCases.state, 'closed'));
  assert.equal(closed.json().total, closedCount!.n);
});
