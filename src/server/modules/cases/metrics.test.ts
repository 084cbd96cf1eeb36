import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree, loginTree } from '../../test/factories.ts';
import { procedureSteps } from '../../platform/procedure-engine/tables.ts';
import { mitigationRules, parties, penaltyCases, publicationBatches, publications } from './tables.ts';
import { metricCatalog } from '../../../shared/metrics/catalog.ts';
import { registeredMetricIds } from '../../platform/metrics/registry.ts';
import './metrics.ts';

// Records written directly, with hand-picked dates and amounts, so each figure below is known in advance.
const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password: 'Metric-Passw0rd' });
const cookies = await loginTree(t.app, tree, ['admin', 'adminA', 'officerB1']);
const db = t.database.db;
const [orgA, orgB] = [tree.instituteA.id, tree.instituteB.id];

const [party] = await db
  .insert(parties)
  .values({ orgId: orgA, kind: 'organisation', name: '某诊所', uscc: '91350100M000100Y43' })
  .returning();
const [rule] = await db
  .insert(mitigationRules)
  .values({
    orgId: orgA,
    code: 'XZCF-33-1',
    listKind: 'firstOffenceNotPenalised',
    matter: '首违不罚',
    basis: '行政处罚法第三十三条',
    conditions: [],
    source: 'statute',
  })
  .returning();
const base = { procedure: 'ordinary', title: '案', source: 'inspection', partyId: party!.id };
const rows = await db
  .insert(penaltyCases)
  .values([
    // county A, 2025: filed and closed with a decision (fine 5000, confiscation 1200.50)
    {
      ...base,
      orgId: orgA,
      state: 'closed',
      title: 'A1',
      filedOn: '2025-03-01',
      closedOn: '2025-06-30',
      decisionNumber: 'A罚1',
      fineFen: 500_000,
      confiscationFen: 120_050,
    },
    // county A, 2025: filed, closed under the mitigation list (no decision, 3000 waived)
    {
      ...base,
      orgId: orgA,
      state: 'closed',
      title: 'A2',
      filedOn: '2025-12-31',
      closedOn: '2025-12-31',
      mitigationRuleId: rule!.id,
      mitigationRuleCode: 'XZCF-33-2',
      waivedFen: 300_000,
    },
    // county A, filed in 2025 but closed in 2026: counts as filed in 2025, closed in 2026
    {
      ...base,
      orgId: orgA,
      state: 'closed',
      title: 'A3',
      filedOn: '2025-11-01',
      closedOn: '2026-01-01',
      decisionNumber: 'A罚2',
      fineFen: 100_000,
    },
    // county B, 2025
    {
      ...base,
      orgId: orgB,
      state: 'closed',
      title: 'B1',
      filedOn: '2025-05-05',
      closedOn: '2025-08-08',
      decisionNumber: 'B罚1',
      fineFen: 2_000_000,
    },
    // county B, still open
    { ...base, orgId: orgB, state: 'investigating', title: 'B2', filedOn: '2025-09-09' },
  ])
  .returning();
const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
const [batch] = await db
  .insert(publicationBatches)
  .values({ orgId: orgA, title: 'A批1', publishedOn: '2025-07-01' })
  .returning();
await db
  .insert(publications)
  .values([
    { caseId: byTitle.A1!.id, batchId: batch!.id, orgId: orgA, content: {}, publishedOn: '2025-07-01' },
  ]);
const step = (recordId: string, orgId: string, action: string, at: string) => ({
  procedureId: 'penaltyCase.ordinary',
  recordId,
  orgId,
  action,
  toState: 'x',
  actorName: 't',
  at: new Date(at),
});
await db.insert(procedureSteps).values([
  step(byTitle.A1!.id, orgA, 'passLegalReview', '2025-06-01T02:00:00Z'),
  step(byTitle.B1!.id, orgB, 'passLegalReview', '2025-07-01T02:00:00Z'),
  step(byTitle.B1!.id, orgB, 'holdHearing', '2025-06-20T02:00:00Z'),
  // 2025-12-31 20:00 UTC is already 2026-01-01 in China: not a 2025 review.
  step(byTitle.A3!.id, orgA, 'passLegalReview', '2025-12-31T20:00:00Z'),
]);

async function value(id: string, cookie: string, orgId: string, from = '2025-01-01', to = '2025-12-31') {
  const res = await t.app.inject({
    url: `/api/metrics/${id}?orgId=${orgId}&from=${from}&to=${to}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().value as number;
}

test('each penalty metric of metrics.md is registered', () => {
  for (const id of Object.keys(metricCatalog)) assert.ok(registeredMetricIds().includes(id as never), id);
});

test('2025 figures for the city (both counties) and for county A alone', async () => {
  const city = tree.city.id;
  const expected: Record<string, [number, number]> = {
    // [city, county A's institute]
    'penalty.cases_filed': [5, 3],
    'penalty.cases_closed': [2, 1],
    'penalty.fines_yuan': [25_000, 5_000],
    'penalty.confiscations_yuan': [1_200.5, 1_200.5],
    'penalty.penalties_yuan': [26_200.5, 6_200.5],
    'penalty.mitigated_cases': [1, 1],
    'penalty.mitigated_yuan': [3_000, 3_000],
    'penalty.published_cases': [1, 1],
    'penalty.published_batches': [1, 1],
    'penalty.major_reviews': [2, 1],
    'penalty.hearings': [1, 0],
  };
  for (const [id, [cityValue, countyValue]] of Object.entries(expected)) {
    assert.equal(await value(id, cookies.admin, city), cityValue, `${id} (city)`);
    assert.equal(await value(id, cookies.admin, orgA), countyValue, `${id} (county A)`);
  }
  assert.equal(await value('penalty.cases_closed', cookies.admin, city, '2026-01-01', '2026-12-31'), 1);
  assert.equal(await value('penalty.major_reviews', cookies.admin, city, '2026-01-01', '2026-01-31'), 1);
});

test('a figure lists the records behind it; other counties and bad periods are refused', async () => {
  const res = await t.app.inject({
    url: `/api/metrics/penalty.fines_yuan/records?orgId=${tree.city.id}&from=2025-01-01&to=2025-12-31`,
    headers: { cookie: cookies.admin },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res
      .json()
      .items.map((r: { title: string; value: number }) => [r.title, r.value])
      .sort(),
    [
      ['A1', 5000],
      ['B1', 20000],
    ],
  );
  assert.equal(
    (
      await t.app.inject({
        url: `/api/metrics/penalty.fines_yuan?orgId=${orgA}&from=2025-01-01&to=2025-12-31`,
        headers: { cookie: cookies.officerB1 },
      })
    ).statusCode,
    404,
  );
  const reversed = await t.app.inject({
    url: `/api/metrics/penalty.fines_yuan?from=2025-12-31&to=2025-01-01`,
    headers: { cookie: cookies.admin },
  });
  assert.equal(reversed.statusCode, 400);
  assert.equal(
    (
      await t.app.inject({
        url: `/api/metrics/no.such?from=2025-01-01&to=2025-12-31`,
        headers: { cookie: cookies.admin },
      })
    ).statusCode,
    404,
  );
});
