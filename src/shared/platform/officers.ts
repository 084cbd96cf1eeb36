import { z } from 'zod';
import { Id, IsoDate, PageQuery } from './pagination.ts';

export const certificateStatuses = ['valid', 'suspended', 'revoked'] as const;
export const certificateStatusLabels = { valid: '有效', suspended: '暂扣', revoked: '注销' } as const;

/** Why an officer may not enforce on a date; null when eligible. */
export const Ineligibility = z.enum([
  'noCertificate',
  'notYetValid',
  'expired',
  'suspended',
  'revoked',
  'reviewOverdue',
]);
export type Ineligibility = z.infer<typeof Ineligibility>;
export const ineligibilityLabels: Record<Ineligibility, string> = {
  noCertificate: '未持有行政执法证',
  notYetValid: '执法证尚未生效',
  expired: '执法证已过期',
  suspended: '执法证已暂扣',
  revoked: '执法证已注销',
  reviewOverdue: '执法证未按期年审',
};

export const Certificate = z.object({
  id: z.string(),
  userId: z.string(),
  orgId: z.string(),
  certificateNumber: z.string(),
  issuingBody: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(certificateStatuses),
  lawAreas: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

export const OfficerSummary = z.object({
  userId: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  certificate: Certificate.nullable(),
  lastReviewOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  trainingHoursThisYear: z.number(),
  expiresInDays: z.number().nullable(),
  ineligibility: Ineligibility.nullable(),
});
export type OfficerSummary = z.infer<typeof OfficerSummary>;

export const OfficerListQuery = PageQuery.extend({
  orgId: Id.optional(),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('只看该天数内到期（含已过期）'),
  q: z.string().trim().max(50).optional(),
});

export const OfficerDetail = OfficerSummary.extend({
  reviews: z.array(
    z.object({ id: z.string(), reviewedOn: z.string(), passed: z.boolean(), note: z.string().nullable() }),
  ),
  trainings: z.array(
    z.object({ id: z.string(), trainedOn: z.string(), course: z.string(), hours: z.number() }),
  ),
  exams: z.array(
    z.object({
      id: z.string(),
      takenOn: z.string(),
      subject: z.string(),
      score: z.number(),
      passed: z.boolean(),
    }),
  ),
});
export type OfficerDetail = z.infer<typeof OfficerDetail>;

export const IssueCertificateInput = z
  .object({
    certificateNumber: z.string().trim().min(4, '执法证号至少4位').max(32, '执法证号不超过32位'),
    issuingBody: z.string().trim().min(2, '请填写发证机关').max(64),
    validFrom: IsoDate,
    validUntil: IsoDate,
    lawAreas: z.string().trim().max(200).nullable().optional().describe('执法领域'),
  })
  .refine((v) => v.validUntil > v.validFrom, { path: ['validUntil'], message: '有效期止应晚于有效期起' });
export type IssueCertificateInput = z.infer<typeof IssueCertificateInput>;

export const UpdateCertificateStatusInput = z.object({
  status: z.enum(certificateStatuses, { message: '状态应为 valid、suspended 或 revoked' }),
  reason: z.string().trim().min(2, '请填写原因').max(200),
});

export const RecordReviewInput = z.object({
  reviewedOn: IsoDate,
  passed: z.boolean({ message: '请填写年审是否通过' }),
  note: z.string().trim().max(200).nullable().optional(),
});
export const RecordTrainingInput = z.object({
  trainedOn: IsoDate,
  course: z.string().trim().min(2, '请填写培训内容').max(100),
  hours: z.number({ message: '学时应为数字' }).positive('学时应大于0').max(200, '单次学时不超过200'),
});
export const RecordExamInput = z.object({
  takenOn: IsoDate,
  subject: z.string().trim().min(2, '请填写考试科目').max(100),
  score: z.number({ message: '成绩应为数字' }).min(0, '成绩不能为负').max(100, '成绩不超过100'),
  passed: z.boolean({ message: '请填写是否合格' }),
});

export const EligibleOfficersQuery = z.object({ orgId: Id, date: IsoDate });
export const EligibleOfficers = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      certificateNumber: z.string(),
      validUntil: z.string(),
    }),
  ),
});
