import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../../test/test-app.ts';
import { actOnDate, buildCertificate, buildOrgTree, loginTree, shiftDays } from '../../test/factories.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../../shared/cases/mitigation.ts';
import { mitigationRules, penaltyCases, violationTypes } from './tables.ts';
import { importDiscretionCatalog, importMitigationCatalog } from './catalogs.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/cases/fixtures');
const discretionCsv = fs.readFileSync(path.join(fixtures, 'discretion_benchmarks.csv'), 'utf8');
const mitigationCsv = fs.readFileSync(path.join(fixtures, 'mitigation_lists.csv'), 'utf8');

const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password: 'Catalog-Passw0rd' });
const today = chinaToday();
for (const user of [tree.users.officerA1, tree.users.officerA2]) {
  await buildCertificate(t.database.db, user, {
    validFrom: shiftDays(today, -30),
    validUntil: shiftDays(today, 900),
  });
}
const cookies = await loginTree(t.app, tree, ['admin', 'officerA1', 'adminA', 'adminB']);
const post = (url: string, cookie: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });

test('the city imports the real 裁量基准 and 减免清单; its counties apply them, an officer cannot import', async () => {
  const refused = await post('/api/catalogs/violation-types/import', cookies.officerA1, {
    csv: discretionCsv,
  });
  assert.equal(refused.statusCode, 403);
  const discretion = await post('/api/catalogs/violation-types/import', cookies.admin, {
    csv: discretionCsv,
  });
  assert.equal(discretion.statusCode, 200, discretion.body);
  assert.equal(discretion.json().imported, 3);
  const mitigation = await post('/api/catalogs/mitigation-rules/import', cookies.admin, {
    csv: mitigationCsv,
  });
  assert.equal(mitigation.statusCode, 200, mitigation.body);
  assert.equal(mitigation.json().imported, 16);
  const again = await post('/api/catalogs/violation-types/import', cookies.admin, { csv: discretionCsv });
  assert.equal(again.json().imported, 3, 're-importing updates rather than duplicating');

  const list = (
    await t.app.inject({ url: '/api/catalogs/violation-types', headers: { cookie: cookies.officerA1 } })
  ).json();
  assert.equal(list.total, 3);
  const unlicensed = list.items.find((v: { title: string }) => v.title.includes('未取得医疗机构执业许可证'));
  assert.ok(unlicensed.tiers.some((tier: { label: string }) => tier.label === '减轻处罚'));
  const bad = await post('/api/catalogs/violation-types/import', cookies.admin, { csv: 'a,b\n1,2\n' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'csv');
});

test('a case gets its tier and range proposed, a fine outside it is flagged, and the mitigation list is consulted', async () => {
  const violation = (
    await t.app.inject({
      url: `/api/catalogs/violation-types?q=${encodeURIComponent('未取得医疗机构执业许可证')}`,
      headers: { cookie: cookies.officerA1 },
    })
  ).json().items[0];
  const input = {
    title: '某诊所未取得医疗机构执业许可证擅自执业案',
    source: 'inspection',
    party: {
      kind: 'organisation',
      name: '某诊所',
      uscc: '91350100M000100Y43',
      legalRepresentative: '王某',
      address: '东川县',
    },
    violationTypeId: violation.id,
    assigneeId: tree.users.officerA1.id,
    officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
  };
  const created = await post('/api/cases', cookies.officerA1, input);
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id;
  const advice = await t.app.inject({
    url: `/api/cases/${id}/discretion?illegalIncomeYuan=5000&proposedFineYuan=200000`,
    headers: { cookie: cookies.officerA1 },
  });
  assert.equal(advice.statusCode, 200, advice.body);
  const body = advice.json();
  // The 广西 benchmark row for this act lists no 一般 tier (the source is cut off), so there is no range to stay in.
  assert.equal(body.proposal.tier, 'ordinary');
  assert.match(body.proposal.reasons.join(''), /未列出“一般”阶次/);
  assert.deepEqual(body.check, { within: false, needsReason: true, flagForLegalReview: true });
  const firstOffence = (
    await t.app.inject({
      url: `/api/cases/${id}/discretion?isFirstOffence=true&correctedInTime=true&harm=minor`,
      headers: { cookie: cookies.officerA1 },
    })
  ).json();
  const statuses = Object.fromEntries(
    firstOffence.mitigations.map((m: { code: string; status: string }) => [m.code, m.status]),
  );
  assert.equal(statuses['XZCF-33-2'], 'met', '首违不罚: first offence, minor harm, corrected');

  const foreign = await t.app.inject({
    url: `/api/cases/${id}/discretion`,
    headers: { cookie: cookies.adminB },
  });
  assert.equal(foreign.statusCode, 404);
  const notOurs = await post('/api/cases', cookies.officerA1, {
    ...input,
    violationTypeId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(notOurs.statusCode, 400);
  assert.equal(notOurs.json().error.fields[0].path, 'violationTypeId');
});

test('a case adopts the advice; a fine outside the range needs a reason and 法制审核; 首违不罚 records the waiver', async () => {
  const violation = (
    await t.app.inject({
      url: `/api/catalogs/violation-types?q=${encodeURIComponent('室内空气质量')}`,
      headers: { cookie: cookies.officerA1 },
    })
  ).json().items[0];
  const created = await post('/api/cases', cookies.officerA1, {
    title: '某浴室室内空气质量不符合标准案',
    source: 'inspection',
    party: {
      kind: 'organisation',
      name: '某浴室',
      uscc: '91350100M000100Y43',
      legalRepresentative: '李某',
      address: '东川县',
    },
    violationTypeId: violation.id,
    assigneeId: tree.users.officerA1.id,
    officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id;
  const adopt = (payload: object, cookie = cookies.officerA1) =>
    t.app.inject({ method: 'PUT', url: `/api/cases/${id}/discretion`, headers: { cookie }, payload });

  // 一般 tier: 10,000–30,000 元. 50,000 is outside: refused without a reason, then flagged for 法制审核.
  const noReason = await adopt({ proposedFineYuan: 50_000 });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.fields[0].path, 'outOfRangeReason');
  const outside = await adopt({ proposedFineYuan: 50_000, outOfRangeReason: '拒不整改且造成多人不适' });
  assert.equal(outside.statusCode, 200, outside.body);
  assert.equal(outside.json().tier, 'ordinary');
  assert.deepEqual([outside.json().minYuan, outside.json().maxYuan], [10_000, 30_000]);
  let [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  assert.equal(row!.isMajor, true, 'a fine outside the benchmark goes to 法制审核');
  assert.match(row!.majorReasons.join(''), /超出裁量基准幅度/);

  const unmet = await adopt({ isFirstOffence: false, mitigationRuleCode: 'XZCF-33-2' });
  assert.equal(unmet.statusCode, 400);
  assert.equal(unmet.json().error.fields[0].path, 'mitigationRuleCode');
  assert.equal((await adopt({ proposedFineYuan: 0 }, cookies.adminB)).statusCode, 404);

  // 首违不罚: no penalty; the waiver is the 一般 tier's lower bound, recorded when the case is declined.
  const firstOffence = await adopt({
    isFirstOffence: true,
    correctedInTime: true,
    harm: 'minor',
    mitigationRuleCode: 'XZCF-33-2',
  });
  assert.equal(firstOffence.statusCode, 200, firstOffence.body);
  assert.equal(firstOffence.json().tier, 'none');
  assert.equal(firstOffence.json().waiverBaselineYuan, 10_000);
  [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  assert.equal(row!.isMajor, false, 'within the benchmark again: the out-of-range ground is gone');

  // Skip the investigation (walked in ordinary-procedure.test.ts): the case stands deliberated.
  await t.database.db.update(penaltyCases).set({ state: 'deliberated' }).where(eq(penaltyCases.id, id));
  for (const kind of ['noPenaltyApproval', 'noPenaltyDecision']) {
    const doc = await post(`/api/cases/${id}/documents/${kind}`, cookies.officerA1, {});
    assert.equal(doc.statusCode, 200, doc.body);
  }
  await actOnDate(t.database.db, {
    procedureId: 'penaltyCase.ordinary',
    recordId: id,
    userId: tree.users.leader.id,
    action: 'declinePenalty',
    date: today,
    input: { ground: 'firstViolation', educationMeasure: '当场批评教育并发放宣传资料' },
  });
  [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
  assert.equal(row!.waivedFen, 1_000_000);
  assert.equal(row!.mitigationRuleCode, 'XZCF-33-2');
  for (const [metric, value] of [
    ['penalty.mitigated_cases', 1],
    ['penalty.mitigated_yuan', 10_000],
  ] as const) {
    const answer = await t.app.inject({
      url: `/api/metrics/${metric}?orgId=${tree.countyA.id}&from=${today}&to=${today}`,
      headers: { cookie: cookies.admin },
    });
    assert.equal(answer.json().value, value, metric);
  }
  const late = await adopt({ proposedFineYuan: 0 });
  assert.equal(late.statusCode, 409, 'no discretion changes after the decision');
});

test('a benchmark saved from Excel (.xlsx) imports like its CSV; a file that is no workbook is refused', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('裁量基准');
  for (const record of parseCsv(discretionCsv).records) sheet.addRow(record.fields);
  const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  const imported = await post('/api/catalogs/violation-types/import', cookies.admin, { xlsxBase64 });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal(imported.json().imported, 3);

  const notWorkbook = await post('/api/catalogs/violation-types/import', cookies.admin, {
    xlsxBase64: Buffer.from('这不是 Excel 文件').toString('base64'),
  });
  assert.equal(notWorkbook.statusCode, 400);
  assert.equal(notWorkbook.json().error.fields[0].path, 'xlsxBase64');
  const both = await post('/api/catalogs/violation-types/import', cookies.admin, {
    csv: discretionCsv,
    xlsxBase64,
  });
  assert.equal(both.statusCode, 400);
});

test('an edited 裁量标准 changes the advice; an unreadable one is refused; a deactivated 减免 rule is no longer offered', async () => {
  const patch = (url: string, cookie: string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: payload as object });
  const violation = (
    await t.app.inject({
      url: `/api/catalogs/violation-types?q=${encodeURIComponent('室内空气质量')}`,
      headers: { cookie: cookies.admin },
    })
  ).json().items[0];
  const created = await post('/api/cases', cookies.officerA1, {
    title: '某浴场室内空气质量不符合标准案',
    source: 'inspection',
    party: {
      kind: 'organisation',
      name: '某浴场',
      uscc: '91350100M000100Y43',
      legalRepresentative: '赵某',
      address: '东川县',
    },
    violationTypeId: violation.id,
    assigneeId: tree.users.officerA1.id,
    officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
  });
  assert.equal(created.statusCode, 200, created.body);
  const advise = async (query = '') =>
    (
      await t.app.inject({
        url: `/api/cases/${created.json().id}/discretion${query}`,
        headers: { cookie: cookies.officerA1 },
      })
    ).json();
  const before = await advise();
  assert.deepEqual([before.proposal.minYuan, before.proposal.maxYuan], [10_000, 30_000]);

  const tiers = violation.tiers.map((tier: { tier: string; standard: string }) =>
    tier.tier === 'ordinary' ? { ...tier, standard: '处2万元以上4万元以下罚款' } : tier,
  );
  const body = {
    title: violation.title,
    legalBasis: violation.legalBasis,
    penaltyBasis: violation.penaltyBasis,
    tiers,
  };
  const url = `/api/catalogs/violation-types/${violation.id}`;
  assert.equal((await patch(url, cookies.adminB, body)).statusCode, 404, 'county B cannot edit the city’s');
  const edited = await patch(url, cookies.admin, body);
  assert.equal(edited.statusCode, 200, edited.body);
  const after = await advise();
  assert.deepEqual([after.proposal.minYuan, after.proposal.maxYuan], [20_000, 40_000]);

  const ordinary = tiers.findIndex((tier: { tier: string }) => tier.tier === 'ordinary');
  const unreadable = await patch(url, cookies.admin, {
    ...body,
    tiers: tiers.map((tier: object, index: number) =>
      index === ordinary ? { ...tier, standard: '视情节酌情处罚' } : tier,
    ),
  });
  assert.equal(unreadable.statusCode, 400);
  assert.deepEqual(
    unreadable.json().error.fields.map((f: { path: string }) => f.path),
    [`tiers.${ordinary}.standard`],
  );
  assert.match(unreadable.json().error.message, /无法识别罚款幅度/);
  const noPenalty = await patch(url, cookies.admin, {
    ...body,
    tiers: [...tiers, { tier: 'none', label: '不予处罚', circumstances: '首次违法并及时改正', standard: '' }],
  });
  assert.equal(noPenalty.statusCode, 200, 'a no-penalty tier needs no fine');

  // 减免清单: a local rule edited to name this act is offered for the case; deactivated, it is offered no more.
  const circumstances = '?isFirstOffence=true&correctedInTime=true&harm=minor';
  // (a 征求意见稿 rule is never offered, so one in force is taken)
  const [local] = (
    await t.database.db.select().from(mitigationRules).where(eq(mitigationRules.orgId, tree.city.id))
  ).filter((r) => !(r.definition as { isDraft: boolean }).isDraft);
  assert.ok(local);
  const ruleUrl = `/api/catalogs/mitigation-rules/${local.id}`;
  const ruleBody = {
    matter: violation.title,
    basis: local.basis,
    conditions: ['初次违法', '危害后果轻微', '及时改正'],
    isActive: true,
  };
  const renamed = await patch(ruleUrl, cookies.admin, ruleBody);
  assert.equal(renamed.statusCode, 200, renamed.body);
  const offered = (await advise(circumstances)).mitigations.map((m: { code: string }) => m.code);
  assert.ok(offered.includes(local.code), `the edited rule is offered: ${offered.join(', ')}`);
  assert.equal((await patch(ruleUrl, cookies.adminB, { ...ruleBody, isActive: false })).statusCode, 404);
  const deactivated = await patch(ruleUrl, cookies.admin, { ...ruleBody, isActive: false });
  assert.equal(deactivated.statusCode, 200, deactivated.body);
  assert.equal(deactivated.json().isActive, false);
  const offeredNow = (await advise(circumstances)).mitigations.map((m: { code: string }) => m.code);
  assert.ok(!offeredNow.includes(local.code), 'a deactivated rule is not offered');
  const listed = await t.app.inject({
    url: '/api/catalogs/mitigation-rules?pageSize=200&includeInactive=true',
    headers: { cookie: cookies.admin },
  });
  assert.ok(listed.json().items.some((r: { id: string }) => r.id === local.id));
});

test('only the adopting organisation edits its catalog: an officer without the permission gets 403, county B 404', async () => {
  await importDiscretionCatalog(t.database.db, null, tree.instituteA.id, discretionCsv);
  await importMitigationCatalog(t.database.db, null, tree.instituteA.id, mitigationCsv);
  const [violation] = await t.database.db
    .select()
    .from(violationTypes)
    .where(eq(violationTypes.orgId, tree.instituteA.id))
    .limit(1);
  const [rule] = await t.database.db
    .select()
    .from(mitigationRules)
    .where(eq(mitigationRules.orgId, tree.instituteA.id))
    .limit(1);
  const edits = [
    [
      `/api/catalogs/violation-types/${violation!.id}`,
      {
        title: '改过的违法行为',
        legalBasis: violation!.legalBasis,
        penaltyBasis: violation!.penaltyBasis,
        tiers: [
          { tier: 'ordinary', label: '一般', circumstances: '', standard: '处1000元以上5000元以下罚款' },
        ],
      },
    ],
    [
      `/api/catalogs/mitigation-rules/${rule!.id}`,
      { matter: '改过的事项', basis: rule!.basis, conditions: ['初次违法'], isActive: true },
    ],
  ] as const;
  for (const [url, payload] of edits) {
    const send = (cookie: string) =>
      t.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: payload as object });
    assert.equal((await send(cookies.officerA1)).statusCode, 403, `${url}: officer without catalogs.manage`);
    assert.equal((await send(cookies.adminB)).statusCode, 404, `${url}: county B`);
    const own = await send(cookies.adminA);
    assert.equal(own.statusCode, 200, own.body);
  }
  const [edited] = await t.database.db
    .select()
    .from(violationTypes)
    .where(eq(violationTypes.id, violation!.id));
  assert.equal(edited!.title, '改过的违法行为');
  assert.equal(
    (edited!.tiers as { tiers: { fine?: { maxFen?: number } }[] }).tiers[0]!.fine?.maxFen,
    500_000,
  );
});
