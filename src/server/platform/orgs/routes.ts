import { ApiError } from '../../../shared/platform/errors.ts';
import {
  CreateOrgInput,
  CreateUserInput,
  Org,
  OrgList,
  RoleList,
  Role,
  UpdateOrgInput,
  UpdateRoleInput,
  UpdateUserInput,
  User,
  UserListQuery,
} from '../../../shared/platform/orgs.ts';
import { IdParams, pageOf } from '../../../shared/platform/pagination.ts';
import { roleIds } from '../../../shared/platform/access.ts';
import { z } from 'zod';
import { type App, type RouteContext, requireActor } from '../http.ts';
import {
  createOrg,
  createUser,
  listRoles,
  listUsers,
  listVisibleOrgs,
  updateOrg,
  updateRole,
  updateUser,
} from './service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

export function registerOrgRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/orgs',
    { schema: { tags: ['组织机构'], summary: '本机构及下级机构', response: { 200: OrgList, ...errors } } },
    async (request) => ({
      items: await listVisibleOrgs(ctx.db, requireActor(request)),
    }),
  );
  app.post(
    '/api/orgs',
    {
      schema: {
        tags: ['组织机构'],
        summary: '新建下级机构',
        body: CreateOrgInput,
        response: { 200: Org, ...errors },
      },
    },
    async (request) => createOrg(ctx.db, requireActor(request), request.body),
  );
  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags: ['组织机构'],
        summary: '修改机构',
        params: IdParams,
        body: UpdateOrgInput,
        response: { 200: Org, ...errors },
      },
    },
    async (request) => updateOrg(ctx.db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '用户列表（分页）',
        querystring: UserListQuery,
        response: { 200: pageOf(User), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listUsers(ctx.db, requireActor(request), request.query)), page, pageSize };
    },
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '新建用户',
        body: CreateUserInput,
        response: { 200: User, ...errors },
      },
    },
    async (request) => createUser(ctx.db, requireActor(request), request.body),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户'],
        summary: '修改用户',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: User, ...errors },
      },
    },
    async (request) => updateUser(ctx.db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/roles',
    { schema: { tags: ['角色权限'], summary: '角色与权限', response: { 200: RoleList, ...errors } } },
    async (request) => {
      requireActor(request);
      return listRoles(ctx.db);
    },
  );
  app.put(
    '/api/roles/:id',
    {
      schema: {
        tags: ['角色权限'],
        summary: '修改角色权限',
        params: z.object({ id: z.enum(roleIds, { message: '角色不存在' }) }),
        body: UpdateRoleInput,
        response: { 200: Role, ...errors },
      },
    },
    async (request) => updateRole(ctx.db, requireActor(request), request.params.id, request.body),
  );
}
