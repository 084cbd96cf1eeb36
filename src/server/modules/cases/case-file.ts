// 案卷 export and 结案前自查 (行政处罚法第四十七条：全过程记录，归档保存). Loads the record; the checks are in
// src/shared/cases/case-file.ts.
import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  runSelfCheck,
  type CaseFileSnapshot,
  type SelfCheckResult,
} from '../../../shared/cases/case-file.ts';
import { documentKindLabels } from '../../../shared/cases/documents.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from '../../../shared/cases/procedure.ts';
import { legalRules } from '../../../shared/law/legal-rules.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { ineligibilityLabels } from '../../../shared/platform/officers.ts';
import { shanghaiDate } from '../../../shared/procedure/clocks.ts';
import { type Actor, authorize } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { buildOfficialDocument } from '../../platform/documents/official-document.ts';
import { AppError } from '../../platform/errors.ts';
import { blobPath } from '../../platform/files/service.ts';
import { storedFiles } from '../../platform/files/tables.ts';
import { enforcementIneligibility } from '../../platform/officers/enforcement.ts';
import { orgs } from '../../platform/orgs/tables.ts';
import { procedureDeadlines, procedureSteps } from '../../platform/procedure-engine/tables.ts';
import { caseDocuments, caseEvidence, caseOfficers, parties, penaltyCases } from './tables.ts';

/** Stored files a 案卷 may hold in total; it is built in memory, and a case with more is not "small". */
export const maxCaseFileBytes = 200 * 1024 * 1024;

type CaseRecord = Awaited<ReturnType<typeof loadCaseRecord>>;

/** The case and everything filed under it, after `authorize` (another county's case is 404). */
async function loadCaseRecord(db: Db, actor: Actor, caseId: string) {
  const [row] = await db
    .select({ c: penaltyCases, orgPath: orgs.path, orgName: orgs.name, partyName: parties.name })
    .from(penaltyCases)
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .where(eq(penaltyCases.id, caseId));
  authorize(actor, row ? { orgId: row.c.orgId, orgPath: row.orgPath } : null, { what: '案件' });
  const { c } = row!;
  const procedureId = `penaltyCase.${c.procedure}`;
  const [steps, documents, evidence, deadlines, officers] = await Promise.all([
    db
      .select()
      .from(procedureSteps)
      .where(and(eq(procedureSteps.procedureId, procedureId), eq(procedureSteps.recordId, caseId)))
      .orderBy(asc(procedureSteps.at), asc(procedureSteps.id)),
    db
      .select({ d: caseDocuments, file: storedFiles })
      .from(caseDocuments)
      .innerJoin(storedFiles, eq(storedFiles.id, caseDocuments.fileId))
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id)),
    db
      .select({ e: caseEvidence, file: storedFiles })
      .from(caseEvidence)
      .innerJoin(storedFiles, eq(storedFiles.id, caseEvidence.fileId))
      .where(eq(caseEvidence.caseId, caseId))
      .orderBy(asc(caseEvidence.createdAt), asc(caseEvidence.id)),
    db
      .select()
      .from(procedureDeadlines)
      .where(and(eq(procedureDeadlines.procedureId, procedureId), eq(procedureDeadlines.recordId, caseId)))
      .orderBy(asc(procedureDeadlines.startedOn), asc(procedureDeadlines.clock)),
    db.select({ userId: caseOfficers.userId }).from(caseOfficers).where(eq(caseOfficers.caseId, caseId)),
  ]);
  return { ...row!, steps, documents, evidence, deadlines, officerIds: officers.map((o) => o.userId) };
}

const definitionOf = (procedure: string) =>
  procedure === 'simple' ? simplePenaltyProcedure : ordinaryPenaltyProcedure;
const actionLabel = (procedure: string, action: string) =>
  (definitionOf(procedure).actions as Record<string, { label: string }>)[action]?.label ?? action;
const clockLabel = (procedure: string, clock: string) =>
  (definitionOf(procedure).clocks as Record<string, { label: string }>)[clock]?.label ?? clock;
const ruleOf = (ruleId: string) =>
  (legalRules as Record<string, { citation: string; protects?: 'party' | 'agency' }>)[ruleId];
const citationOf = (ruleId: string) => ruleOf(ruleId)?.citation ?? ruleId;
const documentLabel = (kind: string) => (documentKindLabels as Record<string, string>)[kind] ?? kind;

/** The snapshot the pure self-check reads; officers' certificates are checked on each act's own date. */
async function snapshotOf(db: Db, record: CaseRecord): Promise<CaseFileSnapshot> {
  const { c } = record;
  const investigations: CaseFileSnapshot['investigations'][number][] = [];
  for (const step of record.steps.filter((s) => s.action === 'recordInvestigation')) {
    const input = (step.input ?? {}) as { officerIds?: string[]; occurredOn?: string };
    const date = input.occurredOn ?? shanghaiDate(step.at.toISOString());
    const ids = [...new Set(input.officerIds?.length ? input.officerIds : record.officerIds)];
    const status = await enforcementIneligibility(db, ids, date);
    investigations.push({
      date,
      officers: ids.map((id) => {
        const s = status.get(id);
        return {
          name: s?.displayName ?? id,
          problem: !s ? ineligibilityLabels.noCertificate : s.why ? ineligibilityLabels[s.why] : null,
        };
      }),
    });
  }
  return {
    procedure: c.procedure === 'simple' ? 'simple' : 'ordinary',
    state: c.state,
    isMajor: c.isMajor,
    requiresCollectiveDeliberation: c.requiresCollectiveDeliberation,
    today: chinaToday(),
    steps: record.steps.map((s) => ({ action: s.action, date: shanghaiDate(s.at.toISOString()) })),
    documentKinds: [...new Set(record.documents.map((d) => d.d.kind))],
    deadlines: record.deadlines.map((d) => ({
      clock: d.clock,
      label: clockLabel(c.procedure, d.clock),
      status: d.status,
      dueDate: d.dueDate,
      stoppedOn: d.stoppedOn,
      citation: citationOf(d.ruleId),
      protects: ruleOf(d.ruleId)?.protects ?? null,
      error: d.error,
    })),
    investigations,
  };
}

export async function selfCheckCase(db: Db, actor: Actor, caseId: string): Promise<SelfCheckResult> {
  const record = await loadCaseRecord(db, actor, caseId);
  return runSelfCheck(await snapshotOf(db, record));
}

/** A name safe in a zip on Windows and macOS: no separators or reserved characters, bounded length. */
export function safeEntryName(name: string, max = 80): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, max).join('') || '未命名';
}

const pad = (n: number) => String(n).padStart(2, '0');
const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** UTF-8 with BOM and CRLF, so Windows Notepad opens the Chinese text correctly. */
const textFile = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

type Entry = { path: string; name: string; number: string; date: string; bytes: Buffer; sha256: string };

/** Reads a stored blob and refuses if it no longer matches the SHA-256 recorded when it was stored. */
async function readVerified(filesDir: string, sha256: string, shownAs: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(blobPath(filesDir, sha256));
  } catch {
    throw new AppError(409, 'CONFLICT', `文件「${shownAs}」内容缺失，无法导出完整案卷，请联系系统管理员`);
  }
  if (sha256Of(bytes) !== sha256)
    throw new AppError(
      409,
      'CONFLICT',
      `文件「${shownAs}」与登记的 SHA-256 校验值不一致，可能已被篡改或损坏，拒绝导出案卷`,
    );
  return bytes;
}

async function storedEntries(record: CaseRecord, filesDir: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const [i, { d, file }] of record.documents.entries()) {
    const label = documentLabel(d.kind);
    const name = `${label}${d.documentNumber ? `（${d.documentNumber}）` : ''}`;
    const entryPath = `文书/${pad(i + 1)}-${safeEntryName(name)}${path.extname(file.fileName) || '.docx'}`;
    entries.push({
      path: entryPath,
      name,
      number: d.documentNumber ?? '',
      date: shanghaiDate(d.createdAt.toISOString()),
      bytes: await readVerified(filesDir, file.sha256, `${file.fileName}（${entryPath}）`),
      sha256: file.sha256,
    });
  }
  for (const [i, { e, file }] of record.evidence.entries()) {
    const ext = path.extname(file.fileName);
    const base = safeEntryName(path.basename(file.fileName, ext), 40);
    const entryPath = `证据/${pad(i + 1)}-${safeEntryName(e.description, 40)}-${base}${safeEntryName(ext, 10)}`;
    entries.push({
      path: entryPath,
      name: `${e.description}（${file.fileName}）`,
      number: '',
      date: e.collectedOn,
      bytes: await readVerified(filesDir, file.sha256, `${file.fileName}（${entryPath}）`),
      sha256: file.sha256,
    });
  }
  return entries;
}

/** 办理过程: every step (date, action, who, note) and every clock with its due and stop dates and citation. */
function processText(record: CaseRecord): Buffer {
  const { c } = record;
  const lines = [
    `案件名称：${c.title}`,
    `案号：${c.caseNumber ?? '（未立案）'}`,
    `当事人：${record.partyName}`,
    `办案机关：${record.orgName}`,
    '',
    '一、办理步骤（行政处罚法第四十七条：全过程记录）',
  ];
  for (const [i, s] of record.steps.entries()) {
    const when = new Date(s.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(
      `${i + 1}. ${when}  ${actionLabel(c.procedure, s.action)}  ${s.actorName}${s.note ? `  ${s.note}` : ''}`,
    );
  }
  if (record.steps.length === 0) lines.push('（无）');
  lines.push('', '二、办案期限');
  for (const d of record.deadlines) {
    lines.push(
      `${clockLabel(c.procedure, d.clock)}：起算${d.startedOn}，截止${d.dueDate ?? `（无法计算：${d.error ?? ''}）`}，` +
        `${d.stoppedOn ? `停止${d.stoppedOn}` : '尚未停止'}，状态${d.status}（${citationOf(d.ruleId)}）` +
        (d.stoppedOn && d.dueDate && d.stoppedOn > d.dueDate ? '  【逾期】' : ''),
    );
  }
  if (record.deadlines.length === 0) lines.push('（无）');
  return textFile(lines);
}

/** 卷内目录 as an official .docx: one row per 文书 and 证据, with its 文号, date, size and SHA-256. */
async function indexDocument(record: CaseRecord, entries: Entry[]): Promise<Buffer> {
  const { c } = record;
  return buildOfficialDocument({
    issuer: { name: record.orgName },
    title: '卷内目录',
    blocks: [
      { kind: 'paragraph', indent: false, text: `案件名称：${c.title}` },
      { kind: 'paragraph', indent: false, text: `案号：${c.caseNumber ?? '（未立案）'}` },
      { kind: 'paragraph', indent: false, text: `当事人：${record.partyName}` },
      {
        kind: 'table',
        header: ['序号', '文书或证据名称', '文号', '日期', '大小', 'SHA-256'],
        rows: entries.map((e, i) => [
          String(i + 1),
          e.name,
          e.number || '—',
          e.date,
          sizeText(e.bytes.length),
          e.sha256,
        ]),
        columnWidths: [0.5, 2.2, 1.6, 1.1, 0.8, 2.6],
        fontSize: 9,
      },
    ],
    signature: { organisation: record.orgName, date: chinaToday() },
  });
}

/** The whole 案卷 as a zip, every stored file verified against its SHA-256; the export is audited. */
export async function exportCaseFile(
  db: Db,
  actor: Actor,
  filesDir: string,
  caseId: string,
): Promise<{ fileName: string; zip: Buffer }> {
  const record = await loadCaseRecord(db, actor, caseId);
  const total = [...record.documents, ...record.evidence].reduce((sum, r) => sum + r.file.sizeBytes, 0);
  if (total > maxCaseFileBytes)
    throw new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      `案卷文件合计${sizeText(total)}，超过导出上限${sizeText(maxCaseFileBytes)}，请分别下载证据文件`,
    );
  let entries: Entry[];
  try {
    entries = await storedEntries(record, filesDir);
  } catch (error) {
    // A tampered or missing file is itself a fact for the record: the refusal is audited too.
    if (error instanceof AppError)
      await inTransaction(db, (tx) =>
        recordAudit(tx, {
          actor,
          orgId: record.c.orgId,
          action: 'cases.exportCaseFileRefused',
          entityType: 'penaltyCase',
          entityId: caseId,
          after: { reason: error.message },
        }),
      );
    throw error;
  }
  const generated = [
    { path: '卷内目录.docx', bytes: await indexDocument(record, entries) },
    { path: '办理过程.txt', bytes: processText(record) },
  ];
  const checksums = textFile([
    'SHA-256 校验值（文书、证据为登记时的存储校验值，导出时已逐一核验）',
    ...[...generated, ...entries].map((e) => `${sha256Of(e.bytes)}  ${e.path}`),
  ]);
  const zip = new JSZip();
  for (const e of [...generated, ...entries]) zip.file(e.path, e.bytes, { compression: 'DEFLATE' });
  zip.file('校验.txt', checksums, { compression: 'DEFLATE' });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compressionOptions: { level: 6 } });
  await inTransaction(db, (tx) =>
    recordAudit(tx, {
      actor,
      orgId: record.c.orgId,
      action: 'cases.exportCaseFile',
      entityType: 'penaltyCase',
      entityId: caseId,
      after: {
        files: entries.map((e) => ({ path: e.path, sha256: e.sha256 })),
        sizeBytes: buffer.length,
        sha256: sha256Of(buffer),
      },
    }),
  );
  return { fileName: `案卷-${safeEntryName(record.c.caseNumber ?? record.c.title)}.zip`, zip: buffer };
}
