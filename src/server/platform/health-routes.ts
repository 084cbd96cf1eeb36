import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, RouteContext } from './http.ts';

export function registerHealthRoutes(app: App, ctx: RouteContext): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: ctx.dbKind };
    },
  );
}
