import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { defineProcedure } from '../../../shared/procedure/define-procedure.ts';
import { createTestApp, loginAs, type TestApp } from '../../test/test-app.ts';
import { inTransaction } from '../../db/transaction.ts';
import { provisionOrg, provisionUser, type ProvisionedUser } from '../orgs/provisioning.ts';
import { hashPassword } from '../auth/passwords.ts';
import { officerCertificates } from '../officers/tables.ts';
import { actorForUser } from '../auth/service.ts';
import { registerProcedure } from './registry.ts';
import { transition } from './engine.ts';
import { sweepReminders } from './reminders.ts';
import { notifications, procedureDeadlines } from './tables.ts';

// A throwaway workflow table, created by this test only: the engine must work on any module's table.
const permits = pgTable('test_permits', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  state: text('state').notNull(),
  title: text('title').notNull(),
  assigneeId: uuid('assignee_id'),
  documents: text('documents').array().notNull(),
  officerIds: uuid('officer_ids').array().notNull(),
});

const permitProcedure = defineProcedure({
  id: 'test.permit',
  label: '测试流程',
  states: {
    lead: '线索',
    filed: '已立案',
    noticeServed: '已告知',
    decided: '已决定',
    served: '已送达',
    closed: '已结案',
  },
  initial: 'lead',
  terminal: ['closed'],
  actions: {
    file: {
      label: '立案',
      from: ['lead'],
      to: 'filed',
      roles: ['sectionHead'],
      requiresCertifiedOfficers: 2,
    },
    serveNotice: { label: '送达告知书', from: ['filed'], to: 'noticeServed', documents: ['priorNotice'] },
    decide: { label: '作出决定', from: ['noticeServed'], to: 'decided' },
    serve: { label: '送达决定书', from: ['decided'], to: 'served' },
    close: { label: '结案', from: ['served'], to: 'closed' },
  },
  clocks: {
    decision: { label: '作出处罚决定期限', rule: 'XZCF-60', startsOn: 'file', stopsOn: ['decide'] },
    hearingRequest: {
      label: '听证申请期限',
      rule: 'XZCF-64-1',
      startsOn: 'serveNotice',
      stopsOn: ['decide'],
    },
    service: { label: '决定书送达期限', rule: 'XZCF-61', startsOn: 'decide', stopsOn: ['serve'] },
    statement: { label: '陈述申辩期限', rule: 'XZCF-CSSB', startsOn: 'serveNotice', stopsOn: ['decide'] },
  },
});

registerProcedure({
  definition: permitProcedure,
  table: permits,
  columns: {
    id: permits.id,
    orgId: permits.orgId,
    state: permits.state,
    title: permits.title,
    assigneeId: permits.assigneeId,
  },
  link: (id) => `/test/${id}`,
  documentsOf: async (db, id) =>
    (await db.select({ d: permits.documents }).from(permits).where(eq(permits.id, id)))[0]?.d ?? [],
  officersOf: async (db, id) =>
    (await db.select({ o: permits.officerIds }).from(permits).where(eq(permits.id, id)))[0]?.o ?? [],
  documentLabels: { priorNotice: '行政处罚事先告知书' },
});

const password = 'Test-Passw0rd';

// At the top level, so the database closes after the whole file (inside a hook it would close at once).
const t: TestApp = await createTestApp();
await t.database.db.execute(
  sql`create table test_permits (id uuid primary key, org_id uuid not null, state text not null, title text not null, assignee_id uuid, documents text[] not null, officer_ids uuid[] not null)`,
);

describe('procedure engine', () => {
  let users: Record<'head' | 'a1' | 'a2' | 'b1' | 'admin', ProvisionedUser>;
  let orgA: string;

  async function newPermit(overrides: Partial<typeof permits.$inferInsert> = {}) {
    const id = crypto.randomUUID();
    await t.database.db.insert(permits).values({
      id,
      orgId: orgA,
      state: 'lead',
      title: '某诊所超范围执业案',
      assigneeId: users.a1.id,
      documents: [],
      officerIds: [users.a1.id, users.a2.id],
      ...overrides,
    });
    return id;
  }
  const act = async (user: ProvisionedUser, recordId: string, action: string, at: string) =>
    inTransaction(t.database.db, async (tx) =>
      transition(tx, {
        procedureId: 'test.permit',
        recordId,
        action,
        actor: (await actorForUser(tx, user.id))!,
        at: new Date(at),
      }),
    );

  before(async () => {
    const passwordHash = await hashPassword(password);
    users = await inTransaction(t.database.db, async (tx) => {
      const city = await provisionOrg(tx, { parent: null, name: '测试市卫生健康委员会', kind: 'commission' });
      const instA = await provisionOrg(tx, {
        parent: city,
        name: '甲县卫生监督所',
        kind: 'institute',
        region: '甲县',
      });
      const instB = await provisionOrg(tx, {
        parent: city,
        name: '乙县卫生监督所',
        kind: 'institute',
        region: '乙县',
      });
      orgA = instA.id;
      const make = (
        org: typeof instA,
        username: string,
        roleIds: ('officer' | 'sectionHead' | 'systemAdmin')[],
      ) => provisionUser(tx, { org, username, displayName: username, roleIds, passwordHash });
      const head = await make(instA, 'eng-head', ['sectionHead', 'officer']);
      const a1 = await make(instA, 'eng-a1', ['officer']);
      const a2 = await make(instA, 'eng-a2', ['officer']);
      const b1 = await make(instB, 'eng-b1', ['officer']);
      for (const [i, u] of [head, a1, a2, b1].entries()) {
        await tx.insert(officerCertificates).values({
          userId: u.id,
          orgId: u.orgId,
          certificateNumber: `ENG-${i}`,
          issuingBody: '测试市人民政府',
          validFrom: '2025-12-01',
          validUntil: '2030-01-01',
        });
      }
      const admin = await make(instA, 'eng-admin', ['systemAdmin']);
      return { head, a1, a2, b1, admin };
    });
  });

  test('computes each deadline as the law counts it, around the 2026 Spring Festival', async () => {
    const id = await newPermit({ documents: ['priorNotice'] });
    await act(users.head, id, 'file', '2026-01-05T02:00:00Z');
    await act(users.a1, id, 'serveNotice', '2026-02-12T02:00:00Z');
    const rows = await t.database.db
      .select()
      .from(procedureDeadlines)
      .where(eq(procedureDeadlines.recordId, id));
    const due = Object.fromEntries(rows.map((r) => [r.clock, r.dueDate]));
    // 90 natural days from 2026-01-05 end on 04-05 (清明, a rest day) → 04-07; the warning names 04-05.
    assert.equal(due.decision, '2026-04-07');
    assert.match(rows.find((r) => r.clock === 'decision')!.warning ?? '', /2026-04-05/);
    // 5 working days after 02-12: 02-13, 02-14 (调休), 02-24, 02-25, 02-26.
    assert.equal(due.hearingRequest, '2026-02-26');
    await act(users.a1, id, 'decide', '2026-02-12T03:00:00Z');
    const [service] = await t.database.db
      .select()
      .from(procedureDeadlines)
      .where(sql`${procedureDeadlines.recordId} = ${id} and ${procedureDeadlines.clock} = 'service'`);
    assert.equal(service!.dueDate, '2026-02-28'); // legal-rules.md §14c
    const stopped = await t.database.db
      .select()
      .from(procedureDeadlines)
      .where(sql`${procedureDeadlines.recordId} = ${id} and ${procedureDeadlines.status} = 'stopped'`);
    assert.deepEqual(stopped.map((r) => r.clock).sort(), ['decision', 'hearingRequest', 'statement']);
  });

  test('refuses out-of-order steps, wrong roles, missing documents and uncertified teams with the reason', async () => {
    const id = await newPermit();
    const { cookie: headCookie } = await loginAs(t.app, 'eng-head', password);
    const { cookie: a1Cookie } = await loginAs(t.app, 'eng-a1', password);
    const post = (cookie: string, action: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/procedures/test.permit/records/${id}/actions/${action}`,
        headers: { cookie },
        payload: {},
      });

    const early = await post(headCookie, 'decide');
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.message, '当前状态为「线索」，不能执行「作出决定」');
    const wrongRole = await post(a1Cookie, 'file');
    assert.equal(wrongRole.statusCode, 403);
    assert.match(wrongRole.json().error.message, /科室负责人/);
    const unknown = await post(headCookie, 'teleport');
    assert.equal(unknown.statusCode, 404);

    await t.database.db
      .update(officerCertificates)
      .set({ validUntil: '2026-01-01' })
      .where(eq(officerCertificates.userId, users.a2.id));
    await t.database.db
      .update(officerCertificates)
      .set({ validUntil: '2026-01-01' })
      .where(eq(officerCertificates.userId, users.head.id));
    const uncertified = await post(headCookie, 'file');
    assert.equal(uncertified.statusCode, 422);
    assert.match(uncertified.json().error.message, /至少2名持有效执法证/);
    await t.database.db
      .update(officerCertificates)
      .set({ validUntil: '2030-01-01' })
      .where(sql`${officerCertificates.userId} in (${users.a2.id}, ${users.head.id})`);

    // The successful step on a fixed 2026 date, so its 90-day clock stays inside the loaded calendar.
    await act(users.head, id, 'file', '2026-03-02T02:00:00Z');
    const noDocument = await post(a1Cookie, 'serveNotice');
    assert.equal(noDocument.statusCode, 422);
    assert.equal(noDocument.json().error.message, '缺少文书：行政处罚事先告知书');

    const timeline = await t.app.inject({
      url: `/api/procedures/test.permit/records/${id}/timeline`,
      headers: { cookie: a1Cookie },
    });
    assert.equal(timeline.statusCode, 200);
    const body = timeline.json();
    assert.equal(body.stateLabel, '已立案');
    assert.deepEqual(
      body.steps.map((s: { actionLabel: string }) => s.actionLabel),
      ['立案'],
    );
    assert.equal(body.allowedActions[0].blockedBy, '缺少文书：行政处罚事先告知书');
    assert.equal(body.deadlines[0].clock, 'decision');
    assert.equal(body.deadlines[0].citation, '行政处罚法第六十条');
  });

  test('another county gets 404 and the record is unchanged', async () => {
    const id = await newPermit();
    const { cookie } = await loginAs(t.app, 'eng-b1', password);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/procedures/test.permit/records/${id}/actions/file`,
      headers: { cookie },
      payload: {},
    });
    assert.equal(res.statusCode, 404);
    const timeline = await t.app.inject({
      url: `/api/procedures/test.permit/records/${id}/timeline`,
      headers: { cookie },
    });
    assert.equal(timeline.statusCode, 404);
    const [row] = await t.database.db.select().from(permits).where(eq(permits.id, id));
    assert.equal(row!.state, 'lead');
  });

  test('two people taking the same step at once: one wins, the other gets 409', async () => {
    const id = await newPermit();
    const results = await Promise.allSettled([
      act(users.head, id, 'file', '2026-03-02T02:00:00Z'),
      act(users.head, id, 'file', '2026-03-02T02:00:00Z'),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal(failure.reason.statusCode, 409);
  });

  test('lists due-soon and overdue items and reminds once', async () => {
    const id = await newPermit({ documents: ['priorNotice'], title: '提醒测试案' });
    await act(users.head, id, 'file', '2026-02-10T02:00:00Z');
    await act(users.a1, id, 'serveNotice', '2026-02-12T02:00:00Z');
    const started = await t.database.db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.userId} = ${users.a1.id} and ${notifications.kind} = 'deadline.started' and ${notifications.body} like '%提醒测试案%'`,
      );
    assert.equal(started.length, 3, 'the assignee hears when each clock starts');

    const first = await sweepReminders(t.database.db, '2026-02-27');
    assert.ok(first.deadlineReminders >= 1);
    const overdue = await t.database.db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.userId} = ${users.a1.id} and ${notifications.kind} = 'deadline.overdue' and ${notifications.body} like '%提醒测试案%听证申请期限%'`,
      );
    assert.equal(overdue.length, 1);
    assert.match(overdue[0]!.body, /2026-02-26.*行政处罚法第六十四条/);
    const second = await sweepReminders(t.database.db, '2026-02-27');
    assert.equal(second.deadlineReminders, 0, 'a second sweep raises nothing new');

    const { cookie } = await loginAs(t.app, 'eng-a1', password);
    const list = await t.app.inject({
      url: '/api/deadlines?scope=mine&status=active&pageSize=100',
      headers: { cookie },
    });
    assert.equal(list.statusCode, 200);
    const mine = list.json().items.filter((d: { recordId: string }) => d.recordId === id);
    assert.deepEqual(mine.map((d: { clock: string }) => d.clock).sort(), [
      'decision',
      'hearingRequest',
      'statement',
    ]);
    const bell = await t.app.inject({ url: '/api/notifications?unreadOnly=true', headers: { cookie } });
    assert.ok(bell.json().unread >= 3);
  });

  test('the 陈述申辩 period, which the law leaves open, is set per organisation; statutory periods are not', async () => {
    const { cookie } = await loginAs(t.app, 'eng-admin', password);
    const settings = await t.app.inject({ url: '/api/procedures/test.permit/settings', headers: { cookie } });
    assert.equal(settings.statusCode, 200);
    assert.deepEqual(
      settings.json().items.map((i: { clock: string }) => i.clock),
      ['statement'],
    );
    const statutory = await t.app.inject({
      method: 'PUT',
      url: '/api/procedures/test.permit/settings/hearingRequest',
      headers: { cookie },
      payload: { period: 10 },
    });
    assert.equal(statutory.statusCode, 400);
    assert.match(statutory.json().error.message, /法定期限/);
    const officer = await loginAs(t.app, 'eng-a1', password);
    const notAdmin = await t.app.inject({
      method: 'PUT',
      url: '/api/procedures/test.permit/settings/statement',
      headers: { cookie: officer.cookie },
      payload: { period: 5 },
    });
    assert.equal(notAdmin.statusCode, 403);

    const dueOf = async (id: string) =>
      (
        await t.database.db
          .select()
          .from(procedureDeadlines)
          .where(sql`${procedureDeadlines.recordId} = ${id} and ${procedureDeadlines.clock} = 'statement'`)
      )[0]!.dueDate;
    const withDefault = await newPermit({ documents: ['priorNotice'] });
    await act(users.head, withDefault, 'file', '2026-02-10T02:00:00Z');
    await act(users.a1, withDefault, 'serveNotice', '2026-02-12T02:00:00Z');
    // Default 3 working days: 02-13, 02-14 (调休 Saturday), 02-24.
    assert.equal(await dueOf(withDefault), '2026-02-24');

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/procedures/test.permit/settings/statement',
      headers: { cookie },
      payload: { period: 5 },
    });
    assert.equal(put.statusCode, 200);
    const withSetting = await newPermit({ documents: ['priorNotice'] });
    await act(users.head, withSetting, 'file', '2026-02-10T02:00:00Z');
    await act(users.a1, withSetting, 'serveNotice', '2026-02-12T02:00:00Z');
    assert.equal(await dueOf(withSetting), '2026-02-26');
  });
});
