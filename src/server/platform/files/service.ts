import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { fileTypeFromFile } from 'file-type';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { StoredFile } from '../../../shared/platform/records.ts';
import { orgs } from '../orgs/tables.ts';
import { storedFiles } from './tables.ts';
import { type Actor, authorize, requirePermission } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../errors.ts';

// Evidence and documents: photos, recordings, video, PDF and office files. Executables and scripts never.
const allowedSniffed = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/tiff',
  'image/bmp',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'video/x-msvideo',
  'video/x-matroska',
  'video/webm',
  'video/3gpp',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'audio/ogg',
  'audio/aac',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
  'application/zip',
  'application/ofd',
]);
const textExtensions = new Set(['.txt', '.csv', '.md']);

const toStoredFile = (r: typeof storedFiles.$inferSelect): StoredFile => ({
  id: r.id,
  sha256: r.sha256,
  fileName: r.fileName,
  mimeType: r.mimeType,
  sizeBytes: r.sizeBytes,
  orgId: r.orgId,
  uploadedAt: r.uploadedAt.toISOString(),
  uploadedBy: r.uploadedBy,
});

export function blobPath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

function looksLikeUtf8Text(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  // stream: a character cut in two by the end of the sniffed head is not an encoding error.
  return !new TextDecoder('utf-8', { fatal: false }).decode(buffer, { stream: true }).includes('\uFFFD');
}

/** What the bytes are, not what the client says: sniffed from the content, then checked against the allow list. */
async function sniffMimeType(tempPath: string, fileName: string): Promise<string> {
  const sniffed = await fileTypeFromFile(tempPath);
  if (sniffed) {
    if (!allowedSniffed.has(sniffed.mime))
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `不允许上传此类文件（${sniffed.ext}）`, [
        { path: 'file', message: `文件类型 ${sniffed.mime} 不在允许范围内` },
      ]);
    return sniffed.mime;
  }
  const ext = path.extname(fileName).toLowerCase();
  const head = Buffer.alloc(64 * 1024);
  const handle = await fsp.open(tempPath);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  if (textExtensions.has(ext) && looksLikeUtf8Text(head.subarray(0, bytesRead)))
    return ext === '.csv' ? 'text/csv' : 'text/plain';
  throw new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    '无法识别文件类型，仅允许图片、音视频、PDF、Office 文档和 UTF-8 文本',
    [{ path: 'file', message: '文件类型无法识别或不允许' }],
  );
}

/**
 * Stores an upload by its SHA-256 (written to a temp file, fsynced, renamed into place), then records it
 * in one transaction with its audit row. A crash before commit leaves at most an unreferenced blob.
 */
/**
 * Whose file it is: by default the uploader's organisation; a file made for a record (a case's 文书 or evidence)
 * belongs to the record's organisation, so everyone who may read the record may read it — a city leader's
 * decision on a county case is the county's document. The caller has already authorised writing that record.
 */
export type FileOwner = { orgId?: string };

export async function storeUpload(
  db: Db,
  actor: Actor,
  filesDir: string,
  upload: { fileName: string; stream: Readable & { truncated?: boolean } },
  owner: FileOwner = {},
): Promise<StoredFile> {
  requirePermission(actor, 'files.upload');
  const fileName = path.basename(upload.fileName || '未命名文件').slice(0, 200);
  const tmpDir = path.join(filesDir, 'tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `${crypto.randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    const out = fs.createWriteStream(tempPath);
    upload.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(upload.stream, out);
    if (upload.stream.truncated)
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', '文件超过大小上限', [
        { path: 'file', message: '文件过大' },
      ]);
    if (size === 0)
      throw new AppError(400, 'VALIDATION', '文件为空', [{ path: 'file', message: '文件为空' }]);
    const mimeType = await sniffMimeType(tempPath, fileName);
    const sha256 = hash.digest('hex');
    const target = blobPath(filesDir, sha256);
    if (fs.existsSync(target)) {
      await fsp.rm(tempPath);
    } else {
      const handle = await fsp.open(tempPath, 'r+');
      await handle.sync();
      await handle.close();
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(tempPath, target);
    }
    return await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(storedFiles)
        .values({
          orgId: owner.orgId ?? actor.orgId,
          sha256,
          fileName,
          mimeType,
          sizeBytes: size,
          uploadedBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actor,
        orgId: actor.orgId,
        action: 'files.upload',
        entityType: 'file',
        entityId: row!.id,
        after: { sha256, fileName, mimeType, sizeBytes: size },
      });
      return toStoredFile(row!);
    });
  } finally {
    await fsp.rm(tempPath, { force: true });
  }
}

async function writeBlob(filesDir: string, sha256: string, buffer: Buffer): Promise<void> {
  const target = blobPath(filesDir, sha256);
  if (fs.existsSync(target)) return;
  await fsp.mkdir(path.join(filesDir, 'tmp'), { recursive: true });
  const tempPath = path.join(filesDir, 'tmp', `${crypto.randomUUID()}.part`);
  const handle = await fsp.open(tempPath, 'w');
  await handle.writeFile(buffer);
  await handle.sync();
  await handle.close();
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.rename(tempPath, target);
}

/** Stores a file the system produced (a generated 文书) inside the caller's transaction, audited like an upload. */
export async function storeGeneratedFile(
  tx: Db,
  actor: Actor,
  filesDir: string,
  file: { fileName: string; mimeType: string; buffer: Buffer },
  owner: FileOwner = {},
): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  await writeBlob(filesDir, sha256, file.buffer);
  const [row] = await tx
    .insert(storedFiles)
    .values({
      orgId: owner.orgId ?? actor.orgId,
      sha256,
      fileName: file.fileName,
      mimeType: file.mimeType,
      sizeBytes: file.buffer.length,
      uploadedBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, {
    actor,
    orgId: actor.orgId,
    action: 'files.generate',
    entityType: 'file',
    entityId: row!.id,
    after: { sha256, fileName: file.fileName, sizeBytes: file.buffer.length },
  });
  return toStoredFile(row!);
}

/** The file's record if the actor may read it (same rule as every record: the owner's subtree). */
export async function findReadableFile(db: Db, actor: Actor, fileId: string): Promise<StoredFile> {
  const [row] = await db
    .select({ file: storedFiles, orgPath: orgs.path })
    .from(storedFiles)
    .innerJoin(orgs, eq(orgs.id, storedFiles.orgId))
    .where(eq(storedFiles.id, fileId));
  authorize(actor, row ? { orgId: row.file.orgId, orgPath: row.orgPath } : null, { what: '文件' });
  return toStoredFile(row!.file);
}
