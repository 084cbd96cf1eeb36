import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { actOnDate, buildCertificate, buildOrgTree, loginTree } from '../../test/factories.ts';
import { penaltyCases } from './tables.ts';
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
const cookies = await loginTree(t.app, tree, ['officerA1']);
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
  await documents(id, 'investigationReport', 'caseDeliberationRecord');
  await act(a1.id, id, 'deliberate', '2026-03-04', {
    conclusion: 'penalty',
    proposedPenalty: '警告并罚款5000元',
  });
  await documents(id, 'priorNotice');
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
