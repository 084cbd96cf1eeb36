// Per-organisation penalty settings (较大数额 of 第六十三条, the 重大执法决定 list) and the case flags computed
// from a 合议 proposal with them. Pure: the server loads the nearest ancestor's settings, this file decides.
import { z } from 'zod';
import { partyKinds, type PartyKind } from './parties.ts';
import type { PenaltyProposal } from './payloads.ts';
import {
  defaultHearingThresholds,
  defaultMajorDecisionCriteria,
  isHearingOffered,
  isMajorDecision,
  penaltyKinds,
  type HearingThresholds,
  type MajorDecisionCriterion,
} from './penalties.ts';

const yuanLimit = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .int(`${label}应以分为单位，为整数`)
    .positive(`${label}应大于0`)
    .max(100_000_000_000, `${label}过大`)
    .describe(label);

const AmountByPartyKind = (label: string) =>
  z.object({
    person: yuanLimit(`${label}（公民，分）`),
    organisation: yuanLimit(`${label}（法人或者其他组织，分）`),
  });

const criterionBase = {
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z][\w-]{0,39}$/, '标准编号应为字母开头的英文、数字或短横线，不超过40字')
    .describe('标准编号'),
  label: z.string().trim().min(2, '请填写标准名称').max(200, '标准名称不超过200字').describe('标准名称'),
  citation: z.string().trim().min(2, '请填写依据').max(200, '依据不超过200字').describe('依据'),
  confidence: z.enum(['V', 'S', 'U']).default('S').describe('核实程度'),
};

export const MajorDecisionCriterionInput = z.discriminatedUnion(
  'test',
  [
    z.object({
      ...criterionBase,
      test: z.literal('flag'),
      flag: z.enum(
        [
          'mayCauseMajorSocialImpact',
          'involvesMajorPublicInterest',
          'isComplex',
          'requiredByLaw',
          'hearingHeld',
        ],
        {
          message: '情形不正确',
        },
      ),
    }),
    z.object({
      ...criterionBase,
      test: z.literal('penaltyKind'),
      kinds: z.array(z.enum(penaltyKinds, { message: '处罚种类不正确' })).min(1, '至少选择一种处罚'),
    }),
    z.object({ ...criterionBase, test: z.literal('fineAtLeast'), fen: AmountByPartyKind('罚款数额') }),
    z.object({
      ...criterionBase,
      test: z.literal('confiscationAtLeast'),
      fen: AmountByPartyKind('没收金额'),
    }),
  ],
  { message: '标准类型应为 flag、penaltyKind、fineAtLeast 或 confiscationAtLeast' },
);

/** What an organisation sets; the statutory items of 第五十八条 are not part of it (see statutoryCriteria). */
export const PenaltySettingsInput = z.object({
  hearingThresholds: z
    .object({
      fineFen: AmountByPartyKind('较大数额罚款'),
      confiscationFen: AmountByPartyKind('较大数额没收'),
    })
    .describe('听证较大数额标准'),
  majorDecisionCriteria: z
    .array(MajorDecisionCriterionInput)
    .max(50, '重大执法决定标准不超过50项')
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, '标准编号不能重复')
    .describe('重大执法决定标准'),
});
export type PenaltySettingsInput = z.infer<typeof PenaltySettingsInput>;

export const PenaltySettingsView = z.object({
  orgId: z.string(),
  /** The organisation whose setting applies (this one or the nearest ancestor); null = the defaults. */
  source: z.object({ orgId: z.string(), orgName: z.string() }).nullable(),
  settings: PenaltySettingsInput,
  statutoryCriteria: z.array(z.object({ id: z.string(), label: z.string(), citation: z.string() })),
  partyKinds: z.array(z.enum(partyKinds)),
});
export type PenaltySettingsView = z.infer<typeof PenaltySettingsView>;

/**
 * 行政处罚法第五十八条第一款 binds every organisation: its four items always apply and cannot be switched off.
 * The rest of the list (国办发〔2018〕118号 and local 重大执法决定目录) is the organisation's setting.
 */
export const statutoryCriteria: readonly MajorDecisionCriterion[] = defaultMajorDecisionCriteria.filter(
  (criterion) => criterion.citation.startsWith('行政处罚法第五十八条'),
);

export const defaultPenaltySettings: PenaltySettingsInput = {
  hearingThresholds: {
    fineFen: defaultHearingThresholds.fineFen,
    confiscationFen: defaultHearingThresholds.confiscationFen,
  },
  majorDecisionCriteria: defaultMajorDecisionCriteria
    .filter((criterion) => !statutoryCriteria.includes(criterion))
    .map((criterion) => ({ ...criterion })) as PenaltySettingsInput['majorDecisionCriteria'],
};

/** The thresholds and the whole criteria list that apply under the given settings. */
export function effectiveRules(settings: PenaltySettingsInput): {
  thresholds: HearingThresholds;
  criteria: MajorDecisionCriterion[];
} {
  const isDefault = settings === defaultPenaltySettings;
  return {
    thresholds: {
      ...settings.hearingThresholds,
      confidence: isDefault ? defaultHearingThresholds.confidence : 'S',
      citation: isDefault
        ? defaultHearingThresholds.citation
        : '行政处罚法第六十三条（本机构设置的较大数额标准）',
    },
    criteria: [
      ...statutoryCriteria,
      ...settings.majorDecisionCriteria.filter((c) => !statutoryCriteria.some((s) => s.id === c.id)),
    ],
  };
}

/** Why a fine outside the 裁量基准 range sends the case to 法制审核 (the written reason is in the proposal). */
export const outOfRangeReasonLabel = '拟罚款超出裁量基准幅度（已说明理由，须经法制审核）';

export type CaseFlags = {
  hearingOffered: boolean;
  isMajor: boolean;
  majorReasons: string[];
  requiresCollectiveDeliberation: boolean;
};

/**
 * The three flags of a case from its 合议 proposal:
 * - hearingOffered: 行政处罚法第六十三条 with the organisation's 较大数额;
 * - isMajor / majorReasons: 第五十八条 and the organisation's 重大执法决定 list; a hearing held (第（二）项) and a
 *   fine outside the 裁量基准 range (the discretion rule: a written reason and 法制审核) count as well;
 * - requiresCollectiveDeliberation: 第五十七条第二款 "情节复杂或者重大违法行为给予行政处罚" — our rule: every
 *   重大执法决定 (a major violation given a heavy penalty) and every case stated to be complex (情节复杂), even
 *   where an organisation's list leaves complexity out of 重大执法决定.
 */
export function computeCaseFlags(
  facts: {
    partyKind: PartyKind;
    proposal: PenaltyProposal;
    hearingHeld: boolean;
    fineOutOfRange: boolean;
  },
  settings: PenaltySettingsInput = defaultPenaltySettings,
): CaseFlags {
  const { thresholds, criteria } = effectiveRules(settings);
  const { proposal } = facts;
  const amounts = {
    partyKind: facts.partyKind,
    penaltyKinds: proposal.penaltyKinds,
    fineFen: proposal.penaltyKinds.includes('fine') ? proposal.fineFen : undefined,
    confiscationFen: proposal.confiscationFen || undefined,
  };
  const hearingOffered = proposal.penaltyKinds.length > 0 && isHearingOffered(amounts, thresholds);
  const matched = isMajorDecision({ ...proposal, ...amounts, hearingHeld: facts.hearingHeld }, criteria);
  const majorReasons = matched.map((m) => `${m.label}（${m.citation}）`);
  if (facts.fineOutOfRange) majorReasons.push(outOfRangeReasonLabel);
  const isMajor = majorReasons.length > 0;
  return {
    hearingOffered,
    isMajor,
    majorReasons,
    requiresCollectiveDeliberation: isMajor || proposal.isComplex,
  };
}
