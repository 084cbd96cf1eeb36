import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedActions,
  checkTransition,
  defineProcedure,
  validateProcedure,
  type Actor,
  type AnyProcedure,
  type ProcedureSnapshot,
} from './define-procedure.ts';
import { computeClocks } from './clocks.ts';
import { calendar, sampleProcedure, stepOn } from './sample-procedure.test-fixture.ts';

const officer: Actor = { id: 'officer-1', roles: ['officer'], isCertified: true };
const secondOfficer = { id: 'officer-2', isCertified: true };
const sectionHead: Actor = { id: 'head-1', roles: ['sectionHead'], isCertified: true };
const principal: Actor = { id: 'principal-1', roles: ['principal'], isCertified: false };
const roleLabels = { sectionHead: '科室负责人', principal: '主要负责人', deputyHead: '分管领导' };

function snapshot(state: string, extra: Partial<ProcedureSnapshot> = {}): ProcedureSnapshot {
  return { state, steps: [], documents: [], record: {}, ...extra };
}

test('the sample procedure is structurally sound', () => {
  assert.deepEqual(validateProcedure(sampleProcedure), []);
});

test('validateProcedure reports unreachable states, dead ends and bad references', () => {
  const broken: AnyProcedure = {
    id: 'broken',
    label: '有缺陷的流程',
    states: { draft: '草稿', orphan: '孤立', stuck: '卡住', done: '完成' },
    initial: 'draft',
    terminal: ['done'],
    actions: {
      finish: { label: '完成', from: ['draft'], to: 'done' },
      jam: { label: '卡住', from: ['draft'], to: 'stuck' },
      leaveOrphan: { label: '离开', from: ['orphan'], to: 'draft' },
      reopen: { label: '重开', from: ['done'], to: 'draft' },
      vanish: { label: '消失', from: ['draft'], to: 'nowhere' },
    },
    clocks: {
      ghost: {
        label: '未知期限',
        rule: 'NO-SUCH-RULE' as never,
        startsOn: 'finish',
        stopsOn: ['missingAction'],
      },
      fixed: {
        label: '法定期限',
        rule: 'XZCF-60',
        startsOn: 'finish',
        stopsOn: [],
        period: 30,
        pausesOn: ['jam'],
      },
      notice: { label: '听证通知', rule: 'XZCF-64-2', startsOn: 'finish', stopsOn: [] },
    },
  };
  const problems = validateProcedure(broken);
  const expectProblem = (pattern: RegExp): void =>
    assert.ok(
      problems.some((problem) => pattern.test(problem)),
      `${pattern} not in ${JSON.stringify(problems, null, 1)}`,
    );
  expectProblem(/state 'orphan' is unreachable/);
  expectProblem(/non-terminal state 'stuck' has no exit/);
  expectProblem(/terminal state 'done' has an exit: action 'reopen'/);
  expectProblem(/action 'vanish' leads to unknown state 'nowhere'/);
  expectProblem(/clock 'ghost' names unknown legal rule 'NO-SUCH-RULE'/);
  expectProblem(/clock 'ghost' stopsOn unknown action 'missingAction'/);
  expectProblem(/clock 'fixed' overrides the period of rule 'XZCF-60'/);
  expectProblem(/clock 'fixed' pauses but never resumes/);
  expectProblem(/clock 'notice' uses rule 'XZCF-64-2' with limit 'leadTime'/);
  // Reachable states with exits are not reported.
  assert.ok(
    !problems.some((problem) =>
      /'draft' is unreachable|'done' has no exit|'stuck' is unreachable/.test(problem),
    ),
  );
  assert.equal(problems.length, 9);
});

test('defineProcedure rejects undeclared states and actions at compile time', () => {
  const typeChecks = (): void => {
    defineProcedure({
      id: 't',
      label: 't',
      states: { a: 'A', b: 'B' },
      initial: 'a',
      terminal: ['b'],
      actions: {
        // @ts-expect-error 'c' is not a declared state
        go: { label: 'go', from: ['c'], to: 'b' },
      },
      clocks: {},
    });
    defineProcedure({
      id: 't',
      label: 't',
      states: { a: 'A', b: 'B' },
      initial: 'a',
      terminal: ['b'],
      // @ts-expect-error 'c' is not a declared state
      actions: { go: { label: 'go', from: ['a'], to: 'c' } },
      clocks: {},
    });
    defineProcedure({
      id: 't',
      label: 't',
      states: { a: 'A', b: 'B' },
      // @ts-expect-error 'z' is not a declared state
      initial: 'z',
      terminal: ['b'],
      actions: { go: { label: 'go', from: ['a'], to: 'b' } },
      clocks: {},
    });
    defineProcedure({
      id: 't',
      label: 't',
      states: { a: 'A', b: 'B' },
      initial: 'a',
      terminal: ['b'],
      actions: { go: { label: 'go', from: ['a'], to: 'b' } },
      // @ts-expect-error 'stop' is not a declared action
      clocks: { c: { label: 'c', rule: 'XZCF-60', startsOn: 'go', stopsOn: ['stop'] } },
    });
    defineProcedure({
      id: 't',
      label: 't',
      states: { a: 'A', b: 'B' },
      initial: 'a',
      terminal: ['b'],
      actions: { go: { label: 'go', from: ['a'], to: 'b' } },
      // @ts-expect-error the rule id must exist in legalRules
      clocks: { c: { label: 'c', rule: 'XZCF-999', startsOn: 'go', stopsOn: ['go'] } },
    });
  };
  assert.equal(typeof typeChecks, 'function');
});

test('allowedActions lists every exit of the state with its blocking reason', () => {
  const actions = allowedActions(sampleProcedure, snapshot('filed'), officer, '2026-03-02', { roleLabels });
  assert.deepEqual(
    actions.map(({ action, to, blockedBy }) => ({ action, to, blockedBy })),
    [
      { action: 'suspend', to: 'suspended', blockedBy: '需要以下角色之一：科室负责人' },
      { action: 'serveNotice', to: 'noticeServed', blockedBy: '需要至少2名持有效执法证的执法人员' },
    ],
  );
  const ready = allowedActions(
    sampleProcedure,
    snapshot('filed', { documents: ['priorNotice'], officers: [secondOfficer] }),
    officer,
    '2026-03-02',
  );
  assert.deepEqual(
    ready.find((entry) => entry.action === 'serveNotice'),
    { action: 'serveNotice', label: '送达告知书', to: 'noticeServed' },
  );
});

test('checkTransition: wrong state and unknown action', () => {
  assert.deepEqual(checkTransition(sampleProcedure, snapshot('filed'), principal, '2026-03-02', 'decide'), {
    ok: false,
    code: 'WRONG_STATE',
    reason: '当前状态为「已立案」，不能执行「作出决定」',
  });
  const unknown = checkTransition(sampleProcedure, snapshot('filed'), principal, '2026-03-02', 'toString');
  assert.equal(unknown.ok, false);
  assert.equal(!unknown.ok && unknown.code, 'UNKNOWN_ACTION');
});

test('checkTransition: a missing role names the allowed roles, by label when given', () => {
  const lead = snapshot('lead', { documents: ['filingApproval'] });
  assert.deepEqual(checkTransition(sampleProcedure, lead, officer, '2026-01-05', 'file'), {
    ok: false,
    code: 'FORBIDDEN_ROLE',
    reason: '需要以下角色之一：sectionHead',
  });
  const decided = checkTransition(
    sampleProcedure,
    snapshot('noticeServed'),
    officer,
    '2026-03-02',
    'decide',
    { roleLabels },
  );
  assert.equal(!decided.ok && decided.reason, '需要以下角色之一：主要负责人、分管领导');
  assert.deepEqual(checkTransition(sampleProcedure, lead, sectionHead, '2026-01-05', 'file'), {
    ok: true,
    to: 'filed',
  });
});

test('checkTransition: missing documents are listed, by label when given', () => {
  const filed = snapshot('decided');
  assert.deepEqual(checkTransition(sampleProcedure, filed, officer, '2026-03-02', 'serve'), {
    ok: false,
    code: 'MISSING_DOCUMENT',
    reason: '缺少文书：serviceReceipt',
  });
  const labelled = checkTransition(sampleProcedure, filed, officer, '2026-03-02', 'serve', {
    documentLabels: { serviceReceipt: '送达回证' },
  });
  assert.equal(!labelled.ok && labelled.reason, '缺少文书：送达回证');
  const withReceipt = snapshot('decided', { documents: ['serviceReceipt'] });
  assert.deepEqual(checkTransition(sampleProcedure, withReceipt, officer, '2026-03-02', 'serve'), {
    ok: true,
    to: 'served',
  });
});

test('checkTransition: 行政处罚法第四十二条 needs two certified officers', () => {
  const base = { documents: ['priorNotice'] };
  const uncertifiedActor: Actor = { id: 'clerk', roles: ['officer'], isCertified: false };
  const cases: [Actor, ProcedureSnapshot['officers'], boolean][] = [
    [officer, undefined, false],
    [officer, [{ id: 'officer-1', isCertified: true }], false], // the actor is counted once
    [officer, [{ id: 'officer-3', isCertified: false }], false],
    [uncertifiedActor, [secondOfficer], false],
    [uncertifiedActor, [secondOfficer, { id: 'officer-1', isCertified: true }], true],
    [officer, [secondOfficer], true],
  ];
  for (const [actor, officers, ok] of cases) {
    const result = checkTransition(
      sampleProcedure,
      snapshot('filed', { ...base, officers }),
      actor,
      '2026-02-12',
      'serveNotice',
    );
    assert.equal(result.ok, ok, JSON.stringify({ actor: actor.id, officers }));
    if (!result.ok) {
      assert.equal(result.code, 'CERTIFICATE');
      assert.equal(result.reason, '需要至少2名持有效执法证的执法人员');
    }
  }
});

test('checkTransition: a failing guard blocks with its Chinese reason', () => {
  // Notice served 2026-02-12: the hearing request period ends 2026-02-26 (XZCF-64-1, 5 working days).
  const steps = [stepOn('file', '2026-01-05'), stepOn('serveNotice', '2026-02-12')];
  const at = (today: string): ProcedureSnapshot =>
    snapshot('noticeServed', { steps, clocks: computeClocks(sampleProcedure, steps, calendar, { today }) });
  assert.deepEqual(checkTransition(sampleProcedure, at('2026-02-26'), principal, '2026-02-26', 'decide'), {
    ok: false,
    code: 'GUARD',
    reason: '听证申请期限至2026-02-26届满，届满前不能作出决定',
  });
  const blocked = allowedActions(sampleProcedure, at('2026-02-26'), principal, '2026-02-26');
  assert.equal(
    blocked.find((entry) => entry.action === 'decide')?.blockedBy,
    '听证申请期限至2026-02-26届满，届满前不能作出决定',
  );
  assert.deepEqual(checkTransition(sampleProcedure, at('2026-02-27'), principal, '2026-02-27', 'decide'), {
    ok: true,
    to: 'decided',
  });
});

test('checks run in a fixed order: role before certificate before documents', () => {
  const result = checkTransition(sampleProcedure, snapshot('lead'), officer, '2026-01-05', 'file');
  assert.equal(!result.ok && result.code, 'FORBIDDEN_ROLE');
  const noOfficers = checkTransition(
    sampleProcedure,
    snapshot('filed'),
    officer,
    '2026-01-05',
    'serveNotice',
  );
  assert.equal(!noOfficers.ok && noOfficers.code, 'CERTIFICATE');
});
