import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { createTestApp } from '../../test/test-app.ts';
import {
  buildCertificate,
  buildNotification,
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
  testRecords,
  tinyPng,
  usccFor,
  waitForEntityImport,
} from '../../test/factories.ts';
import { orgs, userRoles, users } from '../orgs/tables.ts';
import {
  certificateReviews,
  officerCertificates,
  officerExams,
  officerTrainings,
} from '../officers/tables.ts';
import { storedFiles } from '../files/tables.ts';
import { notifications, procedureSettings, procedureSteps } from '../procedure-engine/tables.ts';
import { documentNumberSequences } from '../numbering/tables.ts';
import {
  caseDocuments,
  caseEvidence,
  caseOfficers,
  mitigationRules,
  penaltyCases,
  penaltySettings,
  violationTypes,
} from '../../modules/cases/tables.ts';
import { importDiscretionCatalog, importMitigationCatalog } from '../../modules/cases/catalogs.ts';
import { entities, entityImportJobs } from '../../modules/entities/tables.ts';
import { inspectionItems } from '../../modules/inspections/tables.ts';
import { importInspectionItems } from '../../modules/inspections/items.ts';
import {
  casefileReviewFiles,
  casefileReviewRounds,
  casefileRubrics,
} from '../../modules/casefile-reviews/tables.ts';
import { readFileSync } from 'node:fs';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { defaultPenaltySettings } from '../../../shared/cases/penalty-settings.ts';

// architecture.md: "one access suite generated from the route table". Every registered route needs an
// entry below; for a route that addresses a record, county B's officer and county B's admin (who holds
// every permission) must get 404 for county A's record and leave it unchanged, while county A's own
// user gets through with the very same request (so the 404 is not just a missing fixture record).

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
await installTestProcedure(db);
const cookies = await loginTree(t.app, tree, ['officerB1', 'adminB', 'adminA', 'officerA1']);
const routes = await listRoutes({ db, dbKind: t.database.kind, config: t.config });
const countyAOrgs = [tree.countyA.id, tree.instituteA.id];
const a1 = tree.users.officerA1;

// County A's records that several fixtures address, made through the routes as officerA1.
const today = chinaToday();
const validCertificate = { validFrom: shiftDays(today, -100), validUntil: shiftDays(today, 900) };
for (const officer of [a1, tree.users.officerA2]) await buildCertificate(db, officer, validCertificate);
async function postAsA1(url: string, payload: object = {}, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.officerA1, ...headers },
    payload,
  });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json() as { id: string };
}
const upload = multipartBody({ fileName: '现场照片.png', bytes: tinyPng(9) });
const fileA = await postAsA1('/api/files', upload.payload, upload.headers);
const submitted = await buildTestRecord(db, tree.instituteA, { assigneeId: a1.id });
await postAsA1(`/api/procedures/test.records/records/${submitted.id}/actions/submit`);
const caseA = await postAsA1('/api/cases', caseInput(tree));
// County A adopts its own 裁量基准 and 减免清单: county B must never list them.
const catalogCsv = (name: string) =>
  readFileSync(new URL(`../../../shared/cases/fixtures/${name}`, import.meta.url), 'utf8');
await importDiscretionCatalog(db, null, tree.instituteA.id, catalogCsv('discretion_benchmarks.csv'));
await importMitigationCatalog(db, null, tree.instituteA.id, catalogCsv('mitigation_lists.csv'));
// caseA concerns a violation of that benchmark, so its discretion can be adopted.
const [violationOfA] = await db
  .select({ id: violationTypes.id })
  .from(violationTypes)
  .where(eq(violationTypes.orgId, tree.instituteA.id))
  .limit(1);
await db.update(penaltyCases).set({ violationTypeId: violationOfA!.id }).where(eq(penaltyCases.id, caseA.id));
// An edit of each catalog's first entry of county A: the body keeps what is there.
const [violationRowOfA] = await db
  .select()
  .from(violationTypes)
  .where(eq(violationTypes.id, violationOfA!.id));
const [mitigationRuleOfA] = await db
  .select()
  .from(mitigationRules)
  .where(eq(mitigationRules.orgId, tree.instituteA.id))
  .limit(1);
const violationEditOfA = {
  title: violationRowOfA!.title,
  legalBasis: violationRowOfA!.legalBasis,
  penaltyBasis: violationRowOfA!.penaltyBasis,
  tiers: [{ tier: 'ordinary', label: '一般', circumstances: '', standard: '处1000元以上5000元以下罚款' }],
};
const mitigationEditOfA = {
  matter: mitigationRuleOfA!.matter,
  basis: mitigationRuleOfA!.basis,
  conditions: mitigationRuleOfA!.conditions,
  isActive: true,
};
const catalogIdsOfA = async (table: typeof violationTypes | typeof mitigationRules) =>
  (await db.select({ id: table.id }).from(table).where(eq(table.orgId, tree.instituteA.id))).map((r) => r.id);

// County A's entity directory: one entity, and one finished import (with a rejected row) of a file adminA uploaded.
const [entityA] = await db
  .insert(entities)
  .values({
    orgId: tree.instituteA.id,
    uscc: usccFor(1),
    name: '东川县人民医院',
    category: '医疗机构',
    areaCode: '330102',
  })
  .returning();
// A case whose organisation party has entityA's code: linked to it, found by the case list's entityId filter.
const linkedCaseA = await postAsA1(
  '/api/cases',
  caseInput(tree, {
    party: {
      kind: 'organisation',
      name: entityA!.name,
      uscc: entityA!.uscc,
      legalRepresentative: '王某',
      address: '东川县人民路1号',
    },
  }),
);
const entityCsv = (code: string) =>
  Buffer.from(
    `统一社会信用代码,单位名称,类别,行政区划代码\n${code},东川县新单位,学校,330102\n坏代码,东川县坏行,学校,330102\n`,
  );
async function uploadAsAdminA(bytes: Buffer): Promise<string> {
  const body = multipartBody({ fileName: '名录.csv', bytes });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: cookies.adminA, ...body.headers },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { id: string }).id;
}
const entityFileA = await uploadAsAdminA(entityCsv(usccFor(2)));
const importA = await t.app.inject({
  method: 'POST',
  url: '/api/entities/imports',
  headers: { cookie: cookies.adminA },
  payload: { fileId: entityFileA },
});
const importJobA = await waitForEntityImport(t.app, cookies.adminA, (importA.json() as { id: string }).id);
assert.equal(importJobA.status, 'succeeded', importJobA.error ?? '');
// A second file for the import fixture, whose owner call runs one more import of county A.
const secondEntityFileA = await uploadAsAdminA(entityCsv(usccFor(3)));
await importInspectionItems(
  db,
  null,
  tree.instituteA.id,
  readFileSync(
    new URL('../../../shared/inspections/fixtures/random_inspection_items.csv', import.meta.url),
    'utf8',
  ),
);
const entityRow = () => rows(entities, eq(entities.id, entityA!.id));
const importJobRows = () => rows(entityImportJobs, inCountyA(entityImportJobs.orgId));
// The finished job alone: another fixture's import may still be running in the background and change its own row.
const finishedImportJobA = () => rows(entityImportJobs, eq(entityImportJobs.id, importJobA.id));

// County A's 案卷评查: closed cases, a round opened by its admin and a file in it.
const [caseARow] = await db.select().from(penaltyCases).where(eq(penaltyCases.id, caseA.id));
const closedCasesA = await db
  .insert(penaltyCases)
  .values(
    ['评查案卷甲', '评查案卷乙'].map((title) => ({
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
const reviewUrl = (suffix: string) => `/api/casefile-reviews${suffix}`;
const newRound = { year: 2025, name: '2025年度案卷评查', periodFrom: '2025-01-01', periodTo: '2025-12-31' };
async function roundOfA(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: reviewUrl('/rounds'),
    headers: { cookie: cookies.adminA },
    payload: newRound,
  });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { id: string }).id;
}
const roundA = await roundOfA();
await db.insert(casefileReviewFiles).values({
  roundId: roundA,
  orgId: tree.countyA.id,
  caseId: closedCasesA[0]!.id,
  selection: 'manual',
  addedBy: tree.users.adminA.id,
});
const [reviewFileA] = await db
  .select({ id: casefileReviewFiles.id })
  .from(casefileReviewFiles)
  .where(eq(casefileReviewFiles.roundId, roundA));
const roundRecord = (id: string) => () =>
  Promise.all([
    rows(casefileReviewRounds, eq(casefileReviewRounds.id, id)),
    rows(casefileReviewFiles, eq(casefileReviewFiles.roundId, id)),
  ]);
/** A write on a fresh round of county A's (the owner's successful call changes it). */
const onFreshRound = (method: string, suffix: string, payload?: object): Fixture => ({
  kind: 'record',
  build: async () => {
    const id = await roundOfA();
    return { request: req(method, reviewUrl(`/rounds/${id}${suffix}`), payload), snapshot: roundRecord(id) };
  },
});

type Actor = keyof typeof cookies;
type Request = { method: string; url: string; payload?: object | Buffer; headers?: Record<string, string> };
type Reply = { statusCode: number; body: string; json: () => unknown };

/** `owner`: who in county A gets through with the same request (default adminA); `officerForbidden`: why county B's
 * officer gets 403 before any lookup (the route needs a permission officers lack, whatever the record). */
type Access = { owner?: Actor; officerForbidden?: string };
type Fixture =
  /** A route that addresses one of county A's records (path id, orgId query or body field). */
  | ({
      kind: 'record';
      build: () => Promise<{ request: Request; snapshot: () => Promise<unknown> }>;
    } & Access)
  /** A list: county A's records must not appear for county B, and do appear for the owner. */
  | ({
      kind: 'list';
      url: string;
      idsOf: (json: unknown) => string[];
      hidden: () => Promise<string[]>;
    } & Access)
  /** Addresses no organisation's record; `leaves` (if given) must stay unchanged when county B calls it. */
  | { kind: 'none'; reason: string; call?: (actor: Actor) => Request; leaves?: () => Promise<unknown> }
  | { kind: 'todo'; reason: string };

const rows = (table: PgTable, where: SQL | undefined) => db.select().from(table).where(where);
const inCountyA = (column: PgColumn) => inArray(column, countyAOrgs);
// What each fixture must leave unchanged, read straight from the database.
const select = {
  org: (id: string) => rows(orgs, eq(orgs.id, id)),
  user: (id: string) =>
    Promise.all([rows(users, eq(users.id, id)), rows(userRoles, eq(userRoles.userId, id))]),
  usersOf: (orgId: string) => rows(users, eq(users.orgId, orgId)),
  officerFile: (userId: string) =>
    Promise.all([
      rows(officerCertificates, eq(officerCertificates.userId, userId)),
      rows(certificateReviews, eq(certificateReviews.orgId, tree.instituteA.id)),
      rows(officerTrainings, eq(officerTrainings.userId, userId)),
      rows(officerExams, eq(officerExams.userId, userId)),
    ]),
  record: (id: string) =>
    Promise.all([
      rows(testRecords, eq(testRecords.id, id)),
      rows(procedureSteps, eq(procedureSteps.recordId, id)),
    ]),
  caseOf: (id: string) =>
    Promise.all([
      rows(penaltyCases, eq(penaltyCases.id, id)),
      rows(caseOfficers, eq(caseOfficers.caseId, id)),
      rows(caseDocuments, eq(caseDocuments.caseId, id)),
      rows(caseEvidence, eq(caseEvidence.caseId, id)),
      rows(documentNumberSequences, inCountyA(documentNumberSequences.orgId)),
    ]),
  countyA: () =>
    Promise.all([
      rows(penaltyCases, inCountyA(penaltyCases.orgId)),
      rows(penaltySettings, inCountyA(penaltySettings.orgId)),
      rows(orgs, inCountyA(orgs.id)),
      rows(storedFiles, inCountyA(storedFiles.orgId)),
      rows(documentNumberSequences, inCountyA(documentNumberSequences.orgId)),
      rows(procedureSettings, inCountyA(procedureSettings.orgId)),
      rows(casefileRubrics, inCountyA(casefileRubrics.orgId)),
      rows(casefileReviewRounds, inCountyA(casefileReviewRounds.orgId)),
      rows(casefileReviewFiles, inCountyA(casefileReviewFiles.orgId)),
      rows(notifications, or(eq(notifications.userId, a1.id), eq(notifications.orgId, tree.instituteA.id))),
    ]),
};
const itemsField = (field: string) => (json: unknown) =>
  ((json as { items: Record<string, string>[] }).items ?? []).map((i) => i[field]!);
const req = (method: string, url: string, payload?: object | Buffer): Request => ({ method, url, payload });
/** A fixed request at one of county A's records and the rows it must leave unchanged. */
const record = (request: Request, snapshot: () => Promise<unknown>, options: Access = {}): Fixture => ({
  kind: 'record',
  build: async () => ({ request, snapshot }),
  ...options,
});
const none = (reason: string): Fixture => ({ kind: 'none', reason });
/** Acts on the caller's own organisation only; county B calling it must leave county A's data as it was. */
const ownOnly = (reason: string, call: (actor: Actor) => Request): Fixture => ({
  kind: 'none',
  reason,
  call,
  leaves: select.countyA,
});
const deploymentWide = none(
  'deployment-wide data (roles, calendar, audit chain): root admin only, tested in its own file',
);
const officerFile = () => select.officerFile(a1.id);
const officerWrite = (method: string, suffix: string, payload?: object) =>
  record(req(method, officerUrl(suffix), payload), officerFile);
const list = (url: string, field: string, hidden: () => Promise<string[]>, more: Access = {}): Fixture =>
  ({ kind: 'list', url, idsOf: itemsField(field), hidden, ...more }) as Fixture;
const byA1 = { owner: 'officerA1' } as const;
const instA = tree.instituteA.id;
const officerUrl = (suffix: string) => `/api/officers/${a1.id}${suffix}`;
const fileRow = () => rows(storedFiles, eq(storedFiles.id, fileA.id));
const newUser = {
  username: `planted_${tree.suffix}`,
  displayName: '安插人员',
  orgId: instA,
  roleIds: ['officer'],
  password: 'Planted-pass-1',
};
const newCertificate = {
  certificateNumber: `ACC${tree.suffix}`,
  issuingBody: '清河市人民政府',
  validFrom: '2026-01-01',
  validUntil: '2030-12-31',
};

const caseRecord = () => select.caseOf(caseA.id);
const evidence = multipartBody({
  fields: { kind: 'document', description: '现场检查笔录扫描件', collectedOn: today },
  fileName: '笔录.txt',
  bytes: Buffer.from('现场检查笔录：诊所未公示诊疗科目。', 'utf8'),
});

const fixtures: Record<string, Fixture> = {
  'GET /api/openapi.json': none('the API description'),
  'GET /api/health': none('liveness probe'),
  'GET /api/public/penalty-decisions': none(
    'the public portal: only published, already-masked decisions, for everyone',
  ),
  'POST /api/auth/login': none('addresses the account by its credentials'),
  'POST /api/auth/logout': none('ends the caller’s own session'),
  'GET /api/auth/me': none('the caller’s own account'),
  'POST /api/auth/password': none('changes the caller’s own password'),
  'GET /api/orgs': list('/api/orgs', 'id', async () => countyAOrgs),
  'POST /api/orgs': record(
    req('POST', '/api/orgs', { parentId: tree.countyA.id, name: '东川县法规科', kind: 'section' }),
    () => rows(orgs, eq(orgs.parentId, tree.countyA.id)),
  ),
  'PATCH /api/orgs/:id': record(req('PATCH', `/api/orgs/${instA}`, { code: 'HIJACKED' }), () =>
    select.org(instA),
  ),
  'GET /api/users': record(req('GET', `/api/users?orgId=${instA}`), () => select.usersOf(instA), {
    officerForbidden: 'user lists need admin.users',
  }),
  'POST /api/users': record(req('POST', '/api/users', newUser), () => select.usersOf(instA)),
  'PATCH /api/users/:id': record(
    req('PATCH', `/api/users/${tree.users.officerA2.id}`, {
      displayName: '被改名',
      roleIds: ['systemAdmin'],
    }),
    () => select.user(tree.users.officerA2.id),
  ),
  'GET /api/roles': deploymentWide,
  'PUT /api/roles/:id': deploymentWide,
  'GET /api/officers': record(req('GET', `/api/officers?orgId=${instA}`), officerFile),
  'GET /api/officers/eligible': record(
    req('GET', `/api/officers/eligible?orgId=${instA}&date=2026-06-01`),
    officerFile,
  ),
  'GET /api/officers/:userId': officerWrite('GET', ''),
  'POST /api/officers/:userId/certificates': officerWrite('POST', '/certificates', newCertificate),
  'PATCH /api/officers/:userId/certificate/status': officerWrite('PATCH', '/certificate/status', {
    status: 'revoked',
    reason: '恶意注销',
  }),
  'POST /api/officers/:userId/reviews': officerWrite('POST', '/reviews', {
    reviewedOn: '2026-03-01',
    passed: false,
  }),
  'POST /api/officers/:userId/trainings': officerWrite('POST', '/trainings', {
    trainedOn: '2026-03-01',
    course: '伪造培训',
    hours: 99,
  }),
  'POST /api/officers/:userId/exams': officerWrite('POST', '/exams', {
    takenOn: '2026-03-01',
    subject: '伪造考试',
    score: 0,
    passed: false,
  }),
  'GET /api/calendar/add-working-days': deploymentWide,
  'GET /api/calendar/is-working-day': deploymentWide,
  'GET /api/calendar/years': deploymentWide,
  'PUT /api/calendar/years/:year': deploymentWide,
  'GET /api/audit': list('/api/audit?pageSize=200', 'orgId', async () => countyAOrgs, {
    officerForbidden: 'the audit log needs audit.read',
  }),
  'GET /api/audit/verify': deploymentWide,
  'POST /api/files': ownOnly('an upload belongs to the uploader’s organisation', (actor) => {
    const body = multipartBody({ fileName: 'b.png', bytes: tinyPng(actor === 'adminB' ? 21 : 22) });
    return { method: 'POST', url: '/api/files', payload: body.payload, headers: body.headers };
  }),
  'GET /api/files/:id/meta': record(req('GET', `/api/files/${fileA.id}/meta`), fileRow, byA1),
  'GET /api/files/:id': record(req('GET', `/api/files/${fileA.id}`), fileRow, byA1),
  'POST /api/document-numbers': ownOnly('a 文号 is issued for the caller’s organisation', () =>
    req('POST', '/api/document-numbers', { documentType: 'penaltyDecision', year: 2026 }),
  ),
  'GET /api/deadlines': list('/api/deadlines?scope=org&status=active&pageSize=200', 'recordId', async () => [
    submitted.id,
  ]),
  'GET /api/procedures/:procedureId/records/:recordId/timeline': record(
    req('GET', `/api/procedures/test.records/records/${submitted.id}/timeline`),
    () => select.record(submitted.id),
  ),
  'POST /api/procedures/:procedureId/records/:recordId/actions/:action': {
    kind: 'record',
    build: async () => {
      const { id } = await buildTestRecord(db, tree.instituteA, { assigneeId: a1.id });
      const url = `/api/procedures/test.records/records/${id}/actions/submit`;
      return { request: req('POST', url, { note: '越权办理' }), snapshot: () => select.record(id) };
    },
  },
  'GET /api/procedures/:procedureId/settings': none('reads the caller’s own organisation’s settings'),
  'PUT /api/procedures/:procedureId/settings/:clock': ownOnly(
    'sets the caller’s own organisation’s period',
    () => req('PUT', '/api/procedures/test.records/settings/statement', { period: 10 }),
  ),
  'GET /api/notifications': list(
    '/api/notifications?pageSize=200',
    'id',
    async () => [(await buildNotification(db, a1)).id],
    byA1,
  ),
  'POST /api/notifications/:id/read': {
    kind: 'record',
    owner: 'officerA1',
    build: async () => {
      const { id } = await buildNotification(db, a1);
      return {
        request: req('POST', `/api/notifications/${id}/read`),
        snapshot: () => rows(notifications, eq(notifications.id, id)),
      };
    },
  },
  'GET /api/metrics/:id': record(
    req('GET', `/api/metrics/penalty.cases_filed?orgId=${instA}&from=2025-01-01&to=2026-12-31`),
    select.countyA,
  ),
  'GET /api/metrics/:id/records': record(
    req('GET', `/api/metrics/penalty.cases_filed/records?orgId=${instA}&from=2025-01-01&to=2026-12-31`),
    select.countyA,
  ),
  'GET /api/cases': record(req('GET', `/api/cases?orgId=${instA}`), caseRecord),
  'POST /api/cases': ownOnly('a case is registered in the caller’s own organisation', () =>
    req('POST', '/api/cases', caseInput(tree)),
  ),
  'POST /api/cases/simple': ownOnly(
    'an on-the-spot decision is registered in the caller’s own organisation',
    () => req('POST', '/api/cases/simple', simpleCaseInput(tree, today)),
  ),
  'GET /api/cases/:id': record(req('GET', `/api/cases/${caseA.id}`), caseRecord),
  'GET /api/cases/:id/discretion': record(req('GET', `/api/cases/${caseA.id}/discretion`), caseRecord),
  'PUT /api/cases/:id/discretion': record(
    req('PUT', `/api/cases/${caseA.id}/discretion`, { proposedFineYuan: 0, outOfRangeReason: '情节轻微' }),
    caseRecord,
    byA1,
  ),
  'GET /api/catalogs/violation-types': list(
    '/api/catalogs/violation-types?pageSize=200',
    'id',
    () => catalogIdsOfA(violationTypes),
    byA1,
  ),
  'GET /api/catalogs/mitigation-rules': list(
    '/api/catalogs/mitigation-rules?pageSize=200',
    'id',
    () => catalogIdsOfA(mitigationRules),
    byA1,
  ),
  'PATCH /api/catalogs/violation-types/:id': record(
    req('PATCH', `/api/catalogs/violation-types/${violationOfA!.id}`, violationEditOfA),
    () => rows(violationTypes, eq(violationTypes.id, violationOfA!.id)),
  ),
  'PATCH /api/catalogs/mitigation-rules/:id': record(
    req('PATCH', `/api/catalogs/mitigation-rules/${mitigationRuleOfA!.id}`, mitigationEditOfA),
    () => rows(mitigationRules, eq(mitigationRules.id, mitigationRuleOfA!.id)),
  ),
  'POST /api/catalogs/violation-types/import': ownOnly(
    'a catalog is adopted by the caller’s own organisation',
    () =>
      req('POST', '/api/catalogs/violation-types/import', { csv: catalogCsv('discretion_benchmarks.csv') }),
  ),
  'POST /api/catalogs/mitigation-rules/import': ownOnly(
    'a catalog is adopted by the caller’s own organisation',
    () => req('POST', '/api/catalogs/mitigation-rules/import', { csv: catalogCsv('mitigation_lists.csv') }),
  ),
  'GET /api/penalty-settings': record(req('GET', `/api/penalty-settings?orgId=${instA}`), select.countyA),
  'PUT /api/penalty-settings': ownOnly('penalty settings are set for the caller’s own organisation', () =>
    req('PUT', '/api/penalty-settings', defaultPenaltySettings),
  ),
  'POST /api/cases/:id/documents/:kind': record(
    req('POST', `/api/cases/${caseA.id}/documents/filingApproval`),
    caseRecord,
    byA1,
  ),
  'POST /api/cases/:id/evidence': record(
    { ...req('POST', `/api/cases/${caseA.id}/evidence`, evidence.payload), headers: evidence.headers },
    caseRecord,
    byA1,
  ),
  'GET /api/cases/:id/case-file.zip': record(req('GET', `/api/cases/${caseA.id}/case-file.zip`), caseRecord),
  'GET /api/cases/:id/self-check': record(req('GET', `/api/cases/${caseA.id}/self-check`), caseRecord),
  'GET /api/entities': list('/api/entities?pageSize=200', 'id', async () => [entityA!.id], byA1),
  'POST /api/entities': {
    kind: 'none',
    reason: 'an entity is registered in the caller’s own organisation',
    call: (actor) =>
      req('POST', '/api/entities', {
        uscc: usccFor(actor === 'adminB' ? 901 : 902, '330103'),
        name: '西岭县登记单位',
        category: '学校',
        areaCode: '330103',
      }),
    leaves: () => rows(entities, inCountyA(entities.orgId)),
  },
  'GET /api/entities/:id': record(req('GET', `/api/entities/${entityA!.id}`), entityRow, byA1),
  'PATCH /api/entities/:id': record(
    req('PATCH', `/api/entities/${entityA!.id}`, { name: '西岭篡改', riskLevel: 'low' }),
    entityRow,
  ),
  'POST /api/entities/imports': record(
    req('POST', '/api/entities/imports', { fileId: secondEntityFileA }),
    importJobRows,
  ),
  'GET /api/entities/imports': list('/api/entities/imports', 'id', async () => [importJobA.id]),
  'GET /api/entities/imports/:id': record(
    req('GET', `/api/entities/imports/${importJobA.id}`),
    finishedImportJobA,
  ),
  'GET /api/entities/imports/:id/rejections': record(
    req('GET', `/api/entities/imports/${importJobA.id}/rejections`),
    finishedImportJobA,
  ),
  'GET /api/inspection-items': list(
    '/api/inspection-items?pageSize=200',
    'id',
    async () =>
      (
        await db
          .select({ id: inspectionItems.id })
          .from(inspectionItems)
          .where(eq(inspectionItems.orgId, instA))
      ).map((r) => r.id),
    byA1,
  ),
  'POST /api/inspection-items/import': ownOnly(
    'an item list is adopted by the caller’s own organisation',
    () =>
      req('POST', '/api/inspection-items/import', {
        csv: readFileSync(
          new URL('../../../shared/inspections/fixtures/random_inspection_items.csv', import.meta.url),
          'utf8',
        ),
      }),
  ),
  'GET /api/casefile-reviews/rubric': none('the caller’s own organisation’s rubric'),
  'PUT /api/casefile-reviews/rubric': ownOnly('a rubric is saved for the caller’s own organisation', () =>
    req('PUT', reviewUrl('/rubric'), {
      items: [{ category: '执法程序', text: '程序合法规范', maxPoints: 100 }],
    }),
  ),
  'GET /api/casefile-reviews/rounds': list(reviewUrl('/rounds?pageSize=200'), 'id', async () => [roundA]),
  'POST /api/casefile-reviews/rounds': ownOnly('a round is opened in the caller’s own organisation', () =>
    req('POST', reviewUrl('/rounds'), newRound),
  ),
  'GET /api/casefile-reviews/rounds/:id': record(
    req('GET', reviewUrl(`/rounds/${roundA}`)),
    roundRecord(roundA),
  ),
  'POST /api/casefile-reviews/rounds/:id/close': onFreshRound('POST', '/close'),
  'GET /api/casefile-reviews/rounds/:id/files': record(
    req('GET', reviewUrl(`/rounds/${roundA}/files`)),
    roundRecord(roundA),
  ),
  'GET /api/casefile-reviews/rounds/:id/candidates': record(
    req('GET', reviewUrl(`/rounds/${roundA}/candidates`)),
    roundRecord(roundA),
  ),
  'POST /api/casefile-reviews/rounds/:id/files': onFreshRound('POST', '/files', {
    caseIds: [closedCasesA[1]!.id],
  }),
  'POST /api/casefile-reviews/rounds/:id/sample': onFreshRound('POST', '/sample', {
    size: 1,
    seed: 'access-test',
  }),
  'GET /api/casefile-reviews/files/:id': record(
    req('GET', reviewUrl(`/files/${reviewFileA!.id}`)),
    roundRecord(roundA),
  ),
  'POST /api/casefile-reviews/files/:id/remove': {
    kind: 'record',
    build: async () => {
      const id = await roundOfA();
      const [file] = await db
        .insert(casefileReviewFiles)
        .values({
          roundId: id,
          orgId: tree.countyA.id,
          caseId: closedCasesA[1]!.id,
          selection: 'manual',
          addedBy: tree.users.adminA.id,
        })
        .returning();
      return {
        request: req('POST', reviewUrl(`/files/${file!.id}/remove`)),
        snapshot: roundRecord(id),
      };
    },
  },
  'PUT /api/casefile-reviews/files/:id/score': record(
    req('PUT', reviewUrl(`/files/${reviewFileA!.id}/score`), { deductions: [], summary: '越权评分' }),
    roundRecord(roundA),
  ),
  'POST /api/notifications/read-all': ownOnly('marks the caller’s own notifications', () =>
    req('POST', '/api/notifications/read-all'),
  ),
};

const countyB: Actor[] = ['officerB1', 'adminB'];
const send = (actor: Actor, request: Request): Promise<Reply> =>
  t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: { cookie: cookies[actor], ...request.headers },
    ...(request.payload ? { payload: request.payload } : {}),
  });

function assertHidden(res: Reply, label: string) {
  assert.equal(res.statusCode, 404, `${label}: expected 404, got ${res.statusCode} ${res.body}`);
  const { error } = res.json() as { error: { code: string; message: string } };
  assert.equal(error.code, 'NOT_FOUND', label);
  assert.match(error.message, /不存在或无权访问/, label);
}

describe('access: county B gets 404 for county A’s records on every route', () => {
  test('every registered route has an access fixture, and every fixture a route', () => {
    const registered = routes.map(routeKey);
    const missing = registered.filter((key) => !fixtures[key]);
    assert.deepEqual(
      missing,
      [],
      `Routes without an access fixture — add an entry to \`fixtures\` in src/server/platform/access/access.test.ts (a county A record it addresses, or why it addresses none): ${missing.join(', ')}`,
    );
    const todo = Object.entries(fixtures).flatMap(([key, f]) =>
      f.kind === 'todo' ? [`${key} (${f.reason})`] : [],
    );
    assert.deepEqual(todo, [], `access fixtures still to write: ${todo.join('; ')}`);
    const stale = Object.keys(fixtures).filter((key) => !registered.includes(key));
    assert.deepEqual(stale, [], `fixtures for routes that no longer exist: ${stale.join(', ')}`);
  });

  for (const route of routes) {
    const key = routeKey(route);
    const fixture = fixtures[key];
    if (!fixture || fixture.kind === 'todo') continue;

    if (fixture.kind === 'record') {
      test(`${key}: 404 for county B, row unchanged; county A gets through`, async () => {
        const { request, snapshot } = await fixture.build();
        for (const actor of countyB) {
          const before = await snapshot();
          const res = await send(actor, request);
          if (actor === 'officerB1' && fixture.officerForbidden) {
            assert.equal(res.statusCode, 403, `${key} as ${actor}: ${fixture.officerForbidden}`);
          } else {
            assertHidden(res, `${key} as ${actor}`);
          }
          assert.deepEqual(await snapshot(), before, `${key} as ${actor} changed county A's record`);
        }
        const own = await send(fixture.owner ?? 'adminA', request);
        assert.ok(
          own.statusCode >= 200 && own.statusCode < 300,
          `${key}: county A's own user should succeed (the fixture must address a real record): ${own.statusCode} ${own.body}`,
        );
      });
    } else if (fixture.kind === 'list') {
      test(`${key}: county A’s records never listed for county B`, async () => {
        const hidden = await fixture.hidden();
        for (const actor of countyB) {
          const res = await send(actor, { method: 'GET', url: fixture.url });
          if (actor === 'officerB1' && fixture.officerForbidden) {
            assert.equal(res.statusCode, 403, `${key} as ${actor}: ${fixture.officerForbidden}`);
            continue;
          }
          assert.equal(res.statusCode, 200, `${key} as ${actor}: ${res.body}`);
          const leaked: string[] = fixture.idsOf(res.json()).filter((id) => hidden.includes(id));
          assert.deepEqual(leaked, [], `${key} as ${actor} lists county A's records`);
        }
        const own = await send(fixture.owner ?? 'adminA', { method: 'GET', url: fixture.url });
        assert.equal(own.statusCode, 200, own.body);
        assert.ok(
          fixture.idsOf(own.json()).some((id) => hidden.includes(id)),
          `${key}: county A's own user should see the record (fixture check)`,
        );
      });
    } else if (fixture.call && fixture.leaves) {
      const { call, leaves } = fixture;
      test(`${key}: addresses no other organisation’s record; county A’s data unchanged`, async () => {
        for (const actor of countyB) {
          const before = await leaves();
          const res = await send(actor, call(actor));
          assert.ok(res.statusCode < 500, `${key} as ${actor}: ${res.body}`);
          assert.deepEqual(await leaves(), before, `${key} as ${actor} changed county A's data`);
        }
      });
    }
  }

  test('GET /api/cases?entityId=: county A’s entity is not found for county B; county A lists its linked case', async () => {
    const request = req('GET', `/api/cases?entityId=${entityA!.id}`);
    for (const actor of countyB) assertHidden(await send(actor, request), `entityId filter as ${actor}`);
    const own = await send('adminA', request);
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(itemsField('id')(own.json()), [linkedCaseA.id]);
  });
});
