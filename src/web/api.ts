import type { ApiError } from '../shared/platform/errors.ts';
import type { StoredFile } from '../shared/platform/records.ts';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;
export type FieldError = { path: string; message: string };

/** A page of a server-paginated list (`pageOf` in shared/platform/pagination.ts). */
/** `totalIsLowerBound`: the server stopped counting at `total` (there are more; the user should filter). */
export type Page<T> = {
  items: T[];
  total: number;
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
};

/** Every failed request ends here: the server's error envelope, or a synthesised one for network failures. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** The Chinese text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

type RequestOptions = {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** false for calls where 401 is an expected answer (login, session probe). */
  redirectOnUnauthenticated?: boolean;
};

let onUnauthenticated: () => void = () => {
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
};

/** The auth provider replaces the default full-page redirect with a router navigation. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** `/users` → `/api/users?…`; empty and undefined query values are left out. */
export function apiUrl(path: string, query?: Query): string {
  const url = `/api${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function parseError(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<ApiError>;
    if (parsed.error && typeof parsed.error.message === 'string') {
      return new ApiRequestError(
        response.status,
        parsed.error.code,
        parsed.error.message,
        parsed.error.fields ?? [],
      );
    }
  } catch {
    // Not JSON: a proxy or a crashed server answered; fall through to a generic message.
  }
  const message =
    response.status === 502 || response.status === 503 || response.status === 504
      ? '服务暂时不可用，请稍后重试'
      : `服务器返回了无法识别的响应（HTTP ${response.status}）`;
  return new ApiRequestError(response.status, response.status >= 500 ? 'INTERNAL' : 'UNKNOWN', message);
}

async function send<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
  init: RequestInit = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      signal: options.signal,
      ...init,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await parseError(response);
    if (response.status === 401 && options.redirectOnUnauthenticated !== false) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function sendJson<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const hasBody = body !== undefined;
  return send<T>(method, path, options, {
    headers: hasBody ? { 'content-type': 'application/json' } : undefined,
    body: hasBody ? JSON.stringify(body) : undefined,
  });
}

/** Typed client over the JSON API; paths are relative to `/api`. */
export const api = {
  get<T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<T> {
    return send<T>('GET', path, { ...options, query });
  },
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return sendJson<T>('POST', path, body, options);
  },
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return sendJson<T>('PATCH', path, body, options);
  },
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return sendJson<T>('PUT', path, body, options);
  },
  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return send<T>('DELETE', path, options);
  },
  /** Multipart upload in the field `file`; the browser sets the boundary header. */
  upload(file: Blob, fileName?: string, options?: RequestOptions): Promise<StoredFile> {
    const form = new FormData();
    form.append('file', file, fileName ?? (file instanceof File ? file.name : 'file'));
    return send<StoredFile>('POST', '/files', options, { body: form });
  },
};

export function fileDownloadUrl(fileId: string): string {
  return apiUrl(`/files/${encodeURIComponent(fileId)}`);
}
