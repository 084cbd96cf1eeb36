// 简易程序 (当场处罚): the thresholds shown before the officer types a fine, and the body of POST /api/cases/simple.
import type { Dayjs } from 'dayjs';
import { legalRules } from '../../../shared/law/legal-rules.ts';
import type { PartyKind } from '../../../shared/cases/parties.ts';
import type { CreateSimpleCaseInput } from '../../../shared/cases/records.ts';
import { toParty, type PartyValues } from './create-case-modal.tsx';

export const onSpotPenaltyKinds = ['warning', 'fine'] as const;
export type OnSpotPenaltyKind = (typeof onSpotPenaltyKinds)[number];

const [personLimit, organisationLimit] = legalRules['XZCF-51'].threshold;

/** 行政处罚法第五十一条: the largest fine (元) that may be decided on the spot for this kind of party. */
export function onSpotFineLimitYuan(kind: PartyKind): number {
  return kind === 'person' ? personLimit.value : organisationLimit.value;
}

/** The help text under the fine, naming the limit before the server has to refuse it. */
export function onSpotFineHelp(kind: PartyKind): string {
  const who = kind === 'person' ? '对公民' : '对法人或者其他组织';
  return `${who}当场罚款不超过${onSpotFineLimitYuan(kind)}元（行政处罚法第五十一条）；超过的应当适用普通程序。`;
}

export type OnSpotValues = {
  party: PartyValues;
  violationTypeId?: string;
  title: string;
  facts: string;
  penaltyKinds: OnSpotPenaltyKind[];
  /** 元 with two decimals; the API wants integer 分. */
  fineFen?: number | null;
  decidedOn: Dayjs;
  place: string;
  officerIds: string[];
};

/** The request body; a fine is sent only when 罚款 is chosen, in 分. The server checks the threshold. */
export function toCreateSimpleCaseInput(values: OnSpotValues): CreateSimpleCaseInput {
  const fined = values.penaltyKinds.includes('fine');
  return {
    title: values.title.trim(),
    party: toParty(values.party),
    facts: values.facts.trim(),
    penaltyKinds: values.penaltyKinds,
    ...(fined && typeof values.fineFen === 'number' ? { fineFen: Math.round(values.fineFen * 100) } : {}),
    decidedOn: values.decidedOn.format('YYYY-MM-DD'),
    place: values.place.trim(),
    officerIds: values.officerIds,
  };
}

/** 案件名称 from the violation chosen in the 裁量基准: 「当事人 + 违法行为」案. */
export function onSpotCaseTitle(partyName: string | undefined, violationTitle: string): string {
  const name = partyName?.trim() ?? '';
  const violation = violationTitle.replace(/案$/, '');
  return `${name}${violation}案`;
}
