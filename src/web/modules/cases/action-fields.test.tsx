import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { ordinaryActionInputs, simpleActionInputs } from '../../../shared/cases/procedure.ts';
import {
  actionFields,
  checkFieldValue,
  initialActionValues,
  issuesToFieldErrors,
  toActionInput,
  type ActionField,
} from './action-fields.ts';

const summary = (fields: ActionField[]) =>
  fields.map((field) => [field.name, field.kind, field.label, field.required]);

describe('actionFields', () => {
  it('reads 登记受理线索: an enum with Chinese options, a date, a long text; the record link is hidden', () => {
    const fields = actionFields(ordinaryActionInputs.registerLead);
    expect(summary(fields)).toEqual([
      ['source', 'enum', '线索来源', true],
      ['receivedOn', 'date', '受理日期', true],
      ['summary', 'text', '线索摘要', true],
    ]);
    const source = fields[0];
    expect(source?.kind === 'enum' && source.options[0]).toEqual({ value: 'inspection', label: '监督检查' });
    const text = fields[2];
    expect(text?.kind === 'text' && text.multiline).toBe(true);
  });

  it('picks officers for id arrays and single officer ids, with the minimum count', () => {
    const file = actionFields(ordinaryActionInputs.file);
    expect(summary(file)).toEqual([
      ['cause', 'text', '案由', true],
      ['caseOfficerIds', 'officers', '承办人员', true],
    ]);
    const officers = file[1];
    expect(officers?.kind === 'officers' && [officers.multiple, officers.minItems]).toEqual([true, 2]);
    const hearing = actionFields(ordinaryActionInputs.holdHearing);
    expect(summary(hearing)).toEqual([
      ['notifiedOn', 'date', '听证通知送达日期', true],
      ['hearingDate', 'date', '听证日期', true],
      ['presidingOfficerId', 'officers', '听证主持人', true],
      ['isPublic', 'boolean', '公开举行', true],
      ['participants', 'list', '听证参加人员', true],
      ['partyArguments', 'text', '当事人陈述、申辩和质证意见', true],
      ['conclusion', 'text', '听证结论（主持人意见）', true],
    ]);
    const participants = hearing[4];
    expect(participants?.kind === 'list' && participants.minItems).toBe(2);
    expect(participants && toActionInput([participants], { participants: [' 李法审 ', '', '钱某'] })).toEqual(
      {
        participants: ['李法审', '钱某'],
      },
    );
    expect(participants && checkFieldValue(participants, ['李法审'])).toBe('听证参加人员至少2人');
  });

  it('reads optional numbers and multi-select enums, asking for money in yuan', () => {
    const decide = actionFields(ordinaryActionInputs.decide);
    expect(summary(decide)).toEqual([
      ['decidedOn', 'date', '决定日期', true],
      ['penaltyKinds', 'enum', '处罚种类', true],
      ['fineFen', 'number', '罚款数额（元）', false],
    ]);
    const fine = decide[2];
    expect(fine?.kind === 'number' && [fine.unit, fine.integer]).toEqual(['fen', false]);
    expect(
      toActionInput(decide, { decidedOn: dayjs('2025-03-04'), penaltyKinds: ['fine'], fineFen: 1234.56 }),
    ).toEqual({ decidedOn: '2025-03-04', penaltyKinds: ['fine'], fineFen: 123456 });
    const archive = actionFields(ordinaryActionInputs.archive);
    const years = archive.find((field) => field.name === 'retentionYears');
    expect(years?.kind === 'number' && [years.integer, years.min, years.max]).toEqual([true, 1, 100]);
  });

  it('has a Chinese label for every option of every action', () => {
    const schemas = [...Object.values(ordinaryActionInputs), ...Object.values(simpleActionInputs)];
    const unlabelled = schemas
      .flatMap((schema) => actionFields(schema))
      .flatMap((field) => (field.kind === 'enum' ? field.options : []))
      .filter((option) => option.label === option.value)
      .map((option) => option.value);
    expect([...new Set(unlabelled)]).toEqual([]);
  });

  it('has nothing to ask for an action without input', () => {
    expect(actionFields(undefined)).toEqual([]);
  });
});

describe('form values ↔ input', () => {
  it('formats dates, trims text and leaves out blank optional values', () => {
    const fields = actionFields(ordinaryActionInputs.recordPerformance);
    const input = toActionInput(fields, {
      performedOn: dayjs('2025-03-04'),
      amountPaidFen: undefined,
      voucherNumber: '  ',
    });
    expect(input).toEqual({ performedOn: '2025-03-04' });
    expect(ordinaryActionInputs.recordPerformance?.safeParse(input).success).toBe(true);
  });

  it('starts with today, off switches and what the case knows', () => {
    const fields = actionFields(ordinaryActionInputs.registerLead);
    const today = dayjs('2025-06-01');
    const values = initialActionValues(fields, { source: 'complaint' }, today);
    expect(values.source).toBe('complaint');
    expect(dayjs.isDayjs(values.receivedOn) && values.receivedOn.format('YYYY-MM-DD')).toBe('2025-06-01');
    expect(initialActionValues(fields, { source: 'nonsense' }, today).source).toBeUndefined();
    expect(initialActionValues(fields, { summary: '举报内容' }, today).summary).toBe('举报内容');
  });

  it('checks one value with its own Chinese message', () => {
    const [officers] = actionFields(ordinaryActionInputs.recordInvestigation).filter(
      (field) => field.name === 'officerIds',
    );
    expect(officers && checkFieldValue(officers, ['4b1c1e0e-8a43-4c4c-9a5e-0a1c2b3d4e5f'])).toContain(
      '两名以上',
    );
  });

  it('puts whole-input issues under input.<field>', () => {
    const result = ordinaryActionInputs.declineFiling?.safeParse({ reason: '' });
    expect(result?.success).toBe(false);
    if (result && !result.success) {
      expect(issuesToFieldErrors(result.error, 'input')).toEqual([
        { name: ['input', 'reason'], errors: ['请填写不予立案理由'] },
      ]);
    }
  });
});
