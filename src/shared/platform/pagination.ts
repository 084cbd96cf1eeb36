import { z } from 'zod';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码从1开始').default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(20).describe('每页条数'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A server-paginated list: `items` of one page and the `total` across all pages (or a lower bound of it). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** Set when counting stopped at a cap: there are more than `total` items (see countCapped). */
    totalIsLowerBound: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );

export const Id = z.string().uuid('编号格式不正确');
export const IdParams = z.object({ id: Id });
export const Ok = z.object({ ok: z.literal(true) });

/** A yes/no query parameter: 'true'/'1' or 'false'/'0' (z.coerce.boolean would read 'false' as true). */
export const QueryBoolean = z
  .enum(['true', 'false', '1', '0'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');
