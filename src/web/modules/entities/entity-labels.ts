import {
  creditLevelLabels,
  entityCategories,
  entityStatusLabels,
  riskLevelLabels,
} from '../../../shared/entities/payloads.ts';

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const categoryOptions = entityCategories.map((c) => ({ value: c, label: c }));
export const riskOptions = optionsOf(riskLevelLabels);
export const creditOptions = optionsOf(creditLevelLabels);
export const statusOptions = optionsOf(entityStatusLabels);

/** The label of a coded value, '未评定' for null. */
export function labelOf(labels: Record<string, string>, value: string | null): string {
  if (value === null) return '未评定';
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}
