import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { handleError, sendError } from './platform/error-handler.ts';
import type { App, RouteContext } from './platform/http.ts';
import { actorFromSession, sessionCookieName } from './platform/auth/service.ts';
import { routeModules } from './routes.ts';

z.config(z.locales.zhCN());

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export type BuildAppOptions = { config: Config; database: Database; logger?: boolean | object };

/** The Fastify app: plugins, the session → actor hook, the error envelope, every route, and the web app. */
export async function buildApp({ config, database, logger = false }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger,
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
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
  const sessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    request.sessionToken = token;
    request.actor = await actorFromSession(ctx.db, token, sessionSettings);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const register of routeModules) register(app as App, ctx);

  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !fs.existsSync(path.join(webRoot, 'index.html'))) {
      return sendError(reply, 404, { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
  return app as App;
}
