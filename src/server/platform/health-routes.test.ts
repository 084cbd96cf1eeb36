import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../test/test-app.ts';
import { isChinese, listRoutes, routeKey } from '../test/factories.ts';

const t = await createTestApp();
const routes = await listRoutes({ db: t.database.db, dbKind: t.database.kind, config: t.config });

describe('health and OpenAPI', () => {
  test('GET /api/health names the database actually in use, without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    assert.equal(t.database.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  test('GET /api/openapi.json documents every registered /api route except itself', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const spec = res.json() as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            parameters?: { name: string; in: string }[];
            requestBody?: unknown;
            responses?: Record<string, unknown>;
          }
        >
      >;
    };
    assert.match(spec.openapi, /^3\./);
    const documented = Object.entries(spec.paths)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      )
      .sort();
    const registered = routes
      .map(routeKey)
      .filter((key) => key.includes(' /api/') && key !== 'GET /api/openapi.json')
      .sort();
    assert.deepEqual(documented, registered);

    for (const route of routes.filter((r) => routeKey(r) !== 'GET /api/openapi.json')) {
      const operation = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()]!;
      const key = routeKey(route);
      assert.ok(isChinese(operation.summary), `${key} has a Chinese summary`);
      assert.ok(
        operation.responses && Object.keys(operation.responses).length > 0,
        `${key} documents its responses`,
      );
      for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
        assert.ok(
          operation.parameters?.some((p) => p.in === 'path' && p.name === name),
          `${key} documents path parameter ${name}`,
        );
      }
      if (route.schema?.body) assert.ok(operation.requestBody, `${key} documents its request body`);
    }
  });
});
