// Reads an action's zod input schema into the fields of its form, and turns the form values back into input.
import { z } from 'zod';
import dayjs, { type Dayjs } from 'dayjs';
import { optionLabel } from './case-labels.ts';

type Base = {
  /** The key in the input object. */
  name: string;
  label: string;
  required: boolean;
  /** The field's own schema (without optional/nullable/default), for validating one value. */
  schema: z.ZodType;
};

export type ActionField =
  | (Base & { kind: 'text'; multiline: boolean; maxLength?: number })
  | (Base & { kind: 'date' })
  /** `unit: 'fen'`: the input wants integer fen (分), the form asks for yuan (元) with two decimals. */
  | (Base & { kind: 'number'; integer: boolean; min?: number; max?: number; unit?: 'fen' })
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'enum'; multiple: boolean; options: { value: string; label: string }[] })
  | (Base & { kind: 'officers'; multiple: boolean; minItems?: number })
  /** A list of short texts typed one by one (参加人员的姓名). */
  | (Base & { kind: 'list'; minItems?: number });

export type ActionFieldKind = ActionField['kind'];

/** Strips optional/nullable/default wrappers, collecting the first description met on the way down. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; description?: string } {
  let current: z.ZodType = schema;
  let optional = false;
  let description = current.description;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else {
      break;
    }
    description ??= current.description;
  }
  return { inner: current, optional, description };
}

/** A string schema that takes 'YYYY-MM-DD' and nothing else (IsoDate with its label). */
function isDateString(schema: z.ZodString): boolean {
  return (
    schema.format === 'regex' &&
    schema.safeParse('2024-03-01').success &&
    !schema.safeParse('2024-03-01 x').success &&
    !schema.safeParse('x').success
  );
}

function isUuidString(schema: z.ZodType): boolean {
  return schema instanceof z.ZodString && schema.format === 'uuid';
}

/** Id fields that name officers (承办人员, 执法人员, 听证主持人) are picked from the eligible officers. */
function namesOfficers(name: string): boolean {
  return /officerids?$/i.test(name);
}

/** The `.min(n)` of an array schema (zod keeps it among the checks, not in the schema's bag). */
function minLength(schema: z.ZodArray): number | undefined {
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: unknown };
    if (def.check === 'min_length' && typeof def.minimum === 'number') return def.minimum;
  }
  return undefined;
}

function describeField(name: string, schema: z.ZodType): ActionField | undefined {
  const { inner, optional, description } = unwrap(schema);
  const base = { name, required: !optional, schema: inner };
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType);
    const label = description ?? element.description ?? name;
    const minItems = minLength(inner);
    if (element.inner instanceof z.ZodEnum) {
      return { ...base, label, kind: 'enum', multiple: true, options: enumOptions(element.inner) };
    }
    if (isUuidString(element.inner)) {
      return namesOfficers(name) ? { ...base, label, kind: 'officers', multiple: true, minItems } : undefined;
    }
    if (element.inner instanceof z.ZodString) return { ...base, label, kind: 'list', minItems };
    return undefined;
  }
  const label = description ?? name;
  if (inner instanceof z.ZodEnum)
    return { ...base, label, kind: 'enum', multiple: false, options: enumOptions(inner) };
  if (inner instanceof z.ZodBoolean) return { ...base, label, kind: 'boolean' };
  if (inner instanceof z.ZodNumber) {
    const min = inner.minValue ?? undefined;
    const max = inner.maxValue ?? undefined;
    const inFen = /Fen$/.test(name);
    const scale = inFen ? 100 : 1;
    return {
      ...base,
      label: inFen ? label.replace('（分）', '（元）') : label,
      kind: 'number',
      integer: inner.isInt && !inFen,
      min: min !== undefined && Number.isFinite(min) ? min / scale : undefined,
      max: max !== undefined && Number.isFinite(max) && max < 1e9 ? max / scale : undefined,
      unit: inFen ? 'fen' : undefined,
    };
  }
  if (inner instanceof z.ZodString) {
    if (isDateString(inner)) return { ...base, label, kind: 'date' };
    if (isUuidString(inner)) {
      if (namesOfficers(name)) return { ...base, label, kind: 'officers', multiple: false };
      // A link to another record (来源记录) cannot be typed by hand; the server fills it when it has one.
      return optional ? undefined : { ...base, label, kind: 'text', multiline: false };
    }
    const maxLength = inner.maxLength ?? undefined;
    return { ...base, label, kind: 'text', multiline: maxLength === undefined || maxLength > 200, maxLength };
  }
  return undefined;
}

function enumOptions(schema: z.ZodEnum): { value: string; label: string }[] {
  return schema.options.map((value) => ({ value: String(value), label: optionLabel(String(value)) }));
}

/** The fields of an action's input form, in the schema's order; none when the action takes no input. */
export function actionFields(schema: z.ZodType | undefined): ActionField[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape).flatMap(([name, field]) => describeField(name, field) ?? []);
}

/** What a form control holds for a field: Dayjs for dates, arrays for multiple selects. */
export type FieldValue = string | number | boolean | Dayjs | string[] | null | undefined;

/** One form value as the schema wants it: 'YYYY-MM-DD' dates, trimmed text; blanks left out. */
export function toInputValue(field: ActionField, value: FieldValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (field.kind === 'date') return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
  if (field.kind === 'number' && field.unit === 'fen' && typeof value === 'number')
    return Math.round(value * 100);
  if (field.kind === 'list' && Array.isArray(value)) {
    const items = value.map((item) => item.trim()).filter(Boolean);
    return items.length > 0 || field.required ? items : undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value) && value.length === 0 && !field.required) return undefined;
  return value;
}

/** The `input` object of an action from its form values. */
export function toActionInput(
  fields: ActionField[],
  values: Record<string, FieldValue>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = toInputValue(field, values[field.name]);
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}

/** Starting values: today for dates, off for switches, and what the case already knows (`known`). */
export function initialActionValues(
  fields: ActionField[],
  known: Record<string, unknown>,
  today: Dayjs = dayjs(),
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const value = known[field.name];
    if (field.kind === 'date') values[field.name] = today;
    else if (field.kind === 'boolean') values[field.name] = typeof value === 'boolean' ? value : false;
    else if (field.kind === 'text' && typeof value === 'string') values[field.name] = value;
    else if (field.kind === 'enum' && !field.multiple && typeof value === 'string') {
      if (field.options.some((option) => option.value === value)) values[field.name] = value;
    } else if (field.kind === 'officers' && field.multiple && Array.isArray(value)) {
      values[field.name] = value.filter((item): item is string => typeof item === 'string');
    }
  }
  return values;
}

/** The first Chinese message of a field's own check, or undefined when the value passes. */
export function checkFieldValue(field: ActionField, value: FieldValue): string | undefined {
  const converted = toInputValue(field, value);
  if (converted === undefined) return undefined; // `required` has its own message
  const result = field.schema.safeParse(converted);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** Zod issues of the whole input as form errors under `prefix` (the form keeps the input under 'input'). */
export function issuesToFieldErrors<P extends string>(
  error: z.ZodError,
  prefix: P,
): { name: [P, string]; errors: string[] }[] {
  const byName = new Map<string, { name: [P, string]; errors: string[] }>();
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    const entry = byName.get(key) ?? { name: [prefix, key], errors: [] };
    entry.errors.push(issue.message);
    byName.set(key, entry);
  }
  return [...byName.values()];
}
