import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { createTestApp } from '../test/test-app.ts';
import {
  buildOrgTree,
  installTestProcedure,
  isChinese,
  listRoutes,
  loginTree,
  multipartBody,
  routeKey,
  tinyPng,
  usccFor,
  type RouteInfo,
} from '../test/factories.ts';
import { publicRoutes } from '../app.ts';
import { readFileSync } from 'node:fs';

// Bad input sent to every registered route, generated from each route's own zod schemas: a route added
// tomorrow is covered without touching this file.
const password = 'Secret-pass-2026';
const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password });
await installTestProcedure(t.database.db);
const { admin } = await loginTree(t.app, tree, ['admin']);
const routes = await listRoutes({ db: t.database.db, dbKind: t.database.kind, config: t.config });

type Shape = Record<string, z.ZodType>;
type Reply = { statusCode: number; body: string; json: () => unknown };

const shapeOf = (schema: unknown): Shape | null =>
  schema && typeof schema === 'object' && 'shape' in schema
    ? ((schema as { shape: Shape }).shape ?? null)
    : null;
const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** The paths zod itself reports for `value`, in the envelope's spelling ('days.0.date', '(整体)' for the root). */
function zodPaths(schema: unknown, value: unknown): string[] | null {
  const result = (schema as z.ZodType).safeParse(value);
  if (result.success) return null;
  return [...new Set(result.error.issues.map((i) => i.path.join('.') || '(整体)'))].sort();
}

/** A value each path parameter's schema accepts, so the other parts of the request are what gets tested. */
function validParams(route: RouteInfo): Record<string, string> {
  const shape = shapeOf(route.schema?.params) ?? {};
  const candidates = [crypto.randomUUID(), '2026', 'officer', 'test.records', 'submit'];
  return Object.fromEntries(
    paramNames(route.url).map((name) => [
      name,
      candidates.find((c) => !shape[name] || shape[name].safeParse(c).success) ?? 'x',
    ]),
  );
}

function urlOf(route: RouteInfo, params: Record<string, string>, query = ''): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!)) + query;
}

/** The envelope every error must have: only `error`, a code, a Chinese message, no stack, and fields on VALIDATION. */
function assertEnvelope(
  res: Reply,
  label: string,
): { code: string; message: string; fields?: { path: string; message: string }[] } {
  assert.ok(
    res.statusCode >= 400 && res.statusCode < 500,
    `${label}: expected 4xx, got ${res.statusCode} ${res.body}`,
  );
  const body = res.json() as {
    error: { code: string; message: string; fields?: { path: string; message: string }[] };
  };
  assert.deepEqual(Object.keys(body), ['error'], label);
  assert.equal(typeof body.error.code, 'string', label);
  assert.ok(isChinese(body.error.message), `${label}: message not Chinese: ${body.error.message}`);
  assert.doesNotMatch(res.body, /\bat .+\.(ts|js):\d+|"stack"/, `${label}: leaks a stack trace`);
  if (body.error.code === 'VALIDATION') {
    assert.equal(res.statusCode, 400, label);
    assert.ok(body.error.fields && body.error.fields.length > 0, `${label}: VALIDATION without fields`);
    for (const f of body.error.fields) {
      assert.ok(f.path.length > 0, `${label}: empty field path`);
      assert.ok(isChinese(f.message), `${label}: field message not Chinese: ${f.message}`);
    }
  }
  return body.error;
}

function assertNamesFields(res: Reply, label: string, expected: string[]) {
  const error = assertEnvelope(res, label);
  assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
  assert.equal(error.code, 'VALIDATION', label);
  assert.deepEqual([...new Set(error.fields!.map((f) => f.path))].sort(), expected, label);
}

const send = (
  method: string,
  url: string,
  options: { cookie?: string; payload?: string | object; contentType?: string } = {},
) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
    },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });

describe('errors on every route', () => {
  test('the route list is the app’s, and every route declares its input and response schemas', () => {
    assert.ok(routes.length >= 30, `found ${routes.length} routes`);
    for (const route of routes) {
      const key = routeKey(route);
      assert.ok(t.app.hasRoute({ method: route.method as 'GET', url: route.url }), `${key} is registered`);
      if (key === 'GET /api/openapi.json') continue;
      assert.ok(route.schema?.response, `${key} declares its responses`);
      const params = shapeOf(route.schema?.params);
      for (const name of paramNames(route.url))
        assert.ok(params?.[name], `${key}: path parameter ${name} has a zod schema`);
    }
  });

  test('without a session every route but health, login, logout, the OpenAPI document and the public portal is 401, before validation', async () => {
    assert.deepEqual([...publicRoutes].sort(), [
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/public/penalty-decisions',
      'POST /api/auth/login',
      'POST /api/auth/logout',
    ]);
    for (const route of routes) {
      const key = routeKey(route);
      if (publicRoutes.has(key)) continue;
      // Malformed parameters and no body: a stranger learns nothing about the input a route expects.
      const url = route.url.replace(/:(\w+)/g, 'not-valid');
      const res = await send(
        route.method,
        url,
        route.method === 'GET' ? {} : { payload: '{"broken":', contentType: 'application/json' },
      );
      assert.equal(res.statusCode, 401, `${key}: ${res.body}`);
      assert.deepEqual(res.json(), { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, key);
    }
  });

  test('malformed path parameters are 400 naming the parameter (or 404 where any text is a valid name)', async () => {
    for (const route of routes.filter((r) => paramNames(r.url).length > 0)) {
      for (const name of paramNames(route.url)) {
        const params = { ...validParams(route), [name]: 'not-a-valid-value' };
        const label = `${routeKey(route)} :${name}`;
        const res = await send(route.method, urlOf(route, params), {
          cookie: admin,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const expected = zodPaths(route.schema!.params, params);
        if (expected) assertNamesFields(res, label, expected);
        else assertEnvelope(res, label);
      }
    }
  });

  test('bodies with missing fields, wrong types, the wrong shape, plain text, malformed JSON or an unknown media type are refused', async () => {
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const key = routeKey(route);
      const url = urlOf(route, validParams(route));
      const body = route.schema?.body;
      const shape = shapeOf(body);
      if (body) {
        const wrongTypes = Object.fromEntries(Object.keys(shape ?? {}).map((k) => [k, { wrong: [] }]));
        for (const [label, payload] of [
          ['{}', {}],
          ['wrong types', wrongTypes],
          ['array', [1, 2]],
        ] as const) {
          const expected = zodPaths(body, payload);
          if (!expected) continue;
          const res = await send(route.method, url, {
            cookie: admin,
            payload: JSON.stringify(payload),
            contentType: 'application/json',
          });
          assertNamesFields(res, `${key} ${label}`, expected);
        }
        const xml = await send(route.method, url, {
          cookie: admin,
          payload: '<name>x</name>',
          contentType: 'application/xml',
        });
        assert.equal(assertEnvelope(xml, `${key} xml`).code, 'UNSUPPORTED_MEDIA_TYPE');
        assert.equal(xml.statusCode, 415);
        const text = await send(route.method, url, {
          cookie: admin,
          payload: 'name=x',
          contentType: 'text/plain',
        });
        assertNamesFields(text, `${key} text/plain`, ['(整体)']);
      }
      const malformed = await send(route.method, url, {
        cookie: admin,
        payload: '{"name": "x",',
        contentType: 'application/json',
      });
      assertNamesFields(malformed, `${key} malformed JSON`, ['(整体)']);
      assert.match((malformed.json() as { error: { message: string } }).error.message, /JSON/);
    }
  });

  test('query strings with wrong values or missing required keys are 400 naming the keys', async () => {
    for (const route of routes.filter((r) => shapeOf(r.schema?.querystring))) {
      const key = routeKey(route);
      const url = urlOf(route, validParams(route));
      const shape = shapeOf(route.schema!.querystring)!;
      const garbage = Object.fromEntries(Object.keys(shape).map((k) => [k, 'not-valid-x']));
      const cases: Array<[string, Record<string, string>]> = [
        ['garbage', garbage],
        ['empty', {}],
      ];
      for (const k of Object.keys(shape))
        cases.push([`${k}=-1`, { [k]: '-1' }], [`${k}=${'9'.repeat(30)}`, { [k]: '9'.repeat(30) }]);
      for (const [label, query] of cases) {
        const res = await send('GET', `${url}?${new URLSearchParams(query)}`, { cookie: admin });
        const expected = zodPaths(route.schema!.querystring, query);
        if (expected) assertNamesFields(res, `${key} ${label}`, expected);
        else assert.notEqual(res.statusCode, 500, `${key} ${label}: ${res.body}`);
      }
    }
  });

  test('案卷评查: refusals the schemas cannot see still name the field in Chinese', async () => {
    const url = (suffix: string) => `/api/casefile-reviews${suffix}`;
    const rubric = await send('PUT', url('/rubric'), {
      cookie: admin,
      payload: { items: [{ category: '执法程序', text: '程序合法规范', maxPoints: 95 }] },
    });
    assertNamesFields(rubric, 'rubric not totalling 100', ['items']);
    const round = { year: 2025, name: '2025年度案卷评查', periodFrom: '2025-01-01', periodTo: '2025-12-31' };
    const reversed = await send('POST', url('/rounds'), {
      cookie: admin,
      payload: { ...round, periodFrom: '2025-12-31', periodTo: '2025-01-01' },
    });
    assertNamesFields(reversed, 'reversed period', ['periodTo']);
    const created = await send('POST', url('/rounds'), { cookie: admin, payload: round });
    assert.equal(created.statusCode, 200, created.body);
    const { id } = created.json() as { id: string };
    const sample = await send('POST', url(`/rounds/${id}/sample`), {
      cookie: admin,
      payload: { size: 5, seed: 'no-files' },
    });
    assertNamesFields(sample, 'sample of an empty period', ['size']);
    const files = await send('POST', url(`/rounds/${id}/files`), {
      cookie: admin,
      payload: { caseIds: [crypto.randomUUID()] },
    });
    assertNamesFields(files, 'unknown case', ['caseIds.0']);
    const score = await send('PUT', url(`/files/${crypto.randomUUID()}/score`), {
      cookie: admin,
      payload: { deductions: [{ itemId: 'x', points: 1, comment: '无此项' }] },
    });
    assert.equal(score.statusCode, 404);
    assertEnvelope(score, 'unknown file');
  });

  test('entity directory: a wrong check character names uscc; an import of a file that is not CSV or .xlsx is 415', async () => {
    const entity = { name: '东川县人民医院', category: '医疗机构', areaCode: '330102' };
    const badCode = await send('POST', '/api/entities', {
      cookie: admin,
      payload: { ...entity, uscc: `${usccFor(1).slice(0, 17)}${usccFor(1).endsWith('0') ? '1' : '0'}` },
    });
    assertNamesFields(badCode, 'uscc check character', ['uscc']);
    assert.match(badCode.body, /校验码不正确/);
    const badLevel = await send('POST', '/api/entities', {
      cookie: admin,
      payload: { ...entity, uscc: usccFor(1), riskLevel: '特高', areaCode: '3301' },
    });
    assertNamesFields(badLevel, 'risk level and area code', ['areaCode', 'riskLevel']);
    const png = multipartBody({ fileName: '照片.png', bytes: tinyPng(3) });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: admin, ...png.headers },
      payload: png.payload,
    });
    const fileId = (uploaded.json() as { id: string }).id;
    const notATable = await send('POST', '/api/entities/imports', { cookie: admin, payload: { fileId } });
    assert.equal(notATable.statusCode, 415);
    assert.equal(assertEnvelope(notATable, 'png import').code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('catalog edits: an unreadable 裁量标准 names tiers.N.standard; wrong tiers and empty conditions name their fields', async () => {
    const fixtures = new URL('../../shared/cases/fixtures/', import.meta.url);
    for (const [kind, file] of [
      ['violation-types', 'discretion_benchmarks.csv'],
      ['mitigation-rules', 'mitigation_lists.csv'],
    ]) {
      const imported = await send('POST', `/api/catalogs/${kind}/import`, {
        cookie: admin,
        payload: { csv: readFileSync(new URL(file!, fixtures), 'utf8') },
      });
      assert.equal(imported.statusCode, 200, imported.body);
    }
    const first = async (kind: string) =>
      ((await send('GET', `/api/catalogs/${kind}`, { cookie: admin })).json() as { items: { id: string }[] })
        .items[0]!.id;
    const violationUrl = `/api/catalogs/violation-types/${await first('violation-types')}`;
    const tier = {
      tier: 'ordinary',
      label: '一般',
      circumstances: '',
      standard: '处1000元以上5000元以下罚款',
    };
    const edit = { title: '违法行为', legalBasis: '', penaltyBasis: '', tiers: [tier] };
    const unreadable = await send('PATCH', violationUrl, {
      cookie: admin,
      payload: { ...edit, tiers: [tier, { ...tier, tier: 'heavier', standard: '从严处理' }] },
    });
    assertNamesFields(unreadable, 'unreadable standard', ['tiers.1.standard']);
    assert.match(unreadable.body, /无法识别罚款幅度/);
    const noPenalty = await send('PATCH', violationUrl, {
      cookie: admin,
      payload: { ...edit, tiers: [tier, { ...tier, tier: 'none', label: '不予处罚', standard: '' }] },
    });
    assert.equal(noPenalty.statusCode, 200, 'a no-penalty tier needs no readable fine');
    const wrong = await send('PATCH', violationUrl, {
      cookie: admin,
      payload: { ...edit, title: ' ', tiers: [{ ...tier, tier: '特重' }] },
    });
    assertNamesFields(wrong, 'tier kind and empty title', ['tiers.0.tier', 'title']);
    const none = await send('PATCH', violationUrl, { cookie: admin, payload: { ...edit, tiers: [] } });
    assertNamesFields(none, 'no tiers', ['tiers']);
    const rule = await send('PATCH', `/api/catalogs/mitigation-rules/${await first('mitigation-rules')}`, {
      cookie: admin,
      payload: { matter: '事项', basis: '', conditions: ['初次违法', ''] },
    });
    assertNamesFields(rule, 'empty condition and missing isActive', ['conditions.1', 'isActive']);
  });

  test('unknown /api paths are a 404 envelope; oversized JSON is 413', async () => {
    const res = await send('GET', '/api/no-such-thing', { cookie: admin });
    assert.equal(res.statusCode, 404);
    assert.equal(assertEnvelope(res, 'unknown').code, 'NOT_FOUND');
    const big = await send('POST', '/api/orgs', {
      cookie: admin,
      payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
      contentType: 'application/json',
    });
    assert.equal(big.statusCode, 413);
    assert.equal(assertEnvelope(big, 'big').code, 'PAYLOAD_TOO_LARGE');
  });
});
