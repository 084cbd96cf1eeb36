import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import {
  buildCertificate,
  buildOrgTree,
  buildTestRecord,
  caseInput,
  simpleCaseInput,
  installTestProcedure,
  listRoutes,
  loginTree,
  multipartBody,
  routeKey,
  shiftDays,
  tinyPng,
  usccFor,
  waitForEntityImport,
} from '../../test/factories.ts';
import { readFileSync } from 'node:fs';
import { auditLog } from './tables.ts';
import { orgs } from '../orgs/tables.ts';
import { mitigationRules, penaltyCases, violationTypes } from '../../modules/cases/tables.ts';
import { importDiscretionCatalog, importMitigationCatalog } from '../../modules/cases/catalogs.ts';
import { casefileReviewFiles } from '../../modules/casefile-reviews/tables.ts';
import type { Db } from '../../db/client.ts';
import { entities } from '../../modules/entities/tables.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { defaultPenaltySettings } from '../../../shared/cases/penalty-settings.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['admin', 'adminA', 'officerA1', 'leader', 'legal']);
const routes = await listRoutes({ db, dbKind: t.database.kind, config: t.config });
await installTestProcedure(db);
const today = chinaToday();
const catalogCsv = (name: string) =>
  readFileSync(new URL(`../../../shared/cases/fixtures/${name}`, import.meta.url), 'utf8');
for (const officer of [tree.users.officerA1, tree.users.officerA2]) {
  await buildCertificate(db, officer, {
    validFrom: shiftDays(today, -100),
    validUntil: shiftDays(today, 900),
  });
}
const newCase = await t.app.inject({
  method: 'POST',
  url: '/api/cases',
  headers: { cookie: cookies.officerA1 },
  payload: caseInput(tree),
});
const caseA = newCase.json() as { id: string };
// caseA concerns a violation of county A's benchmark, so its discretion can be adopted.
await importDiscretionCatalog(db, null, tree.instituteA.id, catalogCsv('discretion_benchmarks.csv'));
const [violationOfA] = await db.select({ id: violationTypes.id }).from(violationTypes).limit(1);
await db.update(penaltyCases).set({ violationTypeId: violationOfA!.id }).where(eq(penaltyCases.id, caseA.id));
await importMitigationCatalog(db, null, tree.instituteA.id, catalogCsv('mitigation_lists.csv'));
const [mitigationRuleOfA] = await db.select({ id: mitigationRules.id }).from(mitigationRules).limit(1);

// 案卷评查: three closed cases of county A, a round holding one of them (to score) and a round to close.
const [caseARow] = await db.select().from(penaltyCases).where(eq(penaltyCases.id, caseA.id));
const [toScore, toAdd] = await db
  .insert(penaltyCases)
  .values(
    ['评查案卷甲', '评查案卷乙', '评查案卷丙'].map((title) => ({
      orgId: tree.instituteA.id,
      procedure: 'ordinary',
      state: 'closed',
      title,
      source: 'inspection',
      partyId: caseARow!.partyId,
      closedOn: '2025-06-30',
    })),
  )
  .returning({ id: penaltyCases.id });
const newRound = { year: 2025, name: '2025年度案卷评查', periodFrom: '2025-01-01', periodTo: '2025-12-31' };
const openRound = async () =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/casefile-reviews/rounds',
      headers: { cookie: cookies.adminA },
      payload: newRound,
    })
  ).json() as { id: string };
const [reviewRound, roundToClose, roundToRemoveFrom] = [
  await openRound(),
  await openRound(),
  await openRound(),
];
await t.app.inject({
  method: 'POST',
  url: `/api/casefile-reviews/rounds/${reviewRound.id}/files`,
  headers: { cookie: cookies.adminA },
  payload: { caseIds: [toScore!.id] },
});
const reviewFile = (
  await t.app.inject({
    url: `/api/casefile-reviews/rounds/${reviewRound.id}/files`,
    headers: { cookie: cookies.adminA },
  })
).json().items[0] as { id: string };

const [entityA] = await db
  .insert(entities)
  .values({
    orgId: tree.countyA.id,
    uscc: usccFor(1),
    name: '东川县人民医院',
    category: '医疗机构',
    areaCode: '330102',
  })
  .returning();
const entityFile = multipartBody({
  fileName: '名录.csv',
  bytes: Buffer.from(`统一社会信用代码,单位名称,类别,行政区划代码\n${usccFor(2)},东川县新单位,学校,330102\n`),
});
const uploadedEntityFile = await t.app.inject({
  method: 'POST',
  url: '/api/files',
  headers: { cookie: cookies.adminA, ...entityFile.headers },
  payload: entityFile.payload,
});
const entityFileId = (uploadedEntityFile.json() as { id: string }).id;

const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;

/** The error PostgreSQL raised, whether or not the driver wrapped it. */
function rootMessage(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
}

// Writes that change no record of the administration: the recipient's own read marks on notifications.
const notAudited: Record<string, string> = {
  'POST /api/notifications/:id/read': 'marks the caller’s own notification read (no record changes)',
  'POST /api/notifications/read-all': 'marks the caller’s own notifications read (no record changes)',
};

type Reply = { statusCode: number; body: string };
/** `rows`: audit rows the call appends, the last one naming `action` (default 1). */
type WriteCase = { action: string; run: () => Promise<Reply>; rows?: number };

const call = (cookie: string | null, method: string, url: string, payload?: object): Promise<Reply> =>
  t.app.inject({
    method: method as 'POST',
    url,
    headers: cookie ? { cookie } : {},
    ...(payload ? { payload } : {}),
  });
const as = (
  who: keyof typeof cookies,
  action: string,
  method: string,
  url: string,
  payload?: object,
): WriteCase => ({
  action,
  run: () => call(cookies[who], method, url, payload),
});
const officerUrl = (suffix: string) => `/api/officers/${tree.users.officerA1.id}${suffix}`;

// Every route that changes data, with one successful call and the audit action it must append.
const writeCases: Record<string, WriteCase> = {
  'POST /api/auth/login': {
    action: 'auth.login',
    run: () => call(null, 'POST', '/api/auth/login', { username: tree.users.leader.username, password }),
  },
  'POST /api/auth/logout': as('leader', 'auth.logout', 'POST', '/api/auth/logout'),
  'POST /api/auth/password': as('legal', 'auth.changePassword', 'POST', '/api/auth/password', {
    currentPassword: password,
    newPassword: 'Another-pass-2027',
  }),
  'POST /api/orgs': as('admin', 'orgs.create', 'POST', '/api/orgs', {
    parentId: tree.countyA.id,
    name: '东川县法规科',
    kind: 'section',
  }),
  'PATCH /api/orgs/:id': as('adminA', 'orgs.update', 'PATCH', `/api/orgs/${tree.instituteA.id}`, {
    code: 'A-001',
  }),
  'POST /api/users': as('adminA', 'users.create', 'POST', '/api/users', {
    username: `new_${tree.suffix}`,
    displayName: '新同事',
    orgId: tree.instituteA.id,
    roleIds: ['officer'],
    password: 'Initial-pass-1',
  }),
  'PATCH /api/users/:id': as('adminA', 'users.update', 'PATCH', `/api/users/${tree.users.officerA2.id}`, {
    phone: '13800000000',
  }),
  'PUT /api/roles/:id': as('admin', 'roles.update', 'PUT', '/api/roles/counsel', {
    permissions: ['files.upload', 'officers.read'],
    writeScope: 'own',
  }),
  'POST /api/officers/:userId/certificates': as(
    'adminA',
    'officers.issueCertificate',
    'POST',
    `/api/officers/${tree.users.officerA2.id}/certificates`,
    {
      certificateNumber: `A2${tree.suffix}`,
      issuingBody: '清河市人民政府',
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
    },
  ),
  'PATCH /api/officers/:userId/certificate/status': as(
    'adminA',
    'officers.setCertificateStatus',
    'PATCH',
    officerUrl('/certificate/status'),
    {
      status: 'valid', // a no-op change is audited too; suspending would stop officerA1 filing cases
      reason: '复核后恢复',
    },
  ),
  'POST /api/officers/:userId/reviews': as('adminA', 'officers.addReview', 'POST', officerUrl('/reviews'), {
    reviewedOn: '2026-03-01',
    passed: true,
  }),
  'POST /api/officers/:userId/trainings': as(
    'adminA',
    'officers.addTraining',
    'POST',
    officerUrl('/trainings'),
    {
      trainedOn: '2026-03-02',
      course: '行政处罚法专题',
      hours: 8,
    },
  ),
  'POST /api/officers/:userId/exams': as('adminA', 'officers.addExam', 'POST', officerUrl('/exams'), {
    takenOn: '2026-03-03',
    subject: '行政执法资格考试',
    score: 88,
    passed: true,
  }),
  'PUT /api/calendar/years/:year': as('admin', 'calendar.putYear', 'PUT', '/api/calendar/years/2027', {
    source: '国务院办公厅关于2027年部分节假日安排的通知',
    days: [{ date: '2027-01-01', kind: 'rest', name: '元旦' }],
  }),
  'POST /api/files': {
    action: 'files.upload',
    run: () => {
      const body = multipartBody({ fileName: 'evidence.png', contentType: 'image/png', bytes: tinyPng(7) });
      return t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { cookie: cookies.officerA1, ...body.headers },
        payload: body.payload,
      });
    },
  },
  'POST /api/procedures/:procedureId/records/:recordId/actions/:action': {
    action: 'test.records.submit',
    run: async () => {
      const record = await buildTestRecord(db, tree.instituteA);
      return call(
        cookies.officerA1,
        'POST',
        `/api/procedures/test.records/records/${record.id}/actions/submit`,
        { note: '提交' },
      );
    },
  },
  'PUT /api/procedures/:procedureId/settings/:clock': as(
    'adminA',
    'procedures.setPeriod',
    'PUT',
    '/api/procedures/test.records/settings/statement',
    {
      period: 5,
    },
  ),
  'POST /api/cases': as('officerA1', 'cases.create', 'POST', '/api/cases', caseInput(tree)),
  'POST /api/cases/simple': {
    ...as(
      'officerA1',
      'penaltyCase.simple.recordOnSpotDecision',
      'POST',
      '/api/cases/simple',
      simpleCaseInput(tree, today),
    ),
    rows: 4, // the case, the stored 决定书, its place in the case (with its 文号), and the recorded decision
  },
  'POST /api/cases/:id/documents/:kind': {
    ...as('officerA1', 'cases.generateDocument', 'POST', `/api/cases/${caseA.id}/documents/filingApproval`),
    rows: 2, // the stored .docx and the document's place in the case
  },
  'POST /api/cases/:id/evidence': {
    action: 'cases.addEvidence',
    rows: 2, // the stored file (files.upload) and its place in the case
    run: () => {
      const body = multipartBody({
        fields: { kind: 'photo', description: '现场照片', collectedOn: today },
        fileName: 'photo.png',
        bytes: tinyPng(8),
      });
      return t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseA.id}/evidence`,
        headers: { cookie: cookies.officerA1, ...body.headers },
        payload: body.payload,
      });
    },
  },
  'POST /api/document-numbers': as('officerA1', 'documents.issueNumber', 'POST', '/api/document-numbers', {
    documentType: 'penaltyDecision',
    year: 2026,
  }),
  'PUT /api/cases/:id/discretion': as(
    'officerA1',
    'cases.adoptDiscretion',
    'PUT',
    `/api/cases/${caseA.id}/discretion`,
    {
      proposedFineYuan: 0,
      outOfRangeReason: '情节轻微',
    },
  ),
  'PUT /api/penalty-settings': as(
    'adminA',
    'cases.setPenaltySettings',
    'PUT',
    '/api/penalty-settings',
    defaultPenaltySettings,
  ),
  'POST /api/entities': as('adminA', 'entities.create', 'POST', '/api/entities', {
    uscc: usccFor(3),
    name: '东川县实验学校',
    category: '学校',
    areaCode: '330102',
  }),
  'PATCH /api/entities/:id': as('adminA', 'entities.update', 'PATCH', `/api/entities/${entityA!.id}`, {
    riskLevel: 'high',
  }),
  'POST /api/entities/imports': {
    // One entry per import, written when the rows reach the directory (the route returns before that).
    action: 'entities.import',
    run: async () => {
      const res = await call(cookies.adminA, 'POST', '/api/entities/imports', { fileId: entityFileId });
      await waitForEntityImport(t.app, cookies.adminA, (JSON.parse(res.body) as { id: string }).id);
      return res;
    },
  },
  'POST /api/inspection-items/import': as(
    'admin',
    'inspectionItems.import',
    'POST',
    '/api/inspection-items/import',
    {
      csv: readFileSync(
        new URL('../../../shared/inspections/fixtures/random_inspection_items.csv', import.meta.url),
        'utf8',
      ),
    },
  ),
  'PATCH /api/catalogs/violation-types/:id': as(
    'adminA',
    'catalogs.updateViolationType',
    'PATCH',
    `/api/catalogs/violation-types/${violationOfA!.id}`,
    {
      title: '公共场所室内空气质量不符合卫生标准',
      legalBasis: '《公共场所卫生管理条例实施细则》',
      penaltyBasis: '《公共场所卫生管理条例实施细则》第三十六条',
      tiers: [{ tier: 'ordinary', label: '一般', circumstances: '', standard: '处1000元以上5000元以下罚款' }],
    },
  ),
  'PATCH /api/catalogs/mitigation-rules/:id': as(
    'adminA',
    'catalogs.updateMitigationRule',
    'PATCH',
    `/api/catalogs/mitigation-rules/${mitigationRuleOfA!.id}`,
    { matter: '初次违法且及时改正', basis: '', conditions: ['初次违法', '及时改正'], isActive: false },
  ),
  'POST /api/catalogs/violation-types/import': as(
    'admin',
    'catalogs.importDiscretion',
    'POST',
    '/api/catalogs/violation-types/import',
    {
      csv: catalogCsv('discretion_benchmarks.csv'),
    },
  ),
  'POST /api/catalogs/mitigation-rules/import': as(
    'admin',
    'catalogs.importMitigation',
    'POST',
    '/api/catalogs/mitigation-rules/import',
    {
      csv: catalogCsv('mitigation_lists.csv'),
    },
  ),
  'PUT /api/casefile-reviews/rubric': as(
    'adminA',
    'casefileReviews.saveRubric',
    'PUT',
    '/api/casefile-reviews/rubric',
    { items: [{ category: '执法程序', text: '程序合法规范', maxPoints: 100 }] },
  ),
  'POST /api/casefile-reviews/rounds': as(
    'adminA',
    'casefileReviews.createRound',
    'POST',
    '/api/casefile-reviews/rounds',
    newRound,
  ),
  'POST /api/casefile-reviews/rounds/:id/close': as(
    'adminA',
    'casefileReviews.closeRound',
    'POST',
    `/api/casefile-reviews/rounds/${roundToClose.id}/close`,
  ),
  'POST /api/casefile-reviews/rounds/:id/files': as(
    'adminA',
    'casefileReviews.addFiles',
    'POST',
    `/api/casefile-reviews/rounds/${reviewRound.id}/files`,
    { caseIds: [toAdd!.id] },
  ),
  'POST /api/casefile-reviews/rounds/:id/sample': as(
    'adminA',
    'casefileReviews.sampleFiles',
    'POST',
    `/api/casefile-reviews/rounds/${reviewRound.id}/sample`,
    { size: 1, seed: 'audit-test' },
  ),
  'POST /api/casefile-reviews/files/:id/remove': {
    action: 'casefileReviews.removeFile',
    run: async () => {
      const [file] = await db
        .insert(casefileReviewFiles)
        .values({
          roundId: roundToRemoveFrom.id,
          orgId: tree.countyA.id,
          caseId: toScore!.id,
          selection: 'manual',
          addedBy: tree.users.adminA.id,
        })
        .returning();
      return call(cookies.adminA, 'POST', `/api/casefile-reviews/files/${file!.id}/remove`);
    },
  },
  'PUT /api/casefile-reviews/files/:id/score': as(
    'legal',
    'casefileReviews.scoreFile',
    'PUT',
    `/api/casefile-reviews/files/${reviewFile.id}/score`,
    { deductions: [], summary: '案卷规范。', excellent: true },
  ),
};

describe('audit log', () => {
  test('every write route appends its audit rows, the last naming its action', async () => {
    const writeRoutes = routes
      .filter((r) => r.method !== 'GET')
      .map(routeKey)
      .filter((key) => !notAudited[key])
      .sort();
    const missing = writeRoutes.filter((key) => !writeCases[key]);
    assert.deepEqual(
      missing,
      [],
      `write routes without an audit case in audit.test.ts — add one: ${missing.join(', ')}`,
    );
    for (const key of writeRoutes) {
      const { action, run, rows = 1 } = writeCases[key]!;
      const before = await auditCount();
      const res = await run();
      assert.equal(res.statusCode, 200, `${key}: ${res.body}`);
      const last = await lastAudit();
      assert.equal((await auditCount()) - before, rows, `${key} appends ${rows} audit row(s)`);
      assert.equal(last.action, action, key);
    }
  });

  test('a failed login is audited as well', async () => {
    const before = await auditCount();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: tree.users.officerB1.username, password: 'wrong-one-1' },
    });
    assert.equal((await auditCount()) - before, 1);
    const last = await lastAudit();
    assert.equal(last.action, 'auth.loginFailed');
    assert.equal(last.entityId, tree.users.officerB1.id);
  });

  test('GET /api/audit: county admins see their own subtree only; officers may not read it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit?pageSize=200',
      headers: { cookie: cookies.adminA },
    });
    assert.equal(res.statusCode, 200);
    const subtree = new Set(
      (
        await db
          .select({ id: orgs.id })
          .from(orgs)
          .where(sql`${orgs.path} like ${`${tree.countyA.path}%`}`)
      ).map((o) => o.id),
    );
    const items = res.json().items as Array<{ orgId: string | null; action: string }>;
    assert.ok(items.length > 0);
    assert.ok(
      items.every((i) => i.orgId && subtree.has(i.orgId)),
      'only county A entries',
    );
    const officer = await t.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(officer.statusCode, 403);
  });

  test('GET /api/audit/verify is for the root organisation’s admin only', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/audit/verify' })).statusCode, 401);
    const officer = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(officer.statusCode, 403);
    assert.equal(officer.json().error.code, 'FORBIDDEN');
    const county = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.adminA },
    });
    assert.equal(county.statusCode, 403);
  });

  test('verify is ok on an intact chain and checks every row', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.admin },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { ok: true, checked: await auditCount(), firstBroken: null });
  });

  test('UPDATE, DELETE and TRUNCATE through the app’s connection are refused by the trigger', async () => {
    const target = await lastAudit();
    const attempts = [
      sql`update audit_log set action = 'forged' where id = ${target.id}`,
      sql`delete from audit_log where id = ${target.id}`,
      sql`truncate audit_log`,
    ];
    for (const [i, statement] of attempts.entries()) {
      await assert.rejects(db.execute(statement), (error) => {
        assert.match(
          rootMessage(error),
          /audit_log is append-only: (UPDATE|DELETE|TRUNCATE) refused/,
          `attempt ${i}`,
        );
        return true;
      });
    }
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, target.id));
    assert.deepEqual(still, target);
  });

  test('a row tampered with by a superuser bypassing the guard is named by verify; restoring it heals the chain', async () => {
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    const victim = rows[Math.floor(rows.length / 2)]!;
    const position = rows.findIndex((r) => r.id === victim.id) + 1;
    await asSuperuserBypassingGuard(
      db,
      sql`update audit_log set after = ${JSON.stringify({ tampered: true })}::jsonb where id = ${victim.id}`,
    );
    const broken = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.admin },
    });
    assert.deepEqual(broken.json(), { ok: false, checked: position, firstBroken: victim.id });
    // The guard is back on after the bypass.
    await assert.rejects(db.execute(sql`update audit_log set after = null where id = ${victim.id}`));

    await asSuperuserBypassingGuard(
      db,
      sql`update audit_log set after = ${JSON.stringify(victim.after)}::jsonb where id = ${victim.id}`,
    );
    const healed = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.admin },
    });
    assert.deepEqual(healed.json(), { ok: true, checked: rows.length, firstBroken: null });
  });

  test('a deleted row breaks the link of the row after it', async () => {
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    const victim = rows[3]!;
    const next = rows[4]!;
    await asSuperuserBypassingGuard(db, sql`delete from audit_log where id = ${victim.id}`);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: { cookie: cookies.admin },
    });
    assert.deepEqual(res.json(), { ok: false, checked: 4, firstBroken: next.id });
  });
});

/** What a database superuser could do: switch the guard trigger off for one statement, in one transaction. */
async function asSuperuserBypassingGuard(database: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}
