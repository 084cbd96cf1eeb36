import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.number().int().nullable(),
});

export const StoredFile = z.object({
  id: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  orgId: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const DocumentNumberInput = z.object({
  documentType: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9.-]{1,47}$/, '文书类型代码为2-48位字母数字')
    .describe('文书类型代码，如 penaltyDecision'),
  year: z.number().int().min(2000, '年份不早于2000').max(2100, '年份不晚于2100'),
});
export const DocumentNumber = z.object({
  orgId: z.string(),
  documentType: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  text: z.string().describe('完整文号，如 X卫罚〔2026〕12号'),
});
