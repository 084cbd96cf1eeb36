import { z } from 'zod';
import { ApiError } from '../../../shared/platform/errors.ts';
import { Id, pageOf } from '../../../shared/platform/pagination.ts';
import {
  Certificate,
  EligibleOfficers,
  EligibleOfficersQuery,
  IssueCertificateInput,
  OfficerDetail,
  OfficerListQuery,
  OfficerSummary,
  RecordExamInput,
  RecordReviewInput,
  RecordTrainingInput,
  UpdateCertificateStatusInput,
} from '../../../shared/platform/officers.ts';
import { type App, type RouteContext, requireActor } from '../http.ts';
import { authorize, requirePermission } from '../access/actor.ts';
import { findOrgOwner } from '../orgs/service.ts';
import { eligibleOfficers } from './enforcement.ts';
import {
  addOfficerRecord,
  getOfficer,
  issueCertificate,
  listOfficers,
  setCertificateStatus,
} from './service.ts';

const tags = ['执法人员'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const UserParams = z.object({ userId: Id });
const Created = z.object({ id: z.string() });

export function registerOfficerRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/officers',
    {
      schema: {
        tags,
        summary: '执法人员与执法证（分页）',
        querystring: OfficerListQuery,
        response: { 200: pageOf(OfficerSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listOfficers(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.get(
    '/api/officers/eligible',
    {
      schema: {
        tags,
        summary: '某机构在某日可执法的人员（持有效执法证）',
        querystring: EligibleOfficersQuery,
        response: { 200: EligibleOfficers, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'officers.read');
      const owner = await findOrgOwner(ctx.db, request.query.orgId);
      authorize(actor, owner, { what: '机构' });
      return {
        date: request.query.date,
        items: await eligibleOfficers(ctx.db, owner.orgPath, request.query.date),
      };
    },
  );
  app.get(
    '/api/officers/:userId',
    {
      schema: {
        tags,
        summary: '执法人员档案',
        params: UserParams,
        response: { 200: OfficerDetail, ...errors },
      },
    },
    async (request) => getOfficer(ctx.db, requireActor(request), request.params.userId),
  );
  app.post(
    '/api/officers/:userId/certificates',
    {
      schema: {
        tags,
        summary: '登记（换发）执法证',
        params: UserParams,
        body: IssueCertificateInput,
        response: { 200: Certificate, ...errors },
      },
    },
    async (request) => issueCertificate(ctx.db, requireActor(request), request.params.userId, request.body),
  );
  app.patch(
    '/api/officers/:userId/certificate/status',
    {
      schema: {
        tags,
        summary: '暂扣、注销或恢复执法证',
        params: UserParams,
        body: UpdateCertificateStatusInput,
        response: { 200: Certificate, ...errors },
      },
    },
    async (request) =>
      setCertificateStatus(ctx.db, requireActor(request), request.params.userId, request.body),
  );
  const records = [
    ['reviews', 'review', RecordReviewInput, '登记执法证年审'],
    ['trainings', 'training', RecordTrainingInput, '登记执法培训'],
    ['exams', 'exam', RecordExamInput, '登记执法考试成绩'],
  ] as const;
  for (const [path, kind, body, summary] of records) {
    app.post(
      `/api/officers/:userId/${path}`,
      { schema: { tags, summary, params: UserParams, body, response: { 200: Created, ...errors } } },
      async (request) =>
        addOfficerRecord(
          ctx.db,
          requireActor(request),
          request.params.userId,
          kind,
          request.body as Record<string, unknown>,
        ),
    );
  }
}
