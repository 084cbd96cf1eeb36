import { ChangePasswordInput, LoginInput, MeResponse } from '../../../shared/platform/auth.ts';
import { ApiError } from '../../../shared/platform/errors.ts';
import { Ok } from '../../../shared/platform/pagination.ts';
import { type App, type RouteContext, clientAddress, requireActor } from '../http.ts';
import { actorForUser, changePassword, describeMe, login, logout, sessionCookieName } from './service.ts';

const tags = ['认证'];

export function registerAuthRoutes(app: App, ctx: RouteContext): void {
  const sessionSettings = {
    idleMinutes: ctx.config.sessionIdleMinutes,
    absoluteHours: ctx.config.sessionAbsoluteHours,
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '登录',
        body: LoginInput,
        response: { 200: MeResponse, 401: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const session = await login(
        ctx.db,
        { ...request.body, ip: clientAddress(request), userAgent: request.headers['user-agent'] ?? null },
        sessionSettings,
      );
      reply.setCookie(sessionCookieName, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        // The cookie outlives the idle window; the server decides when the session ends.
        maxAge: ctx.config.sessionAbsoluteHours * 3600,
      });
      const actor = await actorForUser(ctx.db, session.userId);
      return { user: await describeMe(ctx.db, actor!) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录', response: { 200: Ok } } },
    async (request, reply) => {
      if (request.sessionToken) await logout(ctx.db, request.sessionToken, request.actor);
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: '当前用户', response: { 200: MeResponse, 401: ApiError } } },
    async (request) => {
      return { user: await describeMe(ctx.db, requireActor(request)) };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改密码',
        body: ChangePasswordInput,
        response: { 200: Ok, 400: ApiError, 401: ApiError },
      },
    },
    async (request) => {
      await changePassword(ctx.db, requireActor(request), request.body, request.sessionToken!);
      return { ok: true as const };
    },
  );
}
