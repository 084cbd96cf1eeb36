import { ApiError } from '../../../shared/platform/errors.ts';
import { DocumentNumber, DocumentNumberInput } from '../../../shared/platform/records.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { requirePermission } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { nextDocumentNumber } from './service.ts';

export function registerNumberingRoutes(app: App, ctx: RouteContext): void {
  app.post(
    '/api/document-numbers',
    {
      schema: {
        tags: ['文书编号'],
        summary: '为本机构取下一个文号（连续、不重号）',
        body: DocumentNumberInput,
        response: { 200: DocumentNumber, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'documents.number');
      return inTransaction(ctx.db, async (tx) => {
        const issued = await nextDocumentNumber(tx, { orgId: actor.orgId, ...request.body });
        await recordAudit(tx, {
          actor,
          orgId: actor.orgId,
          action: 'documents.issueNumber',
          entityType: 'documentNumber',
          entityId: issued.text,
          after: issued,
        });
        return issued;
      });
    },
  );
}
