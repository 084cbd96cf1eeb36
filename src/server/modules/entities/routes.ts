import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams, pageOf } from '../../../shared/platform/pagination.ts';
import {
  Entity,
  EntityImportJob,
  EntityInput,
  EntityListQuery,
  ImportJobListQuery,
  StartEntityImportInput,
  UpdateEntityInput,
} from '../../../shared/entities/payloads.ts';
import { type App, type RouteContext, noStore, requireActor } from '../../platform/http.ts';
import { createEntity, getEntity, listEntities, updateEntity } from './service.ts';
import {
  getImportJob,
  listImportJobs,
  rejectionReport,
  startEntityImport,
  waitForEntityImports,
} from './import-job.ts';

const tags = ['检查对象名录库'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 415: ApiError };

export function registerEntityRoutes(app: App, ctx: RouteContext): void {
  // A closing app lets running imports finish (or fail) before the database goes away.
  app.addHook('onClose', () => waitForEntityImports());

  app.get(
    '/api/entities',
    {
      schema: {
        tags,
        summary: '检查对象列表（本机构及下级；可按类别、风险、信用、状态、区划筛选，按名称或代码查找）',
        querystring: EntityListQuery,
        response: { 200: pageOf(Entity), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listEntities(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    '/api/entities',
    {
      schema: {
        tags,
        summary: '登记检查对象（本机构）',
        body: EntityInput,
        response: { 200: Entity, ...errors },
      },
    },
    async (request) => createEntity(ctx.db, requireActor(request), request.body),
  );
  app.post(
    '/api/entities/imports',
    {
      schema: {
        tags,
        summary: '导入检查对象（先上传 CSV 或 .xlsx 文件，再以文件编号开始导入；按统一社会信用代码更新）',
        body: StartEntityImportInput,
        response: { 200: EntityImportJob, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { job, done } = await startEntityImport(ctx.db, actor, ctx.config.filesDir, request.body.fileId);
      // The import runs on; its outcome is on the job row, which the page polls.
      void done.catch((err: unknown) => request.log.error({ err }, 'entity import crashed'));
      return job;
    },
  );
  app.get(
    '/api/entities/imports',
    {
      schema: {
        tags,
        summary: '导入记录（本机构及下级）',
        querystring: ImportJobListQuery,
        response: { 200: pageOf(EntityImportJob), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listImportJobs(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.get(
    '/api/entities/imports/:id',
    {
      schema: { tags, summary: '导入进度', params: IdParams, response: { 200: EntityImportJob, ...errors } },
    },
    async (request, reply) => {
      noStore(reply);
      return getImportJob(ctx.db, requireActor(request), request.params.id);
    },
  );
  app.get(
    '/api/entities/imports/:id/rejections',
    {
      schema: { tags, summary: '下载未导入行及原因（CSV）', params: IdParams, response: { ...errors } },
    },
    async (request, reply) => {
      const report = await rejectionReport(ctx.db, requireActor(request), request.params.id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(report.fileName)}`)
        .header('cache-control', 'private, no-store');
      // A CSV stream, not JSON: the 4xx schemas above still describe the error bodies.
      return reply.send(report.stream as never);
    },
  );
  app.get(
    '/api/entities/:id',
    { schema: { tags, summary: '检查对象详情', params: IdParams, response: { 200: Entity, ...errors } } },
    async (request) => getEntity(ctx.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/api/entities/:id',
    {
      schema: {
        tags,
        summary: '修改检查对象（统一社会信用代码不可修改）',
        params: IdParams,
        body: UpdateEntityInput,
        response: { 200: Entity, ...errors },
      },
    },
    async (request) => updateEntity(ctx.db, requireActor(request), request.params.id, request.body),
  );
}
