import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { buildCertificate, buildOrgTree, loginTree, shiftDays, usccFor } from '../../test/factories.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { procedureDeadlines } from '../../platform/procedure-engine/tables.ts';
import { entities } from '../entities/tables.ts';
import { penaltyCases } from './tables.ts';

const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password: 'Simple-Passw0rd' });
const today = chinaToday();
for (const user of [tree.users.officerA1, tree.users.officerA2]) {
  await buildCertificate(t.database.db, user, {
    validFrom: shiftDays(today, -30),
    validUntil: shiftDays(today, 900),
  });
}
const cookies = await loginTree(t.app, tree, ['officerA1', 'officerB1']);
const person = { kind: 'person', name: '孙某', idNumber: '110101199003071233', address: '东川县' };
const organisation = {
  kind: 'organisation',
  name: '某理发店',
  uscc: '91350100M000100Y43',
  legalRepresentative: '孙某',
  address: '东川县',
};
const onTheSpot = (party: object, fineFen: number, penaltyKinds = ['fine']) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases/simple',
    headers: { cookie: cookies.officerA1 },
    payload: {
      title: '某理发店未取得健康合格证明从业案',
      party,
      facts: '从业人员未取得有效健康合格证明。',
      penaltyKinds,
      fineFen,
      decidedOn: today,
      place: '东川县人民路',
      officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
    },
  });

test('行政处罚法第五十一条: 200元 for a citizen and 3000元 for an organisation, not a fen more', async () => {
  for (const [party, fen, ok] of [
    [person, 20_000, true],
    [person, 20_001, false],
    [organisation, 300_000, true],
    [organisation, 300_001, false],
  ] as const) {
    const res = await onTheSpot(party, fen);
    assert.equal(res.statusCode, ok ? 200 : 422, `${party.kind} ${fen}: ${res.body}`);
    if (!ok) assert.equal(res.json().error.fields[0].path, 'fineFen');
  }
  const refusedRows = await t.database.db
    .select()
    .from(penaltyCases)
    .where(eq(penaltyCases.fineFen, 300_001));
  assert.equal(refusedRows.length, 0, 'a refused decision writes nothing');
});

test('an on-the-spot decision gets its numbered 决定书 and starts the 15-day payment clock; the ordinary procedure cannot act on it', async () => {
  const res = await onTheSpot(person, 5_000, ['warning', 'fine']);
  assert.equal(res.statusCode, 200, res.body);
  const detail = res.json();
  assert.equal(detail.procedure, 'simple');
  assert.equal(detail.stateLabel, '已当场决定');
  assert.match(detail.documents[0].documentNumber, /^东川卫简罚〔\d{4}〕\d+号$/);
  const [payment] = await t.database.db
    .select()
    .from(procedureDeadlines)
    .where(eq(procedureDeadlines.recordId, detail.id));
  assert.equal(payment!.clock, 'payment');
  assert.equal(payment!.ruleId, 'XZCF-67');
  const crossed = await t.app.inject({
    method: 'POST',
    url: `/api/procedures/penaltyCase.ordinary/records/${detail.id}/actions/registerLead`,
    headers: { cookie: cookies.officerA1 },
    payload: {},
  });
  assert.equal(crossed.statusCode, 404);
  const foreign = await t.app.inject({
    method: 'POST',
    url: `/api/procedures/penaltyCase.simple/records/${detail.id}/actions/fileWithAgency`,
    headers: { cookie: cookies.officerB1 },
    payload: { input: { filedOn: today } },
  });
  assert.equal(foreign.statusCode, 404);
  const filed = await t.app.inject({
    method: 'POST',
    url: `/api/procedures/penaltyCase.simple/records/${detail.id}/actions/fileWithAgency`,
    headers: { cookie: cookies.officerA1 },
    payload: { input: { filedOn: today } },
  });
  assert.equal(filed.statusCode, 200, filed.body);
});

test('an on-the-spot decision on an organisation links its 检查对象名录库 entry; a natural person is never linked', async () => {
  const [entity] = await t.database.db
    .insert(entities)
    .values({
      orgId: tree.instituteA.id,
      uscc: usccFor(7001),
      name: '某理发店',
      category: '公共场所',
      areaCode: '330102',
    })
    .returning();
  const linked = await onTheSpot({ ...organisation, uscc: entity!.uscc }, 10_000);
  assert.equal(linked.statusCode, 200, linked.body);
  assert.equal(linked.json().party.entity.id, entity!.id);
  const citizen = await onTheSpot({ ...person, entityId: entity!.id }, 10_000);
  assert.equal(citizen.statusCode, 200, citizen.body);
  assert.equal(citizen.json().party.entity, null);
});
