import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestApp } from '../test/test-app.ts';

// PostgreSQL only: PGlite has no server that could drop a connection.
const t = process.env.DATABASE_URL ? await createTestApp() : null;

describe('PostgreSQL connection pool', { skip: t ? false : 'PostgreSQL only (set DATABASE_URL)' }, () => {
  test('an idle connection terminated by the server does not crash the process; the next query reconnects', async () => {
    const db = t!.database.db;
    const rows = (await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
      rows: { pid: number }[];
    };
    const pid = rows.rows[0]!.pid;
    const admin = new pg.Client({ connectionString: t!.config.databaseUrl! });
    await admin.connect();
    try {
      // What a PostgreSQL restart, a failover or an administrator's pg_terminate_backend does to an idle connection.
      const terminated = await admin.query('select pg_terminate_backend($1) as ok', [pid]);
      assert.equal(terminated.rows[0].ok, true);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = (await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
      rows: { pid: number }[];
    };
    assert.notEqual(again.rows[0]!.pid, pid);
  });
});
