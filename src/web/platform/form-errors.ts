import type { FormInstance } from 'antd';
import { errorMessage, isApiRequestError } from '../api.ts';

type NamePath = (string | number)[];

/** `days[2].date`, `days.2.date` or `/days/2/date` → ['days', 2, 'date']. */
export function pathToNamePath(path: string): NamePath {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function sameName(a: NamePath, b: NamePath): boolean {
  return a.length === b.length && a.every((segment, index) => String(segment) === String(b[index]));
}

/** The registered field whose name is the longest prefix of `path` (`roleIds.0` shows under `roleIds`). */
export function matchField(path: NamePath, registered: NamePath[]): NamePath | undefined {
  for (let length = path.length; length > 0; length -= 1) {
    const prefix = path.slice(0, length);
    const found = registered.find((name) => sameName(name, prefix));
    if (found) return found;
  }
  return undefined;
}

/**
 * Shows a server validation error under the fields it names.
 * Returns the messages that matched no field, so the caller can show them elsewhere.
 */
export function applyServerFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!isApiRequestError(error) || error.fields.length === 0) return [];
  const registered = form.getFieldsError().map((entry) => entry.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const field of error.fields) {
    const name = matchField(pathToNamePath(field.path), registered);
    if (!name) {
      unmatched.push(field.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(field.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

/**
 * Puts field errors under their fields and returns the one line to show above the form or in a toast:
 * the server's message, unless every field error already sits under its field.
 */
export function showServerErrors(form: FormInstance, error: unknown): string {
  const unmatched = applyServerFieldErrors(form, error);
  if (isApiRequestError(error) && error.fields.length > 0 && unmatched.length === 0) {
    return '提交的内容有误，请按标红处的提示修改';
  }
  return errorMessage(error);
}
