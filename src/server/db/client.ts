import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as tables from './tables.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof tables>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
};

// pg returns int8/numeric as strings by default; counts and sums here fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings rather than local-midnight Date objects.
pg.types.setTypeParser(1082, (v) => v);

/** PostgreSQL when DATABASE_URL is set, else PGlite persisted in `<dataDir>/pglite` ('memory://' for tests). */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string | 'memory://';
}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
    });
    // An idle connection the server drops (restart, failover, terminated backend) is discarded by the pool;
    // without a listener its 'error' event would crash the process.
    pool.on('error', (error) =>
      process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`),
    );
    const db = drizzlePg({ client: pool, schema: tables }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  let dataDir: string | undefined;
  if (options.dataDir !== 'memory://') {
    dataDir = path.join(options.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema: tables }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}
