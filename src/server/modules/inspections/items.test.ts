import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree, loginTree } from '../../test/factories.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password });
const other = await buildOrgTree(t.database.db, { password });
const cookies = await loginTree(t.app, tree, ['admin', 'officerA1', 'adminB']);
const { officerA1: otherOfficer } = await loginTree(t.app, other, ['officerA1']);
const csv = readFileSync(
  new URL('../../../shared/inspections/fixtures/random_inspection_items.csv', import.meta.url),
  'utf8',
);

type ItemPage = { total: number; items: Array<{ code: string; entityCategories: string[] }> };
const list = async (cookie: string, query = '') => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/inspection-items?pageSize=200${query}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as ItemPage;
};

test('the city adopts the list; its counties read it; another city does not; re-import updates', async () => {
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/inspection-items/import',
    headers: { cookie: cookies.admin },
    payload: { csv },
  });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal(imported.json().imported, 10);
  assert.equal((await list(cookies.officerA1)).total, 10);
  assert.equal((await list(otherOfficer)).total, 0);
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/inspection-items/import',
    headers: { cookie: cookies.admin },
    payload: { csv },
  });
  assert.equal(again.statusCode, 200);
  assert.equal((await list(cookies.officerA1)).total, 10);
  const officerImport = await t.app.inject({
    method: 'POST',
    url: '/api/inspection-items/import',
    headers: { cookie: cookies.officerA1 },
    payload: { csv },
  });
  assert.equal(officerImport.statusCode, 403);
});

test('search on the item and its content; filter by the directory category', async () => {
  const drinkingWater = await list(cookies.adminB, `&q=${encodeURIComponent('饮用水')}`);
  assert.deepEqual(drinkingWater.items.map((i) => i.code).sort(), [
    'CITY-WJ-163-2',
    'HONGSHAN-2020-2',
    'XJBT-2025-1',
    'XJBT-2025-3',
  ]);
  const schools = await list(cookies.adminB, `&category=${encodeURIComponent('学校')}`);
  assert.deepEqual(schools.items.map((i) => i.code).sort(), ['CZ-JOINT-2025-2', 'XJBT-2025-1']);
});
