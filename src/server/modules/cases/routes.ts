import { z } from 'zod';
import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams, IsoDate, pageOf } from '../../../shared/platform/pagination.ts';
import {
  CaseDetail,
  CaseDocument,
  CaseEvidence,
  CaseListQuery,
  CaseSummary,
  CreateCaseInput,
  CreateSimpleCaseInput,
  GenerateDocumentParams,
} from '../../../shared/cases/records.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type App, type RouteContext, requireActor } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { storeUpload } from '../../platform/files/service.ts';
import { createCase, getCase, listCases, requireCase } from './service.ts';
import { createSimpleCase } from './simple-procedure.ts';
import { generateCaseDocument } from './documents.ts';
import { caseEvidence } from './tables.ts';
import './procedures.ts';
import './metrics.ts';
import { listPublishedDecisions } from './publication.ts';
import { PublicDecisionQuery, PublishedDecision } from '../../../shared/cases/publication.ts';

const tags = ['行政处罚'];
const errors = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  413: ApiError,
  415: ApiError,
  422: ApiError,
};
const EvidenceFields = z.object({
  kind: z
    .enum(['photo', 'audio', 'video', 'document'], {
      message: '证据类型应为 photo、audio、video 或 document',
    })
    .describe('证据类型'),
  description: z.string().trim().min(2, '请填写证据说明').max(500).describe('证据说明'),
  collectedOn: IsoDate.describe('取证日期'),
});

export function registerCaseRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/public/penalty-decisions',
    {
      schema: {
        tags: ['公开'],
        summary: '行政处罚决定公示（无需登录；自然人信息已隐去）',
        querystring: PublicDecisionQuery,
        response: { 200: pageOf(PublishedDecision), 400: ApiError },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listPublishedDecisions(ctx.db, request.query)), page, pageSize };
    },
  );
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '案件列表（分页，本机构及下级）',
        querystring: CaseListQuery,
        response: { 200: pageOf(CaseSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listCases(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '登记案件线索',
        body: CreateCaseInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (request) => createCase(ctx.db, requireActor(request), request.body),
  );
  app.post(
    '/api/cases/simple',
    {
      schema: {
        tags,
        summary: '简易程序：登记当场作出的行政处罚决定',
        body: CreateSimpleCaseInput,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (request) => createSimpleCase(ctx.db, requireActor(request), ctx.config.filesDir, request.body),
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: '案件详情', params: IdParams, response: { 200: CaseDetail, ...errors } } },
    async (request) => getCase(ctx.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/cases/:id/documents/:kind',
    {
      schema: {
        tags,
        summary: '依据案件数据生成文书（.docx，编号文书取文号）',
        params: GenerateDocumentParams,
        response: { 200: CaseDocument, ...errors },
      },
    },
    async (request) =>
      generateCaseDocument(
        ctx.db,
        requireActor(request),
        ctx.config.filesDir,
        request.params.id,
        request.params.kind,
      ),
  );
  app.post(
    '/api/cases/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传证据（multipart：kind、description、collectedOn、file）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: CaseEvidence, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const current = await requireCase(ctx.db, actor, request.params.id, { write: true });
      if (!request.isMultipart())
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '上传证据请使用 multipart/form-data', [
          { path: 'file', message: '缺少文件' },
        ]);
      const part = await request.file();
      if (!part)
        throw new AppError(400, 'VALIDATION', '请选择证据文件', [{ path: 'file', message: '缺少文件' }]);
      // The text fields must precede the file in the form, so they are known before the bytes are stored.
      const fields = EvidenceFields.safeParse(
        Object.fromEntries(
          Object.entries(part.fields).flatMap(([k, v]) => (v && 'value' in v ? [[k, v.value]] : [])),
        ),
      );
      if (!fields.success) {
        part.file.resume();
        const issues = fields.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(400, 'VALIDATION', `证据信息有误：${issues[0]!.message}`, issues);
      }
      const file = await storeUpload(
        ctx.db,
        actor,
        ctx.config.filesDir,
        { fileName: part.filename, stream: part.file },
        { orgId: current.orgId },
      );
      const row = await inTransaction(ctx.db, async (tx) => {
        const [inserted] = await tx
          .insert(caseEvidence)
          .values({
            caseId: current.id,
            orgId: current.orgId,
            fileId: file.id,
            kind: fields.data.kind,
            description: fields.data.description,
            collectedOn: fields.data.collectedOn,
            createdBy: actor.userId,
          })
          .returning();
        await recordAudit(tx, {
          actor,
          orgId: current.orgId,
          action: 'cases.addEvidence',
          entityType: 'penaltyCase',
          entityId: current.id,
          after: { ...fields.data, fileId: file.id, sha256: file.sha256 },
        });
        return inserted!;
      });
      return {
        id: row.id,
        kind: row.kind,
        description: row.description,
        fileId: file.id,
        fileName: file.fileName,
        sha256: file.sha256,
        collectedOn: row.collectedOn,
        createdByName: actor.displayName,
      };
    },
  );
}
