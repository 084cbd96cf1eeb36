import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../../test/test-app.ts';
import { buildCertificate, buildOrgTree, loginTree, shiftDays } from '../../test/factories.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';

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
const cookies = await loginTree(t.app, tree, ['admin', 'officerA1', 'adminB']);
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
