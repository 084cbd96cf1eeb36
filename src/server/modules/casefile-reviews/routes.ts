import { ApiError } from '../../../shared/platform/errors.ts';
import { IdParams, Ok, pageOf } from '../../../shared/platform/pagination.ts';
import {
  AddFilesInput,
  AddFilesResult,
  CandidateCase,
  CandidateQuery,
  CreateRoundInput,
  FileDetail,
  Rubric,
  RubricInput,
  RoundDetail,
  RoundFile,
  RoundFileQuery,
  RoundListQuery,
  RoundSummary,
  SampleInput,
  ScoreInput,
} from '../../../shared/casefile-reviews/payloads.ts';
import { type App, type RouteContext, requireActor } from '../../platform/http.ts';
import {
  addFiles,
  closeRound,
  createRound,
  getFile,
  getRound,
  getRubric,
  listCandidates,
  listRoundFiles,
  listRounds,
  removeFile,
  sampleFiles,
  saveRubric,
  scoreFile,
} from './service.ts';
import './metrics.ts';

const tags = ['案卷评查'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError };
const base = '/api/casefile-reviews';

export function registerCasefileReviewRoutes(app: App, ctx: RouteContext): void {
  app.get(
    `${base}/rubric`,
    {
      schema: {
        tags,
        summary: '本机构的案卷评查标准（尚未制定的，为默认标准）',
        response: { 200: Rubric, ...errors },
      },
    },
    async (request) => getRubric(ctx.db, requireActor(request)),
  );
  app.put(
    `${base}/rubric`,
    {
      schema: {
        tags,
        summary: '保存本机构的案卷评查标准（新版本；已开始的评查轮次沿用原标准）',
        body: RubricInput,
        response: { 200: Rubric, ...errors },
      },
    },
    async (request) => saveRubric(ctx.db, requireActor(request), request.body),
  );
  app.get(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: '评查轮次（分页，本机构及下级）',
        querystring: RoundListQuery,
        response: { 200: pageOf(RoundSummary), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listRounds(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: '新建评查轮次（复制本机构现行评查标准）',
        body: CreateRoundInput,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) => createRound(ctx.db, requireActor(request), request.body),
  );
  app.get(
    `${base}/rounds/:id`,
    {
      schema: { tags, summary: '评查轮次详情', params: IdParams, response: { 200: RoundDetail, ...errors } },
    },
    async (request) => getRound(ctx.db, requireActor(request), request.params.id),
  );
  app.post(
    `${base}/rounds/:id/close`,
    {
      schema: {
        tags,
        summary: '结束评查轮次（此后案卷与评分只读）',
        params: IdParams,
        response: { 200: RoundDetail, ...errors },
      },
    },
    async (request) => closeRound(ctx.db, requireActor(request), request.params.id),
  );
  app.get(
    `${base}/rounds/:id/files`,
    {
      schema: {
        tags,
        summary: '本轮评查的案卷（分页）',
        params: IdParams,
        querystring: RoundFileQuery,
        response: { 200: pageOf(RoundFile), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listRoundFiles(ctx.db, requireActor(request), request.params.id, request.query);
      return { ...result, page, pageSize };
    },
  );
  app.get(
    `${base}/rounds/:id/candidates`,
    {
      schema: {
        tags,
        summary: '可加入本轮的案卷：本机构及下级在评查期间内已结案（或已归档）且尚未加入的案件',
        params: IdParams,
        querystring: CandidateQuery,
        response: { 200: pageOf(CandidateCase), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listCandidates(ctx.db, requireActor(request), request.params.id, request.query);
      return { ...result, page, pageSize };
    },
  );
  app.post(
    `${base}/rounds/:id/files`,
    {
      schema: {
        tags,
        summary: '指定案卷加入本轮评查',
        params: IdParams,
        body: AddFilesInput,
        response: { 200: AddFilesResult, ...errors },
      },
    },
    async (request) => addFiles(ctx.db, requireActor(request), request.params.id, request.body.caseIds),
  );
  app.post(
    `${base}/rounds/:id/sample`,
    {
      schema: {
        tags,
        summary: '按随机种子抽取案卷（同一种子、同一批可抽案卷，结果相同）',
        params: IdParams,
        body: SampleInput,
        response: { 200: AddFilesResult, ...errors },
      },
    },
    async (request) => sampleFiles(ctx.db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    `${base}/files/:id`,
    {
      schema: {
        tags,
        summary: '评查案卷：评查标准、评分、结案前自查结果',
        params: IdParams,
        response: { 200: FileDetail, ...errors },
      },
    },
    async (request) => getFile(ctx.db, requireActor(request), request.params.id),
  );
  app.post(
    `${base}/files/:id/remove`,
    {
      schema: {
        tags,
        summary: '将未评分的案卷移出本轮评查',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => removeFile(ctx.db, requireActor(request), request.params.id),
  );
  app.put(
    `${base}/files/:id/score`,
    {
      schema: {
        tags,
        summary: '逐项评分（总分由系统计算；达到分数线方可评为优秀案卷）',
        params: IdParams,
        body: ScoreInput,
        response: { 200: FileDetail, ...errors },
      },
    },
    async (request) => scoreFile(ctx.db, requireActor(request), request.params.id, request.body),
  );
}
