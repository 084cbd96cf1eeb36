import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { seedReferenceData } from '../db/seed.ts';
import { buildApp } from '../app.ts';
import type { App } from '../platform/http.ts';

export type TestApp = { app: App; database: Database; config: Config; dataDir: string };

/**
 * A fresh database for one test file: PGlite in memory, or a new database on the server named by
 * DATABASE_URL (dropped afterwards). Reference data (roles, calendar) is seeded; no demo data.
 * Call it at the top level of a test file: its `after` hook then closes the database when the file ends
 * (called inside a `before` hook, node:test would run that `after` as soon as the hook returns).
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
  let databaseUrl: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (process.env.DATABASE_URL) {
    const name = `fazhi_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(
      `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`,
    );
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config: Config = { ...loadConfig({ DATA_DIR: dataDir }), databaseUrl, ...overrides };
  const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? dataDir : 'memory://' });
  await applyMigrations(database);
  await seedReferenceData(database.db);
  const app = await buildApp({ config, database });
  after(async () => {
    await app.close();
    await database.close();
    await dropDatabase?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database, config, dataDir };
}

/** Logs in through the real route and returns the session cookie header for `inject`. */
export async function loginAs(app: App, username: string, password: string): Promise<{ cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  return { cookie: raw.split(';')[0]! };
}
