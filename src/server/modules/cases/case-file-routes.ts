import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams } from '../../../shared/platform/pagination.ts';
import { SelfCheckResult } from '../../../shared/cases/case-file.ts';
import { type App, type RouteContext, requireActor } from '../../platform/http.ts';
import { exportCaseFile, selfCheckCase } from './case-file.ts';

const tags = ['行政处罚'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 413: ApiError };

/** RFC 5987 ext-value: percent-encode everything outside attr-char, including ' ( ) * that encodeURIComponent keeps. */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

export function registerCaseFileRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/cases/:id/case-file.zip',
    {
      schema: {
        tags,
        summary: '导出案卷（zip：卷内目录、文书、证据、办理过程、校验值；导出时逐一核验 SHA-256）',
        params: IdParams,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, zip } = await exportCaseFile(
        ctx.db,
        requireActor(request),
        ctx.config.filesDir,
        request.params.id,
      );
      reply
        .header('content-type', 'application/zip')
        .header('content-length', zip.length)
        .header(
          'content-disposition',
          `attachment; filename="case-file.zip"; filename*=UTF-8''${rfc5987(fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      // Bytes, not JSON: the 4xx schemas above still describe the error bodies.
      return reply.send(zip as never);
    },
  );
  app.get(
    '/api/cases/:id/self-check',
    {
      schema: {
        tags,
        summary: '结案前自查（文书、期限、执法资格、法制审核、集体讨论、送达）',
        params: IdParams,
        response: { 200: SelfCheckResult, ...errors },
      },
    },
    async (request) => selfCheckCase(ctx.db, requireActor(request), request.params.id),
  );
}
