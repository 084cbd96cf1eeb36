import fs from 'node:fs';
import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams } from '../../../shared/platform/pagination.ts';
import { StoredFile } from '../../../shared/platform/records.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { AppError } from '../errors.ts';
import { blobPath, findReadableFile, storeUpload } from './service.ts';

const tags = ['附件'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 413: ApiError, 415: ApiError };

export function registerFileRoutes(app: App, ctx: RouteContext): void {
  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: '上传附件（multipart/form-data，字段 file）',
        consumes: ['multipart/form-data'],
        response: { 200: StoredFile, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart())
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '上传文件请使用 multipart/form-data', [
          { path: 'file', message: '缺少文件' },
        ]);
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw new AppError(400, 'VALIDATION', '请选择要上传的文件（字段名 file）', [
          { path: 'file', message: '缺少文件' },
        ]);
      return storeUpload(ctx.db, actor, ctx.config.filesDir, { fileName: part.filename, stream: part.file });
    },
  );
  app.get(
    '/api/files/:id/meta',
    { schema: { tags, summary: '附件信息', params: IdParams, response: { 200: StoredFile, ...errors } } },
    async (request) => findReadableFile(ctx.db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/files/:id',
    { schema: { tags, summary: '下载附件', params: IdParams, response: { ...errors } } },
    async (request, reply) => {
      const file = await findReadableFile(ctx.db, requireActor(request), request.params.id);
      const blob = blobPath(ctx.config.filesDir, file.sha256);
      if (!fs.existsSync(blob)) throw new AppError(404, 'NOT_FOUND', '文件内容缺失，请联系系统管理员');
      reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store');
      // A byte stream, not JSON: the 4xx schemas above still describe the error bodies.
      return reply.send(fs.createReadStream(blob) as never);
    },
  );
}
