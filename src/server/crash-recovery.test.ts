import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

// The real server process on a real data directory: kill -9 in the middle of writes, restart, check.
const password = 'Crash-Passw0rd';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string, port: number, databaseUrl?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FAZHI_DEMO_PASSWORD: password,
      FAZHI_DEMO_CASES: '0',
      LOG_LEVEL: 'error',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

test(
  'kill -9 during writes loses no acknowledged record and the audit chain stays intact',
  {
    timeout: 240_000,
    skip: Boolean(process.env.DATABASE_URL) && 'PGlite durability; PostgreSQL guarantees its own',
  },
  async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(dataDir, port);
    try {
      const officer = await login(base, 'officer1');
      const acknowledged: number[] = [];
      let stop = false;
      // Two writers issue 文号 as fast as they can; each 200 is a committed record that must survive.
      const writer = async () => {
        while (!stop) {
          try {
            const res = await fetch(`${base}/api/document-numbers`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: officer },
              body: JSON.stringify({ documentType: 'penaltyDecision', year: 2026 }),
            });
            if (res.status === 200) acknowledged.push(((await res.json()) as { sequence: number }).sequence);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [writer(), writer()];
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGKILL');
      stop = true;
      await exited;
      await Promise.all(writers);

      server = await startServer(dataDir, port);
      const officerAgain = await login(base, 'officer1');
      const next = await fetch(`${base}/api/document-numbers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officerAgain },
        body: JSON.stringify({ documentType: 'penaltyDecision', year: 2026 }),
      });
      const { sequence } = (await next.json()) as { sequence: number };
      // Every acknowledged number was committed, so the next one is above all of them; nothing is reused.
      assert.ok(
        sequence > Math.max(...acknowledged),
        `next ${sequence} must follow ${Math.max(...acknowledged)}`,
      );
      const admin = await login(base, 'admin');
      const verify = await (await fetch(`${base}/api/audit/verify`, { headers: { cookie: admin } })).json();
      assert.equal(verify.ok, true);
      assert.equal(verify.firstBroken, null);
      const audit = await (
        await fetch(`${base}/api/audit?pageSize=200`, { headers: { cookie: admin } })
      ).json();
      const issued = new Set(
        (audit.items as { action: string; after: { sequence: number } }[])
          .filter((e) => e.action === 'documents.issueNumber')
          .map((e) => e.after.sequence),
      );
      for (const n of acknowledged)
        assert.ok(issued.has(n), `文号 ${n} was acknowledged but its audit row is missing`);
    } finally {
      server.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
