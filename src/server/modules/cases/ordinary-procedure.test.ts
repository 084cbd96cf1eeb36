import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import JSZip from 'jszip';
import {
  actOnDate,
  buildCertificate,
  buildOrgTree,
  caseInput,
  deliberationInput,
  loginTree,
} from '../../test/factories.ts';
import { penaltyCases, violationTypes } from './tables.ts';
import { importDiscretionCatalog } from './catalogs.ts';
import { defaultPenaltySettings, outOfRangeReasonLabel } from '../../../shared/cases/penalty-settings.ts';
import './procedures.ts';

// One case from 线索 to 公示 (and its withdrawal after 撤销) through every mandatory step, on 2026 dates.
const t = await createTestApp();
const password = 'Flow-Passw0rd';
const tree = await buildOrgTree(t.database.db, { password });
for (const user of [tree.users.officerA1, tree.users.officerA2, tree.users.leader]) {
  await buildCertificate(t.database.db, user, {
    validFrom: '2025-01-01',
    validUntil: '2030-12-31',
    lastReviewOn: '2025-12-01',
  });
}
const cookies = await loginTree(t.app, tree, ['officerA1', 'leader', 'adminA']);
const [a1, a2, leader] = [tree.users.officerA1, tree.users.officerA2, tree.users.leader];

const act = (userId: string, caseId: string, action: string, date: string, input?: unknown) =>
  actOnDate(t.database.db, {
    procedureId: 'penaltyCase.ordinary',
    recordId: caseId,
    userId,
    action,
    date,
    input,
  });
async function documents(caseId: string, ...kinds: string[]) {
  for (const kind of kinds) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/${kind}`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(res.statusCode, 200, `${kind}: ${res.body}`);
  }
}

async function caseToPublication(party: Record<string, unknown>): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: cookies.officerA1 },
    payload: {
      title: '无证行医案',
      source: 'complaint',
      party,
      facts: '当事人未取得医师资格擅自开展诊疗活动。',
      assigneeId: a1.id,
      officerIds: [a1.id, a2.id],
    },
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  await act(a1.id, id, 'registerLead', '2026-03-02', {
    source: 'complaint',
    receivedOn: '2026-03-02',
    summary: '群众举报',
  });
  await documents(id, 'filingApproval');
  await act(leader.id, id, 'file', '2026-03-02', { cause: '无证行医', caseOfficerIds: [a1.id, a2.id] });
  await act(a1.id, id, 'startInvestigation', '2026-03-03');
  await documents(id, 'onSiteRecord');
  await act(a1.id, id, 'recordInvestigation', '2026-03-03', {
    kind: 'onSiteInspection',
    occurredOn: '2026-03-03',
    officerIds: [a1.id, a2.id],
    summary: '现场检查，制作现场笔录',
  });
  await documents(id, 'investigationReport');
  await act(a1.id, id, 'deliberate', '2026-03-04', deliberationInput());
  await documents(id, 'caseDeliberationRecord', 'priorNotice');
  await act(a1.id, id, 'serveNotice', '2026-03-05', { servedOn: '2026-03-05', method: 'inPerson' });
  // 行政处罚法第六十二条: no decision while the 陈述申辩 period (3 working days: 03-06, 03-09, 03-10) runs.
  await documents(id, 'penaltyDecision');
  await assert.rejects(
    act(leader.id, id, 'decide', '2026-03-09', {
      decidedOn: '2026-03-09',
      penaltyKinds: ['warning', 'fine'],
      fineFen: 500_000,
    }),
    /陈述申辩/,
  );
  await act(leader.id, id, 'decide', '2026-03-11', {
    decidedOn: '2026-03-11',
    penaltyKinds: ['warning', 'fine'],
    fineFen: 500_000,
  });
  await documents(id, 'serviceReceipt');
  await act(a1.id, id, 'serve', '2026-03-12', { servedOn: '2026-03-12', method: 'inPerson' });
  await act(a1.id, id, 'beginExecution', '2026-03-12');
  await act(a1.id, id, 'publishDecision', '2026-03-16', {
    publishedOn: '2026-03-16',
    channel: '东川县人民政府门户网站',
  });
  return id;
}

test("a natural person's decision is published masked, and withdrawn when revoked", async () => {
  const id = await caseToPublication({
    kind: 'person',
    name: '赵某某',
    idNumber: '110101199003071233',
    address: '东川县城关镇',
  });
  const [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  assert.equal(row!.state, 'enforcing');
  assert.equal(row!.fineFen, 500_000);
  assert.equal(row!.decidedOn, '2026-03-11');

  const portal = await t.app.inject({ url: '/api/public/penalty-decisions' }); // no cookie: the public portal
  assert.equal(portal.statusCode, 200);
  const published = portal
    .json()
    .items.find((d: { decisionNumber: string }) => d.decisionNumber === row!.decisionNumber);
  assert.ok(published, 'the decision is on the portal');
  assert.equal(published.party.name, '赵**');
  assert.equal(published.party.idNumber, '110101********1233');
  assert.match(published.penalty, /警告.*罚款5000元/);
  assert.ok(
    !portal.body.includes('赵某某') && !portal.body.includes('110101199003071233'),
    'no full name or ID number anywhere on the portal',
  );

  await documents(id, 'revocationDecision');
  await act(leader.id, id, 'revoke', '2026-03-20', {
    ground: 'selfCorrection',
    reference: '东川卫撤〔2026〕1号',
  });
  await act(a1.id, id, 'withdrawPublication', '2026-03-20', {
    withdrawnOn: '2026-03-20',
    explanation: '原处罚决定已撤销',
  });
  const after = (await t.app.inject({ url: '/api/public/penalty-decisions' })).json();
  assert.ok(
    !after.items.some((d: { decisionNumber: string }) => d.decisionNumber === row!.decisionNumber),
    'a revoked decision is withdrawn',
  );
});

test('an organisation is published by name and 统一社会信用代码; the portal searches and pages', async () => {
  await caseToPublication({
    kind: 'organisation',
    name: '东川县某诊所有限公司',
    uscc: '91110108551385082Q',
    legalRepresentative: '钱某',
    address: '东川县新华路2号',
  });
  const found = (
    await t.app.inject({ url: `/api/public/penalty-decisions?q=${encodeURIComponent('某诊所')}&pageSize=1` })
  ).json();
  assert.equal(found.total, 1);
  assert.equal(found.items[0].party.uscc, '91110108551385082Q');
  assert.match(found.items[0].batchTitle, /行政处罚信息公开（2026-03-16）/);
});

// ---------------------------------------------------------------------------------------------------------------
// 案件合议's proposal, the flags computed from it, the records of 听证/法制审核/集体讨论 and 加处罚款.

const legal = tree.users.legal;
const company = {
  kind: 'organisation',
  name: '东川县某医院有限公司',
  uscc: '91110108551385082Q',
  legalRepresentative: '钱某',
  address: '东川县新华路8号',
};

/** Generates a 文书 and returns the text of its body (the docx XML without tags). */
async function documentText(caseId: string, kind: string): Promise<string> {
  const made = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/documents/${kind}`,
    headers: { cookie: cookies.officerA1 },
  });
  assert.equal(made.statusCode, 200, `${kind}: ${made.body}`);
  const file = await t.app.inject({
    url: `/api/files/${made.json().fileId}`,
    headers: { cookie: cookies.officerA1 },
  });
  const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

const detailOf = async (id: string) =>
  (await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie: cookies.officerA1 } })).json();

/** The engine through the API, today: what a head pressing 作出处罚决定 gets. */
const decideByApi = (id: string, input: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/procedures/penaltyCase.ordinary/records/${id}/actions/decide`,
    headers: { cookie: cookies.leader },
    payload: { input },
  });

/** A case of county A's institute, investigated and deliberated on `on` with the given proposal. */
async function deliberatedCase(on: string, proposal: Record<string, unknown>, party = company) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: cookies.officerA1 },
    payload: caseInput(tree, { title: '某医院超范围执业案', party }),
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  await act(a1.id, id, 'registerLead', on, { source: 'inspection', receivedOn: on, summary: '监督检查发现' });
  await documents(id, 'filingApproval');
  await act(leader.id, id, 'file', on, { cause: '超范围执业', caseOfficerIds: [a1.id, a2.id] });
  await act(a1.id, id, 'startInvestigation', on);
  await documents(id, 'onSiteRecord', 'investigationReport');
  await act(a1.id, id, 'recordInvestigation', on, {
    kind: 'onSiteInspection',
    occurredOn: on,
    officerIds: [a1.id, a2.id],
    summary: '现场检查',
  });
  await act(a1.id, id, 'deliberate', on, deliberationInput({ heldOn: on, ...proposal }));
  return id;
}

test('案件合议 proposes the penalty; the flags and the 合议 record follow from it', async () => {
  const small = await detailOf(await deliberatedCase('2026-04-01', { fineFen: 500_000 }));
  assert.deepEqual(
    [small.hearingOffered, small.isMajor, small.requiresCollectiveDeliberation, small.majorReasons],
    [false, false, false, []],
  );
  assert.equal(small.proposalText, '警告，罚款5000元');
  const record = small.reviews.find((r: { kind: string }) => r.kind === 'caseDeliberation');
  assert.deepEqual(record.participants, ['张明', '刘芳']);
  assert.equal(record.conclusion, '拟给予行政处罚：警告，罚款5000元');

  // 100000元 on an organisation: 较大数额 (第六十三条) and, on the default list, a 重大执法决定.
  const large = await detailOf(await deliberatedCase('2026-04-01', { fineFen: 10_000_000 }));
  assert.deepEqual(
    [large.hearingOffered, large.isMajor, large.requiresCollectiveDeliberation],
    [true, true, true],
  );
  assert.match(large.majorReasons.join(), /较大数额罚款/);

  // 第五十八条第一款第（一）项 stated at the 合议, whatever the amount.
  const publicInterest = await detailOf(
    await deliberatedCase('2026-04-01', { fineFen: 100_000, involvesMajorPublicInterest: true }),
  );
  assert.deepEqual([publicInterest.hearingOffered, publicInterest.isMajor], [false, true]);
  assert.match(publicInterest.majorReasons[0], /涉及重大公共利益（行政处罚法第五十八条第一款第（一）项）/);

  // A penalty proposal without its kinds is refused with the field named.
  await assert.rejects(
    act(a1.id, await deliberatedCaseBefore('2026-04-01'), 'deliberate', '2026-04-01', {
      ...deliberationInput(),
      penaltyKinds: undefined,
    }),
    /合议结论为给予处罚的，请选择拟处罚种类/,
  );
});

/** A case investigated but not yet deliberated. */
async function deliberatedCaseBefore(on: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: cookies.officerA1 },
    payload: caseInput(tree, { party: company, ...overrides }),
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  await act(a1.id, id, 'registerLead', on, { source: 'inspection', receivedOn: on, summary: '检查发现' });
  await documents(id, 'filingApproval');
  await act(leader.id, id, 'file', on, { cause: '超范围执业', caseOfficerIds: [a1.id, a2.id] });
  await act(a1.id, id, 'startInvestigation', on);
  await documents(id, 'onSiteRecord', 'investigationReport');
  await act(a1.id, id, 'recordInvestigation', on, {
    kind: 'onSiteInspection',
    occurredOn: on,
    officerIds: [a1.id, a2.id],
    summary: '现场检查',
  });
  return id;
}

test("the county's own criteria change the flags of its institute's cases", async () => {
  const proposal = { penaltyKinds: ['fine'], fineFen: 3_000_000 }; // 30000元 on an organisation
  const before = await detailOf(await deliberatedCase('2026-04-02', proposal));
  assert.deepEqual([before.hearingOffered, before.isMajor], [false, false]);

  const settings = {
    hearingThresholds: {
      fineFen: { person: 500_000, organisation: 2_000_000 },
      confiscationFen: { person: 500_000, organisation: 2_000_000 },
    },
    majorDecisionCriteria: [
      {
        id: 'fine20k',
        test: 'fineAtLeast',
        fen: { person: 2_000_000, organisation: 2_000_000 },
        label: '罚款二万元以上',
        citation: '东川县重大执法决定目录',
      },
    ],
  };
  const refused = await t.app.inject({
    method: 'PUT',
    url: '/api/penalty-settings',
    headers: { cookie: cookies.officerA1 },
    payload: settings,
  });
  assert.equal(refused.statusCode, 403, 'officers do not set the criteria');
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/penalty-settings',
    headers: { cookie: cookies.adminA },
    payload: settings,
  });
  assert.equal(put.statusCode, 200, put.body);
  const seen = await t.app.inject({ url: '/api/penalty-settings', headers: { cookie: cookies.officerA1 } });
  assert.equal(seen.json().source.orgId, tree.countyA.id, 'the institute inherits the county’s setting');

  const after = await detailOf(await deliberatedCase('2026-04-02', proposal));
  assert.deepEqual([after.hearingOffered, after.isMajor], [true, true]);
  assert.deepEqual(after.majorReasons, ['罚款二万元以上（东川县重大执法决定目录）']);
  // Back to the defaults for the other tests of this file.
  const reset = await t.app.inject({
    method: 'PUT',
    url: '/api/penalty-settings',
    headers: { cookie: cookies.adminA },
    payload: defaultPenaltySettings,
  });
  assert.equal(reset.statusCode, 200, reset.body);
});

test('a major case reaches 处罚决定 only through 法制审核 and 集体讨论, written into their documents', async () => {
  // 150000元 on an organisation: 听证范围 and 重大执法决定.
  const id = await deliberatedCase('2026-05-11', { penaltyKinds: ['warning', 'fine'], fineFen: 15_000_000 });
  const deliberationText = await documentText(id, 'caseDeliberationRecord');
  assert.match(deliberationText, /张明、刘芳/);
  assert.match(deliberationText, /拟给予行政处罚：警告，罚款150000元/);
  await documents(id, 'hearingRightsNotice');
  await act(a1.id, id, 'serveHearingRightsNotice', '2026-05-12', {
    servedOn: '2026-05-12',
    method: 'inPerson',
  });
  await act(a1.id, id, 'requestHearing', '2026-05-13', { requestedOn: '2026-05-13' });
  await documents(id, 'hearingNotice');
  await act(legal.id, id, 'holdHearing', '2026-05-25', {
    notifiedOn: '2026-05-13',
    hearingDate: '2026-05-25',
    presidingOfficerId: legal.id,
    isPublic: true,
    participants: ['李法审', '钱某', '代理律师周某'],
    partyArguments: '当事人称超范围项目已停止，请求从轻处罚',
    conclusion: '违法事实清楚，当事人已改正，建议维持拟处罚意见',
  });
  const heard = await detailOf(id);
  assert.match(heard.majorReasons.join(), /经过听证程序（行政处罚法第五十八条第一款第（二）项）/);
  const hearingText = await documentText(id, 'hearingRecord');
  assert.match(hearingText, /代理律师周某/);
  assert.match(hearingText, /请求从轻处罚/);

  await documents(id, 'penaltyDecision');
  const decision = { decidedOn: '2026-05-27', penaltyKinds: ['warning', 'fine'], fineFen: 15_000_000 };
  const noReview = await decideByApi(id, decision);
  assert.equal(noReview.statusCode, 422, noReview.body);
  assert.match(noReview.json().error.message, /法制审核/);

  await act(a1.id, id, 'submitForLegalReview', '2026-05-26', {});
  await act(legal.id, id, 'passLegalReview', '2026-05-27', {
    reviewedOn: '2026-05-27',
    reviewers: ['李法审', '王律师'],
    opinion: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当',
    conclusion: '同意作出处罚决定',
  });
  const reviewText = await documentText(id, 'legalReviewOpinion');
  assert.match(reviewText, /李法审、王律师/);
  assert.match(reviewText, /裁量适当/);
  assert.match(reviewText, /较大数额罚款/, 'the opinion states why the case is major');

  const noDiscussion = await decideByApi(id, decision);
  assert.equal(noDiscussion.statusCode, 422);
  assert.match(noDiscussion.json().error.message, /集体讨论/);
  await act(leader.id, id, 'submitForCollectiveDeliberation', '2026-05-28', {});
  const notRecorded = await decideByApi(id, decision);
  assert.match(notRecorded.json().error.message, /尚未记录集体讨论的参加人员、意见和决定/);
  await assert.rejects(
    act(leader.id, id, 'recordCollectiveDeliberation', '2026-05-29', {
      heldOn: '2026-05-29',
      participants: ['王建国', '副局长'],
      opinion: '同意',
      conclusion: '同意',
    }),
    /参加讨论人员至少3人/,
  );
  await act(leader.id, id, 'recordCollectiveDeliberation', '2026-05-29', {
    heldOn: '2026-05-29',
    participants: ['王建国', '赵副局长', '孙纪检组长'],
    opinion: '王建国：同意；赵副局长：同意；孙纪检组长：同意，建议加强普法',
    conclusion: '给予警告，并处罚款150000元',
  });
  const discussionText = await documentText(id, 'collectiveDeliberationRecord');
  assert.match(discussionText, /王建国、赵副局长、孙纪检组长/);
  assert.match(discussionText, /建议加强普法/);

  // 第四十五条第二款: heavier than told → refused; the told penalty → decided.
  const heavier = await decideByApi(id, { ...decision, fineFen: 16_000_000 });
  assert.equal(heavier.statusCode, 422);
  assert.match(heavier.json().error.message, /高于告知的150000元.*第四十五条第二款/);
  const added = await decideByApi(id, {
    ...decision,
    penaltyKinds: ['warning', 'fine', 'suspendProduction'],
  });
  assert.match(added.json().error.message, /增加了告知书未载明的处罚种类：责令停产停业/);
  const decided = await decideByApi(id, decision);
  assert.equal(decided.statusCode, 200, decided.body);
  const detail = await detailOf(id);
  assert.deepEqual(
    detail.reviews.map((r: { kind: string }) => r.kind),
    ['caseDeliberation', 'hearing', 'legalReview', 'collectiveDeliberation'],
  );
});

test('a record document cannot be made before its record exists', async () => {
  const id = await deliberatedCaseBefore('2026-04-03');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/documents/caseDeliberationRecord`,
    headers: { cookie: cookies.officerA1 },
  });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /依据案件合议记录制作/);
});

test('加处罚款: served 2026-09-25, due after 国庆 on 10-10 (a 调休 working day), paid 10-20', async () => {
  const walkToEnforcing = async (title: string) => {
    const id = await deliberatedCase('2026-09-01', { penaltyKinds: ['fine'], fineFen: 500_000 });
    await t.database.db.update(penaltyCases).set({ title }).where(eq(penaltyCases.id, id));
    await documents(id, 'caseDeliberationRecord', 'priorNotice');
    await act(a1.id, id, 'serveNotice', '2026-09-04', { servedOn: '2026-09-04', method: 'inPerson' });
    await documents(id, 'penaltyDecision');
    await act(leader.id, id, 'decide', '2026-09-17', {
      decidedOn: '2026-09-17',
      penaltyKinds: ['fine'],
      fineFen: 500_000,
    });
    await documents(id, 'serviceReceipt');
    await act(a1.id, id, 'serve', '2026-09-25', { servedOn: '2026-09-25', method: 'inPerson' });
    await act(a1.id, id, 'beginExecution', '2026-09-25');
    return id;
  };
  const paid = await walkToEnforcing('逾期缴纳罚款案');
  const owing = await detailOf(paid);
  // 09-25 + 15 = 10-10, a Saturday worked in lieu of 国庆 (legal-rules.md §14): no shift.
  assert.equal(owing.paymentDueDate, '2026-10-10');
  await act(a1.id, paid, 'recordPerformance', '2026-10-20', {
    performedOn: '2026-10-20',
    amountPaidFen: 650_000,
  });
  const [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, paid));
  // 10 days × 3 % × 5000元 = 1500元.
  assert.equal(row!.lateFeeFen, 150_000);
  await act(a1.id, paid, 'publishDecision', '2026-10-20', { publishedOn: '2026-10-20', channel: '门户网站' });
  const report = await documentText(paid, 'closingReport');
  assert.match(report, /罚款5,000元/);
  assert.match(report, /加处罚款1,500元/);
  assert.match(report, /实际缴纳金额6,500元/);

  // Unpaid: the detail shows the surcharge accrued to today, capped at the fine (第七十二条).
  const unpaid = await detailOf(await walkToEnforcing('未缴纳罚款案'));
  assert.equal(unpaid.lateFeeIsAccruing, true);
  assert.equal(unpaid.lateFeeYuan, 5000);
});

test('a fine outside the 裁量基准 range needs a written reason and then goes to 法制审核', async () => {
  const csv = readFileSync(
    new URL('../../../shared/cases/fixtures/discretion_benchmarks.csv', import.meta.url),
    'utf8',
  );
  await importDiscretionCatalog(t.database.db, null, tree.instituteA.id, csv);
  // 公共场所室内空气质量不符合国家标准: 一般 tier 10000–30000元.
  const [violation] = await t.database.db
    .select({ id: violationTypes.id })
    .from(violationTypes)
    .where(and(eq(violationTypes.orgId, tree.instituteA.id), eq(violationTypes.code, 'TJ-2023:1')));
  const within = await deliberatedCaseBefore('2026-04-06', { violationTypeId: violation!.id });
  await act(
    a1.id,
    within,
    'deliberate',
    '2026-04-06',
    deliberationInput({ penaltyKinds: ['fine'], fineFen: 2_000_000 }),
  );
  const inRange = await detailOf(within);
  assert.deepEqual([inRange.isMajor, inRange.majorReasons], [false, []]);

  const outside = await deliberatedCaseBefore('2026-04-06', { violationTypeId: violation!.id });
  const heavy = deliberationInput({ penaltyKinds: ['fine'], fineFen: 4_000_000 });
  await assert.rejects(
    act(a1.id, outside, 'deliberate', '2026-04-06', heavy),
    /拟罚款40000元超出裁量基准幅度（10000元至30000元），请填写超出裁量基准幅度的理由/,
  );
  await act(a1.id, outside, 'deliberate', '2026-04-06', {
    ...heavy,
    outOfRangeReason: '当事人拒不整改且造成顾客健康损害，依法从重',
  });
  const flagged = await detailOf(outside);
  assert.equal(flagged.isMajor, true);
  assert.deepEqual(flagged.majorReasons, [outOfRangeReasonLabel]);
  const [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, outside));
  assert.deepEqual(
    [row!.rangeMinFen, row!.rangeMaxFen, row!.discretionTier],
    [1_000_000, 3_000_000, 'ordinary'],
  );
});
