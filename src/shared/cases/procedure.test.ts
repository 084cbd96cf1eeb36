// The penalty procedures walked as tables. Expected dates are counted by hand from legal-rules.md §14
// (the 2025 and 2026 State Council notices), never taken from the code's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarFromRows, officialCalendarSeed } from '../law/holiday-data.ts';
import { legalRules, type LegalRule } from '../law/legal-rules.ts';
import { roleIds, roleLabels } from '../platform/access.ts';
import { computeClocks, shanghaiDate, type ClockState, type StepRecord } from '../procedure/clocks.ts';
import {
  asList,
  checkTransition,
  validateProcedure,
  type Actor,
  type AnyProcedure,
  type ProcedureSnapshot,
  type TransitionCode,
} from '../procedure/define-procedure.ts';
import { documentKindLabels } from './documents.ts';
import type { PenaltyCaseFacts } from './payloads.ts';
import {
  decisionExtensionActions,
  ordinaryActionInputs,
  ordinaryPenaltyProcedure as ordinary,
  penaltyDocumentLabels,
  simpleActionInputs,
  simplePenaltyProcedure as simple,
} from './procedure.ts';

const calendar = calendarFromRows(officialCalendarSeed([2025, 2026]), [2025, 2026]);

/** A step at 10:00 Beijing time. */
function stepOn(action: string, date: string): StepRecord {
  const at = new Date(`${date}T02:00:00Z`).toISOString();
  return { action, at, date: shanghaiDate(at) };
}

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const actor = (id: string, roles: string[], isCertified = true): Actor => ({ id, roles, isCertified });
const officer = actor(uuid(1), ['officer']);
const caseOfficers = [
  { id: uuid(1), isCertified: true },
  { id: uuid(2), isCertified: true },
];
const sectionHead = actor('section-head', ['sectionHead']);
const deputyHead = actor('deputy-head', ['deputyHead']);
const principal = actor('principal', ['principal'], false);
const legalReviewer = actor(uuid(3), ['legalReviewer'], false);
const actors: Record<string, Actor> = { officer, sectionHead, deputyHead, principal, legalReviewer };

const majorCase: PenaltyCaseFacts = {
  hearingOffered: true,
  isMajor: true,
  requiresCollectiveDeliberation: true,
  investigatingOfficerIds: [uuid(1), uuid(2)],
  // The notice told the party of 警告 and 罚款五万元 (the 合议's proposal).
  notifiedProposal: {
    penaltyKinds: ['warning', 'fine'],
    fineFen: 5_000_000,
    confiscationFen: 0,
    involvesMajorPublicInterest: false,
    isComplex: false,
    mayCauseMajorSocialImpact: false,
    requiredByLaw: false,
    outOfRangeReason: null,
  },
};
const plainCase: PenaltyCaseFacts = {
  ...majorCase,
  hearingOffered: false,
  isMajor: false,
  requiresCollectiveDeliberation: false,
};

type Move = { action: string; on: string; by: Actor; input?: unknown; adds?: string[] };

type Walk = {
  state: string;
  steps: StepRecord[];
  documents: string[];
  visited: string[];
  before: Map<string, ProcedureSnapshot>;
};

function snapshotAt(procedure: AnyProcedure, walk: Walk, record: object, today: string): ProcedureSnapshot {
  return {
    state: walk.state,
    steps: [...walk.steps],
    documents: [...walk.documents],
    record: { ...record },
    clocks: computeClocks(procedure, walk.steps, calendar, { today }),
    officers: caseOfficers,
  };
}

/** Applies the moves through checkTransition, failing on the first refusal; keeps the last snapshot of each state. */
function walk(procedure: AnyProcedure, record: object, moves: Move[]): Walk {
  const state: Walk = {
    state: procedure.initial,
    steps: [],
    documents: [],
    visited: [procedure.initial],
    before: new Map(),
  };
  for (const move of moves) {
    state.documents.push(...(move.adds ?? []));
    const snapshot = snapshotAt(procedure, state, record, move.on);
    state.before.set(state.state, snapshot);
    const check = checkTransition(procedure, snapshot, move.by, move.on, move.action, {
      input: move.input,
      roleLabels,
      documentLabels: penaltyDocumentLabels,
    });
    assert.ok(check.ok, `${move.on} ${move.action} from ${state.state}: ${check.ok ? '' : check.reason}`);
    state.steps.push(stepOn(move.action, move.on));
    if (state.state !== check.to) state.visited.push(check.to);
    state.state = check.to;
  }
  return state;
}

// A major case with a hearing, on the last lawful day of several periods (2026 春节、清明、劳动节).
const majorCaseMoves: Move[] = [
  {
    action: 'registerLead',
    on: '2025-12-29',
    by: officer,
    input: { source: 'complaint', receivedOn: '2025-12-29', summary: '群众举报某诊所超范围执业' },
  },
  {
    action: 'file',
    on: '2026-01-05',
    by: sectionHead,
    adds: ['filingApproval'],
    input: { cause: '超范围执业', caseOfficerIds: [uuid(1), uuid(2)] },
  },
  { action: 'startInvestigation', on: '2026-01-05', by: officer },
  {
    action: 'recordInvestigation',
    on: '2026-01-06',
    by: officer,
    adds: ['onSiteRecord'],
    input: {
      kind: 'onSiteInspection',
      occurredOn: '2026-01-06',
      officerIds: [uuid(1), uuid(2)],
      summary: '现场检查',
    },
  },
  {
    action: 'recordInvestigation',
    on: '2026-01-08',
    by: officer,
    adds: ['inquiryRecord'],
    input: {
      kind: 'inquiry',
      occurredOn: '2026-01-08',
      officerIds: [uuid(1), uuid(2)],
      summary: '询问负责人',
    },
  },
  {
    action: 'deliberate',
    on: '2026-02-10',
    by: sectionHead,
    adds: ['investigationReport'],
    input: {
      conclusion: 'penalty',
      participants: ['张明', '刘芳', '科长'],
      opinion: '事实清楚，证据确凿',
      penaltyKinds: ['warning', 'fine'],
      fineFen: 5_000_000,
    },
  },
  {
    action: 'serveHearingRightsNotice',
    on: '2026-02-12',
    by: officer,
    adds: ['caseDeliberationRecord', 'hearingRightsNotice'],
    input: { servedOn: '2026-02-12', method: 'inPerson' },
  },
  { action: 'requestHearing', on: '2026-02-25', by: officer, input: { requestedOn: '2026-02-25' } },
  {
    action: 'holdHearing',
    on: '2026-03-06',
    by: legalReviewer,
    adds: ['hearingNotice'],
    input: {
      notifiedOn: '2026-02-26',
      hearingDate: '2026-03-06',
      presidingOfficerId: uuid(3),
      isPublic: true,
      participants: ['李法审', '当事人代理人'],
      partyArguments: '当事人称已停止超范围执业',
      conclusion: '事实清楚，建议维持拟处罚意见',
    },
  },
  // The 听证笔录 is written from the hearing step, before the case moves on (第六十五条).
  { action: 'submitForLegalReview', on: '2026-03-09', by: officer, adds: ['hearingRecord'], input: {} },
  {
    action: 'passLegalReview',
    on: '2026-03-16',
    by: legalReviewer,
    input: {
      reviewedOn: '2026-03-16',
      reviewers: ['李法审'],
      opinion: '事实清楚，证据确凿，程序合法',
      conclusion: '同意',
    },
  },
  {
    action: 'submitForCollectiveDeliberation',
    on: '2026-03-20',
    by: sectionHead,
    adds: ['legalReviewOpinion'],
    input: {},
  },
  {
    action: 'recordCollectiveDeliberation',
    on: '2026-03-23',
    by: principal,
    input: {
      heldOn: '2026-03-23',
      participants: ['王局长', '副局长', '纪检组长'],
      opinion: '一致同意',
      conclusion: '给予警告并罚款五万元',
    },
  },
  {
    action: 'decide',
    on: '2026-04-07',
    by: principal,
    adds: ['collectiveDeliberationRecord', 'penaltyDecision'],
    input: { decidedOn: '2026-04-07', penaltyKinds: ['warning', 'fine'], fineFen: 5_000_000 },
  },
  {
    action: 'serve',
    on: '2026-04-16',
    by: officer,
    adds: ['serviceReceipt'],
    input: { servedOn: '2026-04-16', method: 'post' },
  },
  { action: 'beginExecution', on: '2026-04-16', by: officer },
  {
    action: 'publishDecision',
    on: '2026-04-16',
    by: officer,
    input: { publishedOn: '2026-04-16', channel: '门户网站行政执法公示栏' },
  },
  {
    action: 'recordPerformance',
    on: '2026-05-06',
    by: officer,
    adds: ['paymentVoucher'],
    input: { performedOn: '2026-05-06', amountPaidFen: 5_000_000 },
  },
  {
    action: 'close',
    on: '2026-05-08',
    by: sectionHead,
    adds: ['closingReport'],
    input: { summary: '罚款已缴纳' },
  },
  { action: 'archive', on: '2026-05-11', by: officer, input: { archiveNumber: 'WS-2026-001' } },
];

function reachable(procedure: AnyProcedure): Set<string> {
  const seen = new Set([procedure.initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const action of Object.values(procedure.actions)) {
      if (action.from.some((from) => seen.has(from)) && !seen.has(action.to)) {
        seen.add(action.to);
        grew = true;
      }
    }
  }
  return seen;
}

for (const procedure of [ordinary, simple] as AnyProcedure[]) {
  test(`${procedure.id}: sound, every state reachable, every non-terminal state has an exit`, () => {
    assert.deepEqual(validateProcedure(procedure), []);
    assert.deepEqual([...reachable(procedure)].sort(), Object.keys(procedure.states).sort());
    for (const state of Object.keys(procedure.states)) {
      const exits = Object.values(procedure.actions).filter((action) => action.from.includes(state));
      const leaves = exits.some((action) => action.to !== state);
      assert.equal(procedure.terminal.includes(state), exits.length === 0, `${state}: terminal iff no exit`);
      if (!procedure.terminal.includes(state)) assert.ok(leaves, `${state} has only self-loops`);
    }
  });

  test(`${procedure.id}: every clock names an existing deadline rule and existing actions`, () => {
    for (const [name, clock] of Object.entries(procedure.clocks)) {
      assert.ok(Object.hasOwn(legalRules, clock.rule), `${name}: ${clock.rule}`);
      const rule: LegalRule = legalRules[clock.rule];
      assert.ok(
        rule.unit !== undefined && (rule.limit ?? 'deadline') === 'deadline',
        `${name}: ${clock.rule} is a deadline`,
      );
      for (const action of [
        ...asList(clock.startsOn),
        ...clock.stopsOn,
        ...(clock.pausesOn ?? []),
        ...(clock.resumesOn ?? []),
      ]) {
        assert.ok(Object.hasOwn(procedure.actions, action), `${name}: ${action}`);
      }
    }
  });

  test(`${procedure.id}: roles, documents and input schemas are declared`, () => {
    const inputs: Record<string, unknown> =
      procedure === ordinary ? ordinaryActionInputs : simpleActionInputs;
    for (const [name, action] of Object.entries(procedure.actions)) {
      for (const role of action.roles ?? [])
        assert.ok((roleIds as readonly string[]).includes(role), `${name}: ${role}`);
      for (const kind of action.documents ?? [])
        assert.ok(Object.hasOwn(documentKindLabels, kind), `${name}: ${kind}`);
      const validates = (action.guards ?? []).some((guard) => guard.id === 'validInput');
      assert.equal(
        validates,
        Object.hasOwn(inputs, name),
        `${name}: input schema and validInput guard go together`,
      );
    }
  });
}

test('the clocks use the rules the law names', () => {
  const rules = Object.fromEntries(
    Object.entries(ordinary.clocks).map(([name, clock]) => [name, clock.rule]),
  );
  assert.deepEqual(rules, {
    filing: 'WJCF-LA',
    decision: 'XZCF-60',
    evidencePreservation: 'XZCF-56',
    statement: 'XZCF-CSSB',
    hearingRequest: 'XZCF-64-1',
    service: 'XZCF-61',
    publication: 'SX-GS-1',
    payment: 'XZCF-67',
  });
  assert.equal(simple.clocks.payment.rule, 'XZCF-67');
  // 中止期间不计入: the decision period pauses on suspend and resumes on resume.
  assert.deepEqual(
    [ordinary.clocks.decision.pausesOn, ordinary.clocks.decision.resumesOn],
    [['suspend'], ['resume']],
  );
});

test('延期 and the other self-loops stay in their state; resume returns to investigating', () => {
  for (const name of decisionExtensionActions) {
    const action = ordinary.actions[name];
    assert.deepEqual([action.from, action.label], [[action.to], '延长办案期限']);
  }
  assert.deepEqual(ordinary.actions.suspend.from, ['investigating']);
  assert.equal(ordinary.actions.resume.to, 'investigating');
});

test('happy path: a major case with a hearing goes from lead to archived', () => {
  const done = walk(ordinary, majorCase, majorCaseMoves);
  assert.equal(done.state, 'archived');
  assert.deepEqual(done.visited, [
    'lead',
    'filed',
    'investigating',
    'deliberated',
    'noticeServed',
    'hearing',
    'legalReview',
    'collectiveDeliberation',
    'decided',
    'served',
    'enforcing',
    'closed',
    'archived',
  ]);
  const clocks = Object.fromEntries(
    computeClocks(ordinary, done.steps, calendar, { today: '2026-05-11' }).map((c) => [c.clock, c]),
  );
  const summary = (clock: ClockState | undefined) =>
    clock && [clock.status, clock.dueDate, clock.stoppedLate];
  // 2025-12-29 + 7 natural days = 2026-01-05 (Mon).
  assert.deepEqual(summary(clocks.filing), ['stopped', '2026-01-05', false]);
  // 2026-01-05 + 90 = 04-05 (Sun, 清明 04-04..06) → 04-07; the agency is warned against 04-05.
  assert.deepEqual(summary(clocks.decision), ['stopped', '2026-04-07', false]);
  assert.equal(clocks.decision?.warning, '建议在 2026-04-05 前完成');
  // Notice 02-12 (Thu): 02-13 is day 1, 02-14 (Sat, 调休) day 2, 02-15..23 rest, 02-24 day 3, 02-26 day 5.
  // The party let the statement period end (02-24) and asked for a hearing on 02-25, inside the hearing period.
  assert.deepEqual(summary(clocks.statement), ['stopped', '2026-02-24', true]);
  assert.deepEqual(summary(clocks.hearingRequest), ['stopped', '2026-02-26', false]);
  // Decided 04-07 (Tue): 04-08, 09, 10, 13, 14, 15, 16 → 7th working day 04-16.
  assert.deepEqual(summary(clocks.service), ['stopped', '2026-04-16', false]);
  assert.deepEqual(summary(clocks.publication), ['stopped', '2026-04-16', false]);
  // Served 04-16 + 15 = 05-01 (劳动节 05-01..05) → 05-06; a party's period, so no warning.
  assert.deepEqual(summary(clocks.payment), ['stopped', '2026-05-06', false]);
  assert.equal(clocks.payment?.unshiftedDate, '2026-05-01');
  assert.equal(clocks.evidencePreservation?.status, 'notStarted');
});

test('clocks over a plain case: 调休 days, a suspension and the Spring Festival', () => {
  const steps = [
    stepOn('registerLead', '2025-12-26'),
    stepOn('file', '2026-01-05'),
    stepOn('startInvestigation', '2026-01-05'),
    stepOn('suspend', '2026-01-20'),
    stepOn('resume', '2026-01-27'),
    stepOn('preserveEvidence', '2026-01-28'),
    stepOn('disposePreservedEvidence', '2026-02-02'),
    stepOn('deliberate', '2026-02-03'),
    stepOn('serveNotice', '2026-02-05'),
    stepOn('decide', '2026-02-12'),
    stepOn('serve', '2026-02-13'),
  ];
  const at = (today: string, periods?: Record<string, number>) =>
    Object.fromEntries(
      computeClocks(ordinary, steps, calendar, { today, settings: { periods } }).map((c) => [c.clock, c]),
    );
  const clocks = at('2026-02-13');
  // 2025-12-26 + 7 = 2026-01-02 (元旦 01-01..03) → 01-04, a Sunday made a working day (调休); filed 01-05: late.
  assert.deepEqual(
    [clocks.filing?.dueDate, clocks.filing?.unshiftedDate, clocks.filing?.stoppedLate],
    ['2026-01-04', '2026-01-02', true],
  );
  // 7 days suspended (01-20..27) move the start to 01-12; + 90 = 04-12 (Sun) → 04-13.
  assert.deepEqual(
    [clocks.decision?.dueDate, clocks.decision?.pausedDays, clocks.decision?.stoppedLate],
    ['2026-04-13', 7, false],
  );
  // 01-28 (Wed) + 7 working days: 01-29, 30, 02-02, 03, 04, 05, 06.
  assert.deepEqual(
    [clocks.evidencePreservation?.dueDate, clocks.evidencePreservation?.status],
    ['2026-02-06', 'stopped'],
  );
  // Plain notice 02-05 (Thu): 02-06, 02-09, 02-10; no hearing right, so the hearing clock never starts.
  assert.equal(clocks.statement?.dueDate, '2026-02-10');
  assert.equal(clocks.hearingRequest?.status, 'notStarted');
  // Decided 02-12 → 7th working day 02-28 (Sat, 调休), legal-rules.md §14c.
  assert.deepEqual([clocks.service?.dueDate, clocks.service?.stoppedLate], ['2026-02-28', false]);
  assert.deepEqual(
    [clocks.publication?.status, clocks.publication?.dueDate, clocks.publication?.daysLeft],
    ['running', '2026-02-28', 15],
  );
  // Served 02-13 + 15 = 02-28, a 调休 working day: no shift.
  assert.deepEqual([clocks.payment?.dueDate, clocks.payment?.unshiftedDate], ['2026-02-28', '2026-02-28']);
  // The organisation sets 陈述申辩 to 5 working days: 02-06, 09, 10, 11, 12.
  assert.equal(at('2026-02-13', { statement: 5 }).statement?.dueDate, '2026-02-12');
});

test('simple procedure: on the spot during 国庆 调休, filed with the agency, closed', () => {
  const decidedOn = '2026-09-20'; // a Sunday made a working day
  const done = walk(simple, { partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 300_000 }, [
    {
      action: 'recordOnSpotDecision',
      on: decidedOn,
      by: officer,
      adds: ['simplePenaltyDecision'],
      input: {
        partyKind: 'organisation',
        penaltyKinds: ['fine'],
        fineFen: 300_000,
        decidedOn,
        place: '某酒店',
        officerIds: [uuid(1), uuid(2)],
      },
    },
    { action: 'fileWithAgency', on: '2026-09-21', by: officer, input: { filedOn: '2026-09-21' } },
    {
      action: 'recordPerformance',
      on: '2026-09-30',
      by: officer,
      input: { performedOn: '2026-09-30', amountPaidFen: 300_000 },
    },
    { action: 'close', on: '2026-10-09', by: sectionHead, input: { summary: '已缴纳' } },
  ]);
  assert.equal(done.state, 'closed');
  // 09-20 + 15 = 10-05 (国庆 10-01..07) → 10-08.
  const [payment] = computeClocks(simple, done.steps, calendar, { today: '2026-10-09' });
  assert.deepEqual([payment?.dueDate, payment?.stoppedLate], ['2026-10-08', false]);
  const overLimit = checkTransition(
    simple,
    {
      state: 'decidedOnSpot',
      steps: [],
      documents: ['simplePenaltyDecision'],
      record: {},
      officers: caseOfficers,
    },
    officer,
    decidedOn,
    'recordOnSpotDecision',
    {
      input: {
        partyKind: 'person',
        penaltyKinds: ['fine'],
        fineFen: 20_100,
        decidedOn,
        place: '街道',
        officerIds: [uuid(1), uuid(2)],
      },
    },
  );
  assert.deepEqual(overLimit, {
    ok: false,
    code: 'GUARD',
    reason: '对公民罚款超过200元，不适用简易程序（行政处罚法第五十一条）',
  });
});

test('(state, action, role) table', () => {
  const { before } = walk(ordinary, majorCase, majorCaseMoves);
  const suspendable = (s: ProcedureSnapshot): ProcedureSnapshot => ({
    ...s,
    documents: [...s.documents, 'suspensionApproval'],
  });
  const without =
    (kind: string) =>
    (s: ProcedureSnapshot): ProcedureSnapshot => ({ ...s, documents: s.documents.filter((d) => d !== kind) });
  const oneOfficer = (s: ProcedureSnapshot): ProcedureSnapshot => ({
    ...s,
    officers: [{ id: uuid(2), isCertified: false }],
  });
  const withDocument =
    (kind: string) =>
    (s: ProcedureSnapshot): ProcedureSnapshot => ({ ...s, documents: [...s.documents, kind] });
  const withoutStep =
    (action: string) =>
    (s: ProcedureSnapshot): ProcedureSnapshot => ({
      ...s,
      steps: s.steps.filter((step) => step.action !== action),
    });
  const table: [
    state: string,
    action: string,
    role: string,
    expected: true | TransitionCode,
    tweak?: (s: ProcedureSnapshot) => ProcedureSnapshot,
  ][] = [
    ['lead', 'file', 'sectionHead', true],
    ['lead', 'file', 'deputyHead', true],
    ['lead', 'file', 'principal', true],
    ['lead', 'file', 'officer', 'FORBIDDEN_ROLE'],
    ['lead', 'file', 'legalReviewer', 'FORBIDDEN_ROLE'],
    ['lead', 'file', 'sectionHead', 'MISSING_DOCUMENT', without('filingApproval')],
    ['lead', 'decide', 'principal', 'WRONG_STATE'],
    ['lead', 'transfer', 'sectionHead', 'FORBIDDEN_ROLE'],
    ['filed', 'startInvestigation', 'officer', true],
    ['filed', 'startInvestigation', 'officer', 'CERTIFICATE', oneOfficer],
    ['investigating', 'recordInvestigation', 'officer', 'CERTIFICATE', oneOfficer],
    ['investigating', 'suspend', 'deputyHead', true, suspendable],
    ['investigating', 'suspend', 'sectionHead', 'FORBIDDEN_ROLE', suspendable],
    ['investigating', 'suspend', 'principal', 'MISSING_DOCUMENT'],
    ['investigating', 'deliberate', 'officer', true],
    ['investigating', 'serveNotice', 'officer', 'WRONG_STATE'],
    ['deliberated', 'serveHearingRightsNotice', 'officer', true],
    ['deliberated', 'serveNotice', 'officer', 'MISSING_DOCUMENT'],
    ['deliberated', 'serveNotice', 'officer', 'GUARD', withDocument('priorNotice')], // 属于听证范围
    ['noticeServed', 'requestHearing', 'officer', true],
    ['noticeServed', 'decide', 'officer', 'FORBIDDEN_ROLE'],
    ['hearing', 'holdHearing', 'legalReviewer', true],
    ['hearing', 'decide', 'principal', 'MISSING_DOCUMENT'],
    ['hearing', 'decide', 'principal', 'GUARD', withDocument('penaltyDecision')], // 未经法制审核
    ['legalReview', 'passLegalReview', 'legalReviewer', true],
    ['legalReview', 'passLegalReview', 'principal', 'FORBIDDEN_ROLE'],
    ['legalReview', 'returnForInvestigation', 'legalReviewer', true],
    ['legalReview', 'decide', 'principal', 'GUARD', withDocument('penaltyDecision')], // 未经集体讨论
    [
      'legalReview',
      'submitForCollectiveDeliberation',
      'sectionHead',
      'GUARD',
      withoutStep('passLegalReview'),
    ],
    ['collectiveDeliberation', 'decide', 'principal', true],
    ['collectiveDeliberation', 'decide', 'deputyHead', true],
    ['collectiveDeliberation', 'decide', 'sectionHead', 'FORBIDDEN_ROLE'],
    ['collectiveDeliberation', 'decide', 'principal', 'MISSING_DOCUMENT', without('penaltyDecision')],
    ['decided', 'serve', 'officer', true],
    ['decided', 'serve', 'officer', 'MISSING_DOCUMENT', without('serviceReceipt')],
    ['decided', 'revoke', 'officer', 'FORBIDDEN_ROLE'],
    ['enforcing', 'close', 'sectionHead', true],
    ['enforcing', 'close', 'officer', 'FORBIDDEN_ROLE'],
    ['enforcing', 'close', 'sectionHead', 'GUARD', withoutStep('publishDecision')],
    ['enforcing', 'close', 'sectionHead', 'GUARD', withoutStep('recordPerformance')],
    ['enforcing', 'serveDemand', 'officer', 'MISSING_DOCUMENT'],
    ['closed', 'archive', 'officer', true],
    ['closed', 'file', 'sectionHead', 'WRONG_STATE'],
    ['closed', 'noSuchAction', 'sectionHead', 'UNKNOWN_ACTION'],
  ];
  for (const [state, action, role, expected, tweak] of table) {
    const base = before.get(state);
    assert.ok(base, state);
    const snapshot = tweak ? tweak(base) : base;
    const result = checkTransition(ordinary, snapshot, actors[role]!, dateOf(snapshot), action);
    assert.equal(
      result.ok ? true : result.code,
      expected,
      `${state} ${action} ${role}: ${result.ok ? 'ok' : result.reason}`,
    );
  }
});

/** The day a captured snapshot was taken: the date of the move that followed it. */
function dateOf(snapshot: ProcedureSnapshot): string {
  const move = majorCaseMoves[snapshot.steps.length];
  return move?.on ?? '2026-05-11';
}

test('decide waits for the hearing-request period unless the party waived (第六十二条、第六十四条)', () => {
  const steps = [
    stepOn('registerLead', '2026-01-05'),
    stepOn('file', '2026-01-05'),
    stepOn('deliberate', '2026-02-10'),
    stepOn('serveHearingRightsNotice', '2026-02-12'),
  ];
  const facts = { ...plainCase, hearingOffered: true };
  const decideOn = (today: string, extra: StepRecord[] = []) => {
    const all = [...steps, ...extra];
    const snapshot: ProcedureSnapshot = {
      state: 'noticeServed',
      steps: all,
      documents: ['hearingRightsNotice', 'penaltyDecision', 'waiverStatement'],
      record: facts,
      clocks: computeClocks(ordinary, all, calendar, { today }),
    };
    return checkTransition(ordinary, snapshot, principal, today, 'decide');
  };
  assert.deepEqual(decideOn('2026-02-24'), {
    ok: false,
    code: 'GUARD',
    reason: '陈述申辩期限至2026-02-24届满，届满前不能作出决定（当事人明确放弃的除外）',
  });
  assert.deepEqual(decideOn('2026-02-26'), {
    ok: false,
    code: 'GUARD',
    reason: '听证申请期限至2026-02-26届满，届满前不能作出决定（当事人明确放弃的除外）',
  });
  assert.deepEqual(decideOn('2026-02-27'), { ok: true, to: 'decided' });
  const waivedStatement = [stepOn('waiveStatement', '2026-02-13')];
  assert.deepEqual(decideOn('2026-02-13', waivedStatement), {
    ok: false,
    code: 'GUARD',
    reason: '听证申请期限至2026-02-26届满，届满前不能作出决定（当事人明确放弃的除外）',
  });
  const waivedBoth = [...waivedStatement, stepOn('waiveHearing', '2026-02-13')];
  assert.deepEqual(decideOn('2026-02-13', waivedBoth), { ok: true, to: 'decided' });
  // A hearing was requested: no decision until it is held or withdrawn (第六十五条).
  const requested = [stepOn('requestHearing', '2026-02-24')];
  const hearing = decideOn('2026-03-02', requested);
  assert.equal(!hearing.ok && hearing.reason, '当事人已申请听证，听证结束前不能作出决定');
  assert.deepEqual(decideOn('2026-03-02', [...requested, stepOn('withdrawHearing', '2026-03-02')]), {
    ok: true,
    to: 'decided',
  });
});

test('a major case cannot reach decided without legal review and collective deliberation', () => {
  // Breadth-first over every action a do-everything actor may take, with every document present and each step
  // about ten days after the last, so that guards are the only thing that can stop a path.
  const everyone = actor(uuid(9), [...roleIds], true);
  const allDocuments = Object.keys(documentKindLabels);
  const irrelevant = new Set<string>([
    ...decisionExtensionActions,
    'recordStatement',
    'recordInvestigation',
    'preserveEvidence',
    'disposePreservedEvidence',
    'suspend',
    'resume',
  ]);
  const round = (steps: StepRecord[]) =>
    steps.slice(steps.findLastIndex((s) => s.action === 'returnForInvestigation') + 1).map((s) => s.action);
  const explore = (facts: PenaltyCaseFacts): StepRecord[][] => {
    const start = walk(ordinary, facts, majorCaseMoves.slice(0, 6)).before.get('investigating')!;
    const decidedPaths: StepRecord[][] = [];
    const seen = new Set<string>();
    let frontier = [{ state: 'investigating', steps: [...start.steps], day: '2026-02-02' }];
    for (let depth = 0; depth < 12 && frontier.length > 0; depth += 1) {
      const next: typeof frontier = [];
      for (const node of frontier) {
        const today = node.day;
        const snapshot: ProcedureSnapshot = {
          state: node.state,
          steps: node.steps,
          documents: allDocuments,
          record: facts,
          clocks: computeClocks(ordinary, node.steps, calendar, { today }),
          officers: caseOfficers,
        };
        for (const [name, action] of Object.entries(ordinary.actions)) {
          if (irrelevant.has(name) || !(action.from as readonly string[]).includes(node.state)) continue;
          if (action.to === node.state && round(node.steps).includes(name)) continue;
          if (name === 'returnForInvestigation' && node.steps.some((s) => s.action === name)) continue;
          if (!checkTransition(ordinary, snapshot, everyone, today, name).ok) continue;
          const steps = [...node.steps, stepOn(name, today)];
          if (action.to === 'decided') decidedPaths.push(steps);
          const key = `${action.to}|${[...new Set(round(steps))].sort().join(',')}|${steps.length > 6 ? round(steps).length : 0}`;
          if (['decided', 'notPenalised', 'transferred'].includes(action.to) || seen.has(key)) continue;
          seen.add(key);
          next.push({ state: action.to, steps, day: addDays(today, 10) });
        }
      }
      frontier = next;
    }
    return decidedPaths;
  };
  const major = explore(majorCase);
  assert.ok(major.length > 0, 'some path reaches decided');
  for (const path of major) {
    const actions = round(path);
    const passed = actions.indexOf('passLegalReview');
    assert.ok(
      passed >= 0 && passed < actions.indexOf('submitForCollectiveDeliberation'),
      actions.join(' → '),
    );
  }
  // Each requirement holds on its own, not only through the other.
  const reviewOnly = explore({ ...majorCase, requiresCollectiveDeliberation: false });
  const withoutReview = reviewOnly.find((path) => !round(path).includes('passLegalReview'));
  assert.ok(
    reviewOnly.length > 0 && withoutReview === undefined,
    `decided without legal review: ${withoutReview?.map((s) => s.action).join(' → ')}`,
  );
  const deliberationOnly = explore({ ...majorCase, isMajor: false });
  const withoutDeliberation = deliberationOnly.find(
    (path) => !round(path).includes('submitForCollectiveDeliberation'),
  );
  assert.ok(
    deliberationOnly.length > 0 && withoutDeliberation === undefined,
    `decided without deliberation: ${withoutDeliberation?.map((s) => s.action).join(' → ')}`,
  );
  // The same search on a plain case finds paths without them: the guards, not the graph, are what block.
  const plain = explore({ ...plainCase, hearingOffered: true });
  assert.ok(
    plain.some(
      (path) =>
        !round(path).includes('passLegalReview') && !round(path).includes('submitForCollectiveDeliberation'),
    ),
    'a plain case can be decided without review or deliberation',
  );
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
