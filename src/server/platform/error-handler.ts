import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiError } from '../../shared/platform/errors.ts';
import { AppError } from './errors.ts';

const sectionLabels: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

// Fastify's own 4xx errors, in words a user can act on.
const fastifyMessages: Record<string, [number, ApiError['error']['code'], string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION', '请求内容为空，应为 JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION', '请求内容不是有效的 JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', '请求内容过大'],
  FST_REQ_FILE_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', '文件超过大小上限'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '上传文件请使用 multipart/form-data'],
  FST_FILES_LIMIT: [413, 'PAYLOAD_TOO_LARGE', '一次只能上传一个文件'],
  FST_PARTS_LIMIT: [413, 'PAYLOAD_TOO_LARGE', '表单字段过多'],
};

function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The Chinese label of a field: the `.describe()` text of its zod schema, when there is one. */
function fieldLabel(schema: unknown, path: string): string | undefined {
  let node = schema as
    | { shape?: Record<string, unknown>; element?: unknown; unwrap?: () => unknown; description?: string }
    | undefined;
  for (const segment of path.split('.')) {
    while (node && !node.shape && !node.element && typeof node.unwrap === 'function')
      node = node.unwrap() as typeof node;
    if (!node) return undefined;
    node = (/^\d+$/.test(segment) ? node.element : node.shape?.[segment]) as typeof node;
  }
  return node?.description;
}

export function sendError(reply: FastifyReply, status: number, body: ApiError['error']): FastifyReply {
  return reply.status(status).send({ error: body } satisfies ApiError);
}

/** Every error leaves as `{error: {code, message, fields?}}` in Chinese; nothing leaks a stack trace. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    return sendError(reply, error.statusCode, {
      code: error.code,
      message: error.message,
      fields: error.fields,
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? '';
    const section = sectionLabels[context] ?? '请求';
    const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context];
    const fields = error.validation.map((v) => ({
      path: (v.instancePath || '/').replace(/^\//, '').replaceAll('/', '.') || '(整体)',
      message: v.message ?? '格式不正确',
    }));
    const first = fields[0];
    const message = first
      ? `${section}有误：${fieldLabel(schema, first.path) ?? first.path} ${first.message}`
      : `${section}有误`;
    return sendError(reply, 400, { code: 'VALIDATION', message, fields });
  }
  const known = error.code ? fastifyMessages[error.code] : undefined;
  // A body that is not JSON at all is wrong as a whole: every VALIDATION error names a path.
  if (known)
    return sendError(reply, known[0], {
      code: known[1],
      message: known[2],
      fields: known[1] === 'VALIDATION' ? [{ path: '(整体)', message: known[2] }] : undefined,
    });
  const pgCode = pgErrorCode(error);
  if (pgCode === '23505')
    return sendError(reply, 409, { code: 'CONFLICT', message: '记录已存在（唯一性冲突）' });
  if (pgCode === '23503')
    return sendError(reply, 409, { code: 'CONFLICT', message: '关联的记录不存在或仍被引用' });
  if (pgCode === '40001' || pgCode === '40P01')
    return sendError(reply, 409, { code: 'CONFLICT', message: '并发冲突，请重试' });
  if (isResponseSerializationError(error))
    request.log.error({ err: error }, 'response did not match its schema');
  else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendError(reply, error.statusCode, {
      code: 'VALIDATION',
      message: '请求有误',
      fields: [{ path: '(整体)', message: '请求有误' }],
    });
  } else request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系系统管理员' });
}
