import { ApiError } from '../../../shared/platform/errors.ts';
import { pageOf } from '../../../shared/platform/pagination.ts';
import { ImportCatalogInput, ImportResult } from '../../../shared/cases/catalogs.ts';
import { catalogTextOf } from '../../platform/spreadsheets/sheet-to-csv.ts';
import { InspectionItemListQuery, InspectionItemSummary } from '../../../shared/inspections/items.ts';
import { type App, type RouteContext, requireActor } from '../../platform/http.ts';
import { importInspectionItems, listInspectionItems } from './items.ts';

const tags = ['检查事项清单'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export function registerInspectionItemRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/inspection-items',
    {
      schema: {
        tags,
        summary: '适用于本机构的检查事项（本机构及上级机构采用的清单）',
        querystring: InspectionItemListQuery,
        response: { 200: pageOf(InspectionItemSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listInspectionItems(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    '/api/inspection-items/import',
    {
      schema: {
        tags,
        summary: '导入检查事项清单（CSV 或 Excel，按 random_inspection_items.csv 的列）',
        body: ImportCatalogInput,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return importInspectionItems(ctx.db, actor, actor.orgId, await catalogTextOf(request.body));
    },
  );
}
