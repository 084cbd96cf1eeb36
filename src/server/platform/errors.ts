import type { ApiErrorCode } from '../../shared/platform/errors.ts';

export type FieldError = { path: string; message: string };

/** The one error type: services throw it, the app's error handler turns it into the JSON envelope. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
/** A field the schema accepted but the rules refuse; the message names the problem in words a user reads. */
export const invalidField = (path: string, message: string) =>
  new AppError(400, 'VALIDATION', message, [{ path, message }]);
export const unprocessable = (message: string, fields?: FieldError[]) =>
  new AppError(422, 'UNPROCESSABLE', message, fields);
