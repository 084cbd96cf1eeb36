import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams, pageOf } from '../../../shared/platform/pagination.ts';
import {
  AdoptDiscretionInput,
  AdoptedDiscretion,
  CatalogListQuery,
  DiscretionAdvice,
  DiscretionQuery,
  ImportCatalogInput,
  ImportResult,
  MitigationListQuery,
  MitigationRuleSummary,
  UpdateMitigationRuleInput,
  UpdateViolationTypeInput,
  ViolationTypeSummary,
} from '../../../shared/cases/catalogs.ts';
import { PenaltySettingsInput, PenaltySettingsView } from '../../../shared/cases/penalty-settings.ts';
import { Id } from '../../../shared/platform/pagination.ts';
import { z } from 'zod';
import { type App, type RouteContext, requireActor } from '../../platform/http.ts';
import { catalogTextOf } from '../../platform/spreadsheets/sheet-to-csv.ts';
import { getPenaltySettings, setPenaltySettings } from './penalty-settings.ts';
import {
  adviseDiscretion,
  adoptDiscretion,
  importDiscretionCatalog,
  importMitigationCatalog,
  listMitigationRules,
  listViolationTypes,
  updateMitigationRule,
  updateViolationType,
} from './catalogs.ts';

const tags = ['裁量基准与减免清单'];

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export function registerCatalogRoutes(app: App, ctx: RouteContext): void {
  app.post(
    '/api/catalogs/violation-types/import',
    {
      schema: {
        tags,
        summary: '导入裁量基准（CSV，按 discretion_benchmarks.csv 的列）',
        body: ImportCatalogInput,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return importDiscretionCatalog(ctx.db, actor, actor.orgId, await catalogTextOf(request.body));
    },
  );
  app.get(
    '/api/catalogs/violation-types',
    {
      schema: {
        tags,
        summary: '适用于本机构的违法行为与裁量阶次',
        querystring: CatalogListQuery,
        response: { 200: pageOf(ViolationTypeSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listViolationTypes(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    '/api/catalogs/mitigation-rules/import',
    {
      schema: {
        tags,
        summary: '导入减免清单（CSV，按 mitigation_lists.csv 的列）',
        body: ImportCatalogInput,
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return importMitigationCatalog(ctx.db, actor, actor.orgId, await catalogTextOf(request.body));
    },
  );
  app.get(
    '/api/catalogs/mitigation-rules',
    {
      schema: {
        tags,
        summary: '适用于本机构的减免清单事项',
        querystring: MitigationListQuery,
        response: { 200: pageOf(MitigationRuleSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listMitigationRules(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.patch(
    '/api/catalogs/violation-types/:id',
    {
      schema: {
        tags,
        summary: '编辑本机构裁量基准中的违法行为：名称、依据与裁量阶次（罚款幅度按裁量标准重新识别）',
        params: IdParams,
        body: UpdateViolationTypeInput,
        response: { 200: ViolationTypeSummary, ...errors },
      },
    },
    async (request) => updateViolationType(ctx.db, requireActor(request), request.params.id, request.body),
  );
  app.patch(
    '/api/catalogs/mitigation-rules/:id',
    {
      schema: {
        tags,
        summary: '编辑本机构减免清单中的事项：事项、依据、适用条件，或停用该事项',
        params: IdParams,
        body: UpdateMitigationRuleInput,
        response: { 200: MitigationRuleSummary, ...errors },
      },
    },
    async (request) => updateMitigationRule(ctx.db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/cases/:id/discretion',
    {
      schema: {
        tags,
        summary: '案件的裁量建议：阶次与幅度、是否超出幅度、适用的减免情形',
        params: IdParams,
        querystring: DiscretionQuery,
        response: { 200: DiscretionAdvice, ...errors },
      },
    },
    async (request) => adviseDiscretion(ctx.db, requireActor(request), request.params.id, request.query),
  );
  app.put(
    '/api/cases/:id/discretion',
    {
      schema: {
        tags,
        summary: '采用裁量建议：阶次与幅度、超出幅度的理由（须经法制审核）、适用的减免情形',
        params: IdParams,
        body: AdoptDiscretionInput,
        response: { 200: AdoptedDiscretion, ...errors, 409: ApiError },
      },
    },
    async (request) => adoptDiscretion(ctx.db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/penalty-settings',
    {
      schema: {
        tags,
        summary: '处罚标准设置：听证较大数额与重大执法决定标准（本机构或最近上级的设置，未设置时为默认值）',
        querystring: z.object({ orgId: Id.optional().describe('机构') }),
        response: { 200: PenaltySettingsView, ...errors },
      },
    },
    async (request) => getPenaltySettings(ctx.db, requireActor(request), request.query.orgId),
  );
  app.put(
    '/api/penalty-settings',
    {
      schema: {
        tags,
        summary: '设置本机构的处罚标准（下级机构未单独设置的沿用）',
        body: PenaltySettingsInput,
        response: { 200: PenaltySettingsView, ...errors },
      },
    },
    async (request) => setPenaltySettings(ctx.db, requireActor(request), request.body),
  );
}
