// The flags of a case from its 合议 proposal, under the defaults and under an organisation's own settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proposalOf, type PenaltyProposal } from './payloads.ts';
import {
  computeCaseFlags,
  defaultPenaltySettings,
  outOfRangeReasonLabel,
  PenaltySettingsInput,
  statutoryCriteria,
} from './penalty-settings.ts';

const proposal = (more: Partial<PenaltyProposal>): PenaltyProposal => ({
  ...proposalOf({
    conclusion: 'penalty',
    participants: ['甲', '乙'],
    opinion: '同意',
    penaltyKinds: ['fine'],
  }),
  ...more,
});
const flags = (
  more: Partial<PenaltyProposal>,
  extra: { hearingHeld?: boolean; fineOutOfRange?: boolean } = {},
) =>
  computeCaseFlags({
    partyKind: 'organisation',
    proposal: proposal(more),
    hearingHeld: extra.hearingHeld ?? false,
    fineOutOfRange: extra.fineOutOfRange ?? false,
  });

test('a small fine is neither in the hearing scope nor major', () => {
  assert.deepEqual(flags({ fineFen: 500_000 }), {
    hearingOffered: false,
    isMajor: false,
    majorReasons: [],
    requiresCollectiveDeliberation: false,
  });
});

test('a 较大数额 fine offers a hearing and, on the default list, is a 重大执法决定 needing collective deliberation', () => {
  const result = flags({ fineFen: 10_000_000 });
  assert.equal(result.hearingOffered, true);
  assert.equal(result.isMajor, true);
  assert.deepEqual(result.majorReasons, ['较大数额罚款（重大执法决定目录（地方规定，默认值待核实））']);
  assert.equal(result.requiresCollectiveDeliberation, true);
});

test('第五十八条 facts, a hearing held and an out-of-range fine are each a reason', () => {
  assert.match(flags({ involvesMajorPublicInterest: true }).majorReasons[0]!, /第五十八条第一款第（一）项/);
  assert.match(flags({}, { hearingHeld: true }).majorReasons[0]!, /经过听证程序.*第（二）项/);
  assert.deepEqual(flags({ fineFen: 100 }, { fineOutOfRange: true }).majorReasons, [outOfRangeReasonLabel]);
  // 吊销许可证件 offers a hearing (第六十三条) and is on the default major list.
  const revoke = flags({ penaltyKinds: ['revokeLicence'] });
  assert.deepEqual([revoke.hearingOffered, revoke.isMajor], [true, true]);
});

test('第五十七条第二款: a complex case is deliberated collectively even where the list leaves complexity out', () => {
  const settings = PenaltySettingsInput.parse({ ...defaultPenaltySettings, majorDecisionCriteria: [] });
  const result = computeCaseFlags(
    { partyKind: 'person', proposal: proposal({ fineFen: 1000 }), hearingHeld: false, fineOutOfRange: false },
    settings,
  );
  // Without the local list a small fine is neither; 案情复杂 stays major (第五十八条第一款第（三）项) and collective.
  assert.deepEqual([result.isMajor, result.requiresCollectiveDeliberation], [false, false]);
  const complex = computeCaseFlags(
    {
      partyKind: 'person',
      proposal: proposal({ isComplex: true }),
      hearingHeld: false,
      fineOutOfRange: false,
    },
    settings,
  );
  assert.deepEqual([complex.isMajor, complex.requiresCollectiveDeliberation], [true, true]);
});

test('an organisation’s settings change the result: a lower 较大数额 and its own list', () => {
  const settings = PenaltySettingsInput.parse({
    hearingThresholds: {
      fineFen: { person: 200_000, organisation: 2_000_000 },
      confiscationFen: { person: 200_000, organisation: 2_000_000 },
    },
    majorDecisionCriteria: [
      {
        id: 'fine2w',
        test: 'fineAtLeast',
        fen: { person: 2_000_000, organisation: 2_000_000 },
        label: '罚款二万元以上',
        citation: '某县重大执法决定目录',
      },
    ],
  });
  const facts = { partyKind: 'organisation' as const, proposal: proposal({ fineFen: 3_000_000 }) };
  const byDefault = computeCaseFlags({ ...facts, hearingHeld: false, fineOutOfRange: false });
  const local = computeCaseFlags({ ...facts, hearingHeld: false, fineOutOfRange: false }, settings);
  assert.deepEqual([byDefault.hearingOffered, byDefault.isMajor], [false, false]);
  assert.deepEqual([local.hearingOffered, local.isMajor], [true, true]);
  assert.deepEqual(local.majorReasons, ['罚款二万元以上（某县重大执法决定目录）']);
});

test('the statutory items of 第五十八条 are never part of an organisation’s own list', () => {
  assert.deepEqual(
    statutoryCriteria.map((c) => c.id),
    ['publicInterest', 'hearingHeld', 'complex', 'requiredByLaw'],
  );
  assert.ok(
    defaultPenaltySettings.majorDecisionCriteria.every((c) => !statutoryCriteria.some((s) => s.id === c.id)),
  );
  assert.equal(
    PenaltySettingsInput.safeParse({
      ...defaultPenaltySettings,
      majorDecisionCriteria: [
        ...defaultPenaltySettings.majorDecisionCriteria,
        defaultPenaltySettings.majorDecisionCriteria[0],
      ],
    }).error?.issues[0]?.message,
    '标准编号不能重复',
  );
});
