import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { CreateSimpleCaseInput } from '../../../shared/cases/records.ts';
import {
  onSpotCaseTitle,
  onSpotFineHelp,
  onSpotFineLimitYuan,
  toCreateSimpleCaseInput,
  type OnSpotValues,
} from './on-spot-penalty.ts';

const officerIds = ['7d0c5a52-6f0e-4b7a-9a43-6c1f1f0b2a01', '7d0c5a52-6f0e-4b7a-9a43-6c1f1f0b2a02'];
const values: OnSpotValues = {
  party: {
    kind: 'organisation',
    name: ' 东川县某美容店 ',
    idType: 'residentIdCard',
    uscc: '91110108551385082q',
    legalRepresentative: '钱某',
    address: '东川县新华路2号',
  },
  title: '东川县某美容店未公示卫生许可证案',
  facts: '当事人未在经营场所醒目位置公示卫生许可证。',
  penaltyKinds: ['warning', 'fine'],
  fineFen: 150.5,
  decidedOn: dayjs('2026-11-23'),
  place: '东川县新华路2号',
  officerIds,
};

describe('on-the-spot penalty (简易程序)', () => {
  it('names 第五十一条 limits from legal-rules: 200元 for a person, 3000元 for an organisation', () => {
    expect(onSpotFineLimitYuan('person')).toBe(200);
    expect(onSpotFineLimitYuan('organisation')).toBe(3000);
    expect(onSpotFineHelp('person')).toContain('对公民当场罚款不超过200元');
    expect(onSpotFineHelp('organisation')).toContain('对法人或者其他组织当场罚款不超过3000元');
  });

  it('sends the fine in fen, the date as YYYY-MM-DD, and a body the server schema accepts', () => {
    const body = toCreateSimpleCaseInput(values);
    expect(body.fineFen).toBe(15_050);
    expect(body.decidedOn).toBe('2026-11-23');
    expect(body.party).toMatchObject({
      kind: 'organisation',
      name: '东川县某美容店',
      uscc: '91110108551385082Q',
    });
    expect(CreateSimpleCaseInput.safeParse(body).success).toBe(true);
  });

  it('leaves a typed fine out when only a warning is chosen', () => {
    const body = toCreateSimpleCaseInput({ ...values, penaltyKinds: ['warning'] });
    expect(body).not.toHaveProperty('fineFen');
  });

  it('names the case after the party and the violation, without a doubled 案', () => {
    expect(onSpotCaseTitle('王某某', '未取得健康合格证明从事公共场所服务工作')).toBe(
      '王某某未取得健康合格证明从事公共场所服务工作案',
    );
    expect(onSpotCaseTitle(undefined, '某违法行为案')).toBe('某违法行为案');
  });
});
