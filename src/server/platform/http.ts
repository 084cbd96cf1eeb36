import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db, DbKind } from '../db/client.ts';
import type { Actor } from './access/actor.ts';
import { unauthenticated } from './errors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route module receives: the database and the settings. */
export type RouteContext = { db: Db; dbKind: DbKind; config: Config };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function clientAddress(request: FastifyRequest): string {
  return request.ip ?? 'unknown';
}

/** Marks responses that carry personal or case data as uncacheable by shared caches. */
export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
