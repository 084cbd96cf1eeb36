// Bulk import of the entity directory: stream the file, stage valid rows, apply them all in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, count, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { EntityImportJob } from '../../../shared/entities/payloads.ts';
import { mapEntityColumns, readEntityRow, type EntityColumns } from '../../../shared/entities/import-row.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { type Actor, authorize, requirePermission } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { blobPath, findReadableFile } from '../../platform/files/service.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { entities, entityImportJobs, entityImportRejections, entityImportStaging } from './tables.ts';
import { csvRows, ImportFileError, xlsxRows, type ImportFormat, type SheetRow } from './import-readers.ts';

type JobRow = typeof entityImportJobs.$inferSelect;
type Auditor = { userId: string; displayName: string };

// Rows per staging INSERT: big enough to amortise a round trip, small enough for PGlite's single thread.
const stagingBatchSize = 5000;

const toJob = (row: JobRow): EntityImportJob => ({
  id: row.id,
  orgId: row.orgId,
  fileId: row.fileId,
  fileName: row.fileName,
  sha256: row.sha256,
  status: row.status as EntityImportJob['status'],
  rowsRead: row.rowsRead,
  rowsAccepted: row.rowsAccepted,
  rowsRejected: row.rowsRejected,
  rowsInserted: row.rowsInserted,
  rowsUpdated: row.rowsUpdated,
  percent:
    row.status === 'succeeded'
      ? 100
      : row.bytesTotal > 0
        ? Math.min(99, Math.floor((row.bytesRead * 100) / row.bytesTotal))
        : 0,
  error: row.error,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

function formatOf(fileName: string, mimeType: string): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (mimeType === 'text/csv' || ext === '.csv') return 'csv';
  if (mimeType.includes('spreadsheetml') || ext === '.xlsx') return 'xlsx';
  throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '仅支持 CSV（UTF-8）或 Excel（.xlsx）文件', [
    { path: 'fileId', message: '文件类型不是 CSV 或 .xlsx' },
  ]);
}

/** The rows of a file of either format, in batches. */
export function rowsOf(format: ImportFormat, source: Readable): AsyncGenerator<SheetRow[]> {
  return format === 'csv' ? csvRows(source) : xlsxRows(source);
}

// Imports still running in this process; the app waits for them when it closes.
const running = new Set<Promise<void>>();

/** Resolves when every import started by this process has finished. */
export async function waitForEntityImports(): Promise<void> {
  await Promise.allSettled([...running]);
}

/**
 * Starts importing a stored file (CSV or .xlsx) into the actor's own organisation's directory. Returns the job at
 * once; `done` settles when it has succeeded or failed (the web polls the job instead).
 */
export async function startEntityImport(
  db: Db,
  actor: Actor,
  filesDir: string,
  fileId: string,
): Promise<{ job: EntityImportJob; done: Promise<void> }> {
  const file = await findReadableFile(db, actor, fileId);
  requirePermission(actor, 'entities.manage');
  if (file.orgId !== actor.orgId) throw conflict('只能导入本机构上传的文件');
  const format = formatOf(file.fileName, file.mimeType);
  const job = await inTransaction(db, async (tx) => {
    // One import at a time per organisation: two would race to upsert the same codes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`entity-import:${actor.orgId}`}))`);
    const [busy] = await tx
      .select({ id: entityImportJobs.id })
      .from(entityImportJobs)
      .where(
        and(
          eq(entityImportJobs.orgId, actor.orgId),
          inArray(entityImportJobs.status, ['reading', 'applying']),
        ),
      );
    if (busy) throw conflict('本机构已有一个导入正在进行，请等待其完成');
    const [row] = await tx
      .insert(entityImportJobs)
      .values({
        orgId: actor.orgId,
        fileId,
        fileName: file.fileName,
        sha256: file.sha256,
        bytesTotal: file.sizeBytes,
        createdBy: actor.userId,
      })
      .returning();
    return row!;
  });
  const source = fs.createReadStream(blobPath(filesDir, file.sha256));
  const done = runEntityImport(db, job, actor, format, source);
  running.add(done);
  void done.finally(() => running.delete(done));
  return { job: toJob(job), done };
}

type Staged = Record<string, string | number | null>;
type Rejected = { line: number; uscc: string; name: string; reasons: string };

/**
 * Reads `source`, stages valid rows and records rejected ones with their reasons, then applies the staged rows in
 * one transaction (upsert by 统一社会信用代码) with one audit entry. Any failure before that commit leaves the
 * directory as it was and the job failed. Never throws.
 */
export async function runEntityImport(
  db: Db,
  job: JobRow,
  actor: Auditor,
  format: ImportFormat,
  source: Readable,
): Promise<void> {
  let bytesRead = 0;
  source.on('data', (chunk: Buffer | string) => {
    bytesRead += chunk.length;
  });
  const counts = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0 };
  let staged: Staged[] = [];
  let rejected: Rejected[] = [];
  // Parsing the next rows overlaps the previous batch's INSERT.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const rows = staged;
    const refused = rejected;
    const progress = { ...counts, bytesRead };
    staged = [];
    rejected = [];
    writing = writeBatch(db, job.id, rows, refused, progress);
    // Handled here so a failure is not "unhandled" before the next flush awaits (and rethrows) it.
    writing.catch(() => undefined);
  };
  try {
    let columns: EntityColumns | null = null;
    for await (const batch of rowsOf(format, source)) {
      for (const row of batch) {
        if (row.cells.every((cell) => cell.trim() === '')) continue;
        if (!columns) {
          const mapped = mapEntityColumns(row.cells);
          if (mapped.missing.length > 0)
            throw new ImportFileError(`首行应为列名，缺少必需的列：${mapped.missing.join('、')}`);
          columns = mapped.columns;
          continue;
        }
        counts.rowsRead += 1;
        const result = readEntityRow(row.cells, columns);
        if (result.ok) {
          counts.rowsAccepted += 1;
          const e = result.entity;
          staged.push({
            line: row.line,
            uscc: e.uscc,
            name: e.name,
            category: e.category,
            area_code: e.areaCode,
            address: e.address,
            legal_representative: e.legalRepresentative,
            risk_level: e.riskLevel,
            credit_level: e.creditLevel,
            status: e.status,
          });
        } else {
          counts.rowsRejected += 1;
          const raw = (index: number) => (index < 0 ? '' : (row.cells[index] ?? '').trim().slice(0, 100));
          rejected.push({
            line: row.line,
            uscc: raw(columns.uscc),
            name: raw(columns.name),
            reasons: result.reasons.join('；'),
          });
        }
      }
      if (staged.length >= stagingBatchSize || rejected.length >= stagingBatchSize) await flush();
    }
    if (!columns) throw new ImportFileError('文件中没有数据（首行应为列名）');
    await flush();
    await writing;
    await applyStagedRows(db, job, actor);
  } catch (error) {
    await writing.catch(() => undefined);
    source.destroy();
    const message =
      error instanceof ImportFileError ? error.message : '导入过程中出现系统错误，名录未作更改，可重新导入';
    if (!(error instanceof ImportFileError))
      process.emitWarning(`entity import ${job.id} failed: ${String(error)}`);
    await failJob(db, job.id, message).catch(() => undefined);
  }
}

async function writeBatch(
  db: Db,
  jobId: string,
  rows: Staged[],
  refused: Rejected[],
  progress: { rowsRead: number; rowsAccepted: number; rowsRejected: number; bytesRead: number },
): Promise<void> {
  // One JSON parameter per batch: the same statement on PGlite and PostgreSQL, no parameter-count limit.
  if (rows.length > 0)
    await db.execute(sql`
      insert into ${entityImportStaging}
        (job_id, line, uscc, name, category, area_code, address, legal_representative, risk_level, credit_level, status)
      select ${jobId}::uuid, r.* from json_to_recordset(${JSON.stringify(rows)}::json) as r(
        line int, uscc text, name text, category text, area_code text, address text,
        legal_representative text, risk_level text, credit_level text, status text)`);
  if (refused.length > 0)
    await db.insert(entityImportRejections).values(refused.map((r) => ({ ...r, jobId })));
  await db.update(entityImportJobs).set(progress).where(eq(entityImportJobs.id, jobId));
}

/** The all-or-nothing step: upsert every staged row, record the counts and one audit entry, in one transaction. */
async function applyStagedRows(db: Db, job: JobRow, actor: Auditor): Promise<void> {
  await db.update(entityImportJobs).set({ status: 'applying' }).where(eq(entityImportJobs.id, job.id));
  await inTransaction(db, async (tx) => {
    // New names go to the trigram index's pending list and are merged in one pass below, instead of one index
    // insertion per row (on 1M rows: minutes → seconds). work_mem bounds the merge's in-memory batches.
    await tx.execute(sql`set local gin_pending_list_limit = '1GB'`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    // A code another organisation registered stays theirs: those rows join the report.
    const takenRows = await tx.execute(sql`
      with taken as (
        insert into ${entityImportRejections} (job_id, line, uscc, name, reasons)
        select s.job_id, s.line, s.uscc, s.name, '统一社会信用代码：该单位已由其他机构登记在名录中，请联系该机构维护'
        from ${entityImportStaging} s join ${entities} e on e.uscc = s.uscc and e.org_id <> ${job.orgId}
        where s.job_id = ${job.id}
        returning 1)
      select count(*)::int as n from taken`);
    const taken = Number(resultRows<{ n: number }>(takenRows)[0]?.n ?? 0);
    // The last row of a code in the file wins; an unchanged row is not rewritten (a re-import changes nothing).
    const upserted = await tx.execute(sql`
      with incoming as (
        select distinct on (uscc) uscc, name, category, area_code, address, legal_representative, risk_level,
          credit_level, status
        from ${entityImportStaging} where job_id = ${job.id}
        order by uscc, line desc
      ), written as (
        insert into ${entities} as e (org_id, uscc, name, category, area_code, address, legal_representative,
          risk_level, credit_level, status)
        select ${job.orgId}::uuid, i.* from incoming i
        on conflict (uscc) do update set name = excluded.name, category = excluded.category,
          area_code = excluded.area_code, address = excluded.address,
          legal_representative = excluded.legal_representative, risk_level = excluded.risk_level,
          credit_level = excluded.credit_level, status = excluded.status, updated_at = now()
        where e.org_id = excluded.org_id
          and (e.name, e.category, e.area_code, e.address, e.legal_representative, e.risk_level, e.credit_level,
            e.status) is distinct from (excluded.name, excluded.category, excluded.area_code, excluded.address,
            excluded.legal_representative, excluded.risk_level, excluded.credit_level, excluded.status)
        returning (xmax = 0) as inserted
      )
      select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated
      from written`);
    const written = resultRows<{ inserted: number; updated: number }>(upserted)[0] ?? {};
    await tx.execute(sql`select gin_clean_pending_list('entities_name_trgm'::regclass)`);
    const [current] = await tx.select().from(entityImportJobs).where(eq(entityImportJobs.id, job.id));
    const result = {
      status: 'succeeded',
      bytesRead: job.bytesTotal,
      rowsAccepted: current!.rowsAccepted - taken,
      rowsRejected: current!.rowsRejected + taken,
      rowsInserted: Number(written.inserted ?? 0),
      rowsUpdated: Number(written.updated ?? 0),
      finishedAt: new Date(),
    };
    await tx.update(entityImportJobs).set(result).where(eq(entityImportJobs.id, job.id));
    await recordAudit(tx, {
      actor,
      orgId: job.orgId,
      action: 'entities.import',
      entityType: 'entityImport',
      entityId: job.id,
      after: {
        fileName: job.fileName,
        sha256: job.sha256,
        rowsRead: current!.rowsRead,
        rowsAccepted: result.rowsAccepted,
        rowsRejected: result.rowsRejected,
        rowsInserted: result.rowsInserted,
        rowsUpdated: result.rowsUpdated,
      },
    });
  });
  await db.delete(entityImportStaging).where(eq(entityImportStaging.jobId, job.id));
}

/** drizzle's execute answers `{ rows }` on both drivers. */
function resultRows<T>(result: unknown): Partial<T>[] {
  return (result as { rows: Partial<T>[] }).rows;
}

async function failJob(db: Db, jobId: string, message: string): Promise<void> {
  await db
    .update(entityImportJobs)
    .set({ status: 'failed', error: message, finishedAt: new Date() })
    .where(eq(entityImportJobs.id, jobId));
  await db.delete(entityImportStaging).where(eq(entityImportStaging.jobId, jobId));
}

/** At start: a job still reading or applying was cut off by the restart; its staged rows never reached the directory. */
export async function failInterruptedImports(db: Db): Promise<number> {
  const stale = await db
    .select({ id: entityImportJobs.id })
    .from(entityImportJobs)
    .where(inArray(entityImportJobs.status, ['reading', 'applying']));
  for (const { id } of stale) await failJob(db, id, '服务重启，导入被中断，名录未作更改，可重新导入该文件');
  return stale.length;
}

async function requireJob(db: Db, actor: Actor, id: string): Promise<JobRow> {
  const [row] = await db
    .select({ job: entityImportJobs, orgPath: orgs.path })
    .from(entityImportJobs)
    .innerJoin(orgs, eq(orgs.id, entityImportJobs.orgId))
    .where(eq(entityImportJobs.id, id));
  authorize(actor, row ? { orgId: row.job.orgId, orgPath: row.orgPath } : null, { what: '导入任务' });
  return row!.job;
}

/** A job's progress (polled by the web). */
export async function getImportJob(db: Db, actor: Actor, id: string): Promise<EntityImportJob> {
  return toJob(await requireJob(db, actor, id));
}

/** Recent imports in the actor's subtree, newest first. */
export async function listImportJobs(
  db: Db,
  actor: Actor,
  query: { page: number; pageSize: number },
): Promise<{ items: EntityImportJob[]; total: number }> {
  const inSubtree = like(orgs.path, `${actor.orgPath}%`);
  const [total] = await db
    .select({ n: count() })
    .from(entityImportJobs)
    .innerJoin(orgs, eq(orgs.id, entityImportJobs.orgId))
    .where(inSubtree);
  const rows = await db
    .select({ job: entityImportJobs })
    .from(entityImportJobs)
    .innerJoin(orgs, eq(orgs.id, entityImportJobs.orgId))
    .where(inSubtree)
    .orderBy(desc(entityImportJobs.startedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((r) => toJob(r.job)), total: total?.n ?? 0 };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rejected rows of a job as a UTF-8 CSV (with BOM, so Excel reads the Chinese), streamed page by page. */
export async function rejectionReport(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; stream: Readable }> {
  const job = await requireJob(db, actor, id);
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF行号,统一社会信用代码,单位名称,未导入原因\r\n';
    let after = 0;
    for (;;) {
      const page = await db
        .select()
        .from(entityImportRejections)
        .where(and(eq(entityImportRejections.jobId, job.id), gt(entityImportRejections.line, after)))
        .orderBy(entityImportRejections.line)
        .limit(5000);
      if (page.length === 0) return;
      yield page.map((r) => `${[r.line, r.uscc, r.name, r.reasons].map(csvCell).join(',')}\r\n`).join('');
      after = page[page.length - 1]!.line;
    }
  }
  const base = job.fileName.replace(/\.(csv|xlsx)$/i, '');
  return { fileName: `${base}-未导入行.csv`, stream: Readable.from(lines()) };
}
