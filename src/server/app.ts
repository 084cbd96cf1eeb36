import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { handleError, sendError } from './platform/error-handler.ts';
import { unauthenticated } from './platform/errors.ts';
import type { App, RouteContext } from './platform/http.ts';
import { actorFromSession, sessionCookieName } from './platform/auth/service.ts';
import { routeModules } from './routes.ts';

z.config(z.locales.zhCN());

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** The only /api routes answered without a session. */
export const publicRoutes: ReadonlySet<string> = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/openapi.json',
  // The public portal (公开): no login.
  'GET /api/public/penalty-decisions',
]);

export type BuildAppOptions = { config: Config; database: Database; logger?: boolean | object };

/** The Fastify app: plugins, the session → actor hook, the error envelope, every route, and the web app. */
export async function buildApp({ config, database, logger = false }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger,
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    // Malformed URLs (e.g. raw UTF-8 in the query) still answer with the error envelope.
    frameworkErrors: (error, _request, reply) =>
      sendError(reply, 400, {
        code: 'VALIDATION',
        message: `请求地址格式不正确（${error.code}）`,
        fields: [{ path: '(地址)', message: '请求地址含有未编码的字符或格式不正确' }],
      }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '法治 Fazhi API', version: '0.1.0', description: '卫生健康法治政府建设工作平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } } },
    },
    transform: jsonSchemaTransform,
  });

  const ctx: RouteContext = { db: database.db, dbKind: database.kind, config };
  const sessionSettings = {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  };
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName];
    if (token) {
      request.sessionToken = token;
      request.actor = await actorFromSession(ctx.db, token, sessionSettings);
    }
    // 401 before the body is parsed or validated: without a session, nothing about the input is answered.
    const route = request.routeOptions.url;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (!request.actor && route && !publicRoutes.has(`${method} ${route}`)) throw unauthenticated();
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of routeModules) register(app as App, ctx);

  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuild's new chunks are served without a restart.
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // Only page routes fall back to the app; a missing script or asset is a real 404, not HTML.
    const isPageRoute =
      request.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
    if (!isPageRoute || !fs.existsSync(path.join(webRoot, 'index.html'))) {
      return sendError(reply, 404, {
        code: 'NOT_FOUND',
        message: `资源不存在：${request.method} ${pathname}`,
      });
    }
    return reply.sendFile('index.html');
  });
  return app as App;
}
