import { z } from 'zod';

/** The one error envelope every route answers with (400/401/403/404/409/413/415/422/429). */
export const ApiError = z.object({
  error: z.object({
    code: z.string().describe('机器可读的错误代码，如 VALIDATION、NOT_FOUND'),
    message: z.string().describe('中文错误说明'),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('出错的字段及其中文说明'),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export type ApiErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL';
