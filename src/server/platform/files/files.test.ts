import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree, loginTree, multipartBody, tinyPng } from '../../test/factories.ts';
import { buildApp } from '../../app.ts';
import { storedFiles } from './tables.ts';
import { blobPath } from './service.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['admin', 'officerA1', 'officerA2', 'officerB1', 'adminB']);

// The same database behind an app with a 1 KiB upload limit (a second initdb would cost seconds).
const small = await buildApp({ config: { ...t.config, maxUploadBytes: 1024 }, database: t.database });
after(() => small.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const upload = (
  cookie: string,
  file: { fileName: string; bytes: Buffer; contentType?: string; fieldName?: string },
  app = t.app,
) => {
  const body = multipartBody(file);
  return app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
};
const fileCount = async () => (await db.select({ n: count() }).from(storedFiles))[0]!.n;

/** Every blob under FILES_DIR (the temp folder must stay empty). */
function blobsOnDisk(): string[] {
  if (!fs.existsSync(t.config.filesDir)) return [];
  return (fs.readdirSync(t.config.filesDir, { recursive: true }) as string[]).filter((p) =>
    fs.statSync(path.join(t.config.filesDir, p)).isFile(),
  );
}

function assertRefused(
  res: {
    statusCode: number;
    json: () => { error: { code: string; message: string; fields?: { path: string }[] } };
  },
  status: number,
) {
  assert.equal(res.statusCode, status);
  const { error } = res.json();
  assert.match(error.message, /[\u4e00-\u9fff]/);
  return error;
}

describe('files', () => {
  const png = tinyPng(1);
  let fileId: string;

  test('a PNG upload is stored by its SHA-256 under FILES_DIR', async () => {
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const res = await upload(cookies.officerA1, {
      fileName: '现场照片.png',
      bytes: png,
      contentType: 'application/octet-stream',
    });
    assert.equal(res.statusCode, 200, res.body);
    const stored = res.json();
    fileId = stored.id;
    assert.equal(stored.sha256, sha256(png));
    // Sniffed from the bytes, not taken from the client's content type.
    assert.equal(stored.mimeType, 'image/png');
    assert.equal(stored.sizeBytes, png.length);
    assert.equal(stored.fileName, '现场照片.png');
    assert.equal(stored.orgId, tree.instituteA.id);
    assert.equal(stored.uploadedBy, tree.users.officerA1.id);
    const blob = blobPath(t.config.filesDir, stored.sha256);
    assert.ok(blob.startsWith(path.join(t.dataDir, 'files')), 'under DATA_DIR/files');
    assert.ok(blob.endsWith(stored.sha256));
    assert.deepEqual(fs.readFileSync(blob), png);
  });

  test('the same content uploaded twice is two records and one blob', async () => {
    const blobsBefore = blobsOnDisk().length;
    const again = await upload(cookies.officerA2, { fileName: 'copy.png', bytes: png });
    assert.equal(again.statusCode, 200);
    assert.notEqual(again.json().id, fileId);
    assert.equal(again.json().sha256, sha256(png));
    assert.equal(blobsOnDisk().length, blobsBefore);
    assert.equal(blobsOnDisk().filter((p) => p.endsWith(sha256(png))).length, 1);
    assert.deepEqual(fs.readdirSync(path.join(t.config.filesDir, 'tmp')), []);
  });

  test('download returns the bytes with content-disposition and x-content-sha256', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/files/${fileId}`,
      headers: { cookie: cookies.officerA2 },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, png);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['x-content-sha256'], sha256(png));
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
    );
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const meta = await t.app.inject({
      method: 'GET',
      url: `/api/files/${fileId}/meta`,
      headers: { cookie: cookies.admin },
    });
    assert.equal(meta.statusCode, 200);
    assert.equal(meta.json().sha256, sha256(png));
  });

  test('another organisation’s users get 404 for the file and its metadata', async () => {
    for (const cookie of [cookies.officerB1, cookies.adminB]) {
      for (const url of [`/api/files/${fileId}`, `/api/files/${fileId}/meta`]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        const error = assertRefused(res, 404);
        assert.equal(error.code, 'NOT_FOUND');
        assert.equal(res.headers['x-content-sha256'], undefined);
      }
    }
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/files/${crypto.randomUUID()}`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(missing.statusCode, 404);
  });

  test('UTF-8 text with a text extension is accepted', async () => {
    const res = await upload(cookies.officerA1, {
      fileName: '询问笔录.txt',
      bytes: Buffer.from('当事人陈述：无异议。\n', 'utf8'),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().mimeType, 'text/plain');
  });

  test('executables and unknown binaries are 415 naming the field `file`, and nothing is kept', async () => {
    const filesBefore = await fileCount();
    const blobsBefore = blobsOnDisk().length;
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);
    const exe = Buffer.concat([
      Buffer.from('MZ', 'latin1'),
      Buffer.alloc(62, 0),
      Buffer.from('PE\0\0', 'latin1'),
      Buffer.alloc(200, 0),
    ]);
    const script = Buffer.from('#!/bin/sh\nrm -rf /\n', 'utf8');
    const unknown = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256));
    const cases: Array<[string, Buffer]> = [
      ['evidence.png', elf], // the name says PNG; the bytes say ELF
      ['setup.exe', exe],
      ['run.sh', script],
      ['data.bin', unknown],
    ];
    for (const [fileName, bytes] of cases) {
      const res = await upload(cookies.officerA1, { fileName, bytes, contentType: 'image/png' });
      const error = assertRefused(res, 415);
      assert.equal(error.code, 'UNSUPPORTED_MEDIA_TYPE', fileName);
      assert.deepEqual(
        error.fields?.map((f) => f.path),
        ['file'],
        fileName,
      );
    }
    assert.equal(await fileCount(), filesBefore);
    assert.equal(blobsOnDisk().length, blobsBefore);
  });

  test('over the size limit is 413 and nothing is kept', async () => {
    const filesBefore = await fileCount();
    const blobsBefore = blobsOnDisk().length;
    const big = Buffer.concat([tinyPng(2), Buffer.alloc(4096, 1)]);
    const res = await upload(cookies.officerA1, { fileName: 'big.png', bytes: big }, small);
    const error = assertRefused(res, 413);
    assert.equal(error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(await fileCount(), filesBefore);
    assert.equal(blobsOnDisk().length, blobsBefore);
    // The same app takes a file under the limit.
    assert.equal(
      (await upload(cookies.officerA1, { fileName: 'ok.png', bytes: tinyPng(3) }, small)).statusCode,
      200,
    );
  });

  test('not multipart, no `file` part or an empty file is refused naming `file`', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { cookie: cookies.officerA1 },
      payload: { file: 'x' },
    });
    assert.deepEqual(
      assertRefused(json, 415).fields?.map((f) => f.path),
      ['file'],
    );
    const wrongField = await upload(cookies.officerA1, {
      fileName: 'a.png',
      bytes: png,
      fieldName: 'attachment',
    });
    assert.deepEqual(
      assertRefused(wrongField, 400).fields?.map((f) => f.path),
      ['file'],
    );
    const empty = await upload(cookies.officerA1, { fileName: 'empty.png', bytes: Buffer.alloc(0) });
    assert.deepEqual(
      assertRefused(empty, 400).fields?.map((f) => f.path),
      ['file'],
    );
  });

  test('uploading needs a session and files.upload; the upload belongs to the uploader’s organisation', async () => {
    const body = multipartBody({ fileName: 'a.png', bytes: png });
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/files',
          headers: body.headers,
          payload: body.payload,
        })
      ).statusCode,
      401,
    );
    const res = await upload(cookies.officerB1, { fileName: 'b.png', bytes: tinyPng(4) });
    assert.equal(res.statusCode, 200);
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, res.json().id));
    assert.equal(row!.orgId, tree.instituteB.id);
  });
});
