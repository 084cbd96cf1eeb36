// The life of one generated penalty case: its state in the ordinary procedure, the dates consistent with that
// state, the penalty, and every clock (procedure_deadlines) the engine would have started and stopped by now.
import { addCalendarDays, daysBetween } from '../../src/shared/law/calendar.ts';
import { ordinaryPenaltyProcedure, type OrdinaryPenaltyState } from '../../src/shared/cases/procedure.ts';
import type { Random } from '../lib/random.ts';

/** The earliest date a generated case is registered on. */
export const firstCaseDate = '2024-01-01';

// How the generated cases spread over the states: most finished, every other state present.
export const stateWeights: ReadonlyArray<readonly [OrdinaryPenaltyState, number]> = [
  ['archived', 44],
  ['closed', 24],
  ['notFiled', 1.5],
  ['notPenalised', 1.5],
  ['transferred', 1],
  ['revoked', 0.4],
  ['lead', 2.5],
  ['filed', 1.5],
  ['investigating', 7],
  ['suspended', 0.6],
  ['deliberated', 1.5],
  ['noticeServed', 2.5],
  ['hearing', 0.5],
  ['legalReview', 1.5],
  ['collectiveDeliberation', 0.5],
  ['decided', 1.5],
  ['served', 2],
  ['enforcing', 2],
];

export type ClockName = keyof typeof ordinaryPenaltyProcedure.clocks;

/** Calendar-day approximations of each clock's period (working days × 7/5 where the rule counts working days). */
export const clockDays: Record<ClockName, number> = {
  filing: 21,
  decision: 90,
  evidencePreservation: 10,
  statement: 5,
  hearingRequest: 5,
  service: 7,
  publication: 9,
  payment: 15,
};

export type GeneratedClock = {
  clock: ClockName;
  status: 'running' | 'stopped' | 'paused';
  startedOn: string;
  dueDate: string;
  stoppedOn: string | null;
};

export type CaseTimeline = {
  state: OrdinaryPenaltyState;
  leadOn: string;
  filedOn: string | null;
  decidedOn: string | null;
  servedOn: string | null;
  paidOn: string | null;
  closedOn: string | null;
  hearingOffered: boolean;
  clocks: GeneratedClock[];
};

const finished = new Set<OrdinaryPenaltyState>([
  'archived',
  'closed',
  'notFiled',
  'notPenalised',
  'transferred',
  'revoked',
]);
export const isFinishedState = (state: string) => finished.has(state as OrdinaryPenaltyState);

/** States whose case carries a penalty decision (fine or warning). */
export const decidedStates = new Set<string>([
  'decided',
  'served',
  'enforcing',
  'closed',
  'archived',
  'revoked',
]);

/** A timeline for a case in `state`, every date in [firstCaseDate, today] and in procedural order. */
export function planTimeline(random: Random, state: OrdinaryPenaltyState, today: string): CaseTimeline {
  const plus = (date: string, min: number, max: number) => addCalendarDays(date, random.int(min, max));
  const ago = (min: number, max: number) => addCalendarDays(today, -random.int(min, max));
  /** Uniform in [from, to], clamped to the generated period. */
  const between = (from: string, to: string) => {
    const lo = from < firstCaseDate ? firstCaseDate : from;
    const hi = to > today ? today : to;
    return hi <= lo ? lo : addCalendarDays(lo, random.int(0, daysBetween(lo, hi)));
  };
  const clocks: GeneratedClock[] = [];
  const clock = (name: ClockName, startedOn: string, stoppedOn: string | null, paused = false) =>
    clocks.push({
      clock: name,
      status: stoppedOn ? 'stopped' : paused ? 'paused' : 'running',
      startedOn,
      dueDate: addCalendarDays(startedOn, clockDays[name]),
      stoppedOn,
    });
  const t: CaseTimeline = {
    state,
    leadOn: today,
    filedOn: null,
    decidedOn: null,
    servedOn: null,
    paidOn: null,
    closedOn: null,
    hearingOffered: state === 'hearing' || random.chance(0.08),
    clocks,
  };
  // Open cases are dated back from today so their running clocks fall due around it (some overdue, some soon);
  // finished ones run forward from a registration date early enough for every later date to be in the past.
  switch (state) {
    case 'lead':
      t.leadOn = ago(0, 25);
      clock('filing', t.leadOn, null);
      break;
    case 'notFiled':
    case 'transferred': {
      t.leadOn = between(firstCaseDate, addCalendarDays(today, -60));
      const fromInvestigation = state === 'transferred' && random.chance(0.5);
      if (fromInvestigation) {
        t.filedOn = plus(t.leadOn, 1, 10);
        t.closedOn = plus(t.filedOn, 5, 40);
        clock('filing', t.leadOn, t.filedOn);
        clock('decision', t.filedOn, t.closedOn);
      } else {
        t.closedOn = plus(t.leadOn, 2, 14);
        clock('filing', t.leadOn, t.closedOn);
      }
      break;
    }
    case 'filed':
    case 'investigating':
    case 'suspended':
    case 'deliberated': {
      const window = { filed: [0, 12], investigating: [3, 100], suspended: [20, 300], deliberated: [30, 95] }[
        state
      ];
      t.filedOn = ago(window[0]!, window[1]!);
      t.leadOn = addCalendarDays(t.filedOn, -random.int(1, 10));
      clock('filing', t.leadOn, t.filedOn);
      clock('decision', t.filedOn, null, state === 'suspended');
      break;
    }
    case 'noticeServed':
    case 'hearing':
    case 'legalReview':
    case 'collectiveDeliberation': {
      t.filedOn = ago(35, 100);
      t.leadOn = addCalendarDays(t.filedOn, -random.int(1, 10));
      const noticeOn = state === 'noticeServed' ? ago(0, 8) : ago(6, 25);
      clock('filing', t.leadOn, t.filedOn);
      clock('decision', t.filedOn, null);
      const heard = state === 'noticeServed' ? null : plus(noticeOn, 1, 5);
      clock('statement', noticeOn, heard);
      if (t.hearingOffered) clock('hearingRequest', noticeOn, heard);
      break;
    }
    case 'decided':
    case 'served':
    case 'enforcing': {
      t.decidedOn = { decided: ago(0, 12), served: ago(3, 25), enforcing: ago(30, 300) }[state];
      t.filedOn = addCalendarDays(t.decidedOn, -random.int(15, 85));
      t.leadOn = addCalendarDays(t.filedOn, -random.int(1, 10));
      decisionClocks(t.decidedOn);
      if (state === 'decided') {
        clock('service', t.decidedOn, null);
        clock('publication', t.decidedOn, null);
      } else {
        t.servedOn = plus(t.decidedOn, 1, Math.min(3, daysBetween(t.decidedOn, today)));
        clock('service', t.decidedOn, t.servedOn);
        clock('publication', t.decidedOn, plus(t.decidedOn, 1, Math.min(7, daysBetween(t.decidedOn, today))));
        clock('payment', t.servedOn, null);
      }
      break;
    }
    default: {
      // archived, closed, notPenalised, revoked: registered long enough ago for all ~140 days to have passed.
      const latest = addCalendarDays(today, state === 'archived' ? -200 : -145);
      const earliest = state === 'closed' ? addCalendarDays(today, -420) : firstCaseDate;
      t.leadOn = between(earliest, latest);
      t.filedOn = plus(t.leadOn, 1, 10);
      const decisionOn = plus(t.filedOn, 15, 85);
      decisionClocks(decisionOn);
      if (state === 'notPenalised') {
        t.closedOn = plus(decisionOn, 1, 15);
        break;
      }
      t.decidedOn = decisionOn;
      t.servedOn = plus(t.decidedOn, 1, 6);
      clock('service', t.decidedOn, t.servedOn);
      clock('publication', t.decidedOn, plus(t.decidedOn, 1, 7));
      if (state === 'revoked') {
        t.closedOn = plus(t.servedOn, 5, 40);
        clock('payment', t.servedOn, t.closedOn);
        break;
      }
      // Most pay within the 15 days; some late (加处罚款), settled after enforcement.
      t.paidOn = random.chance(0.9) ? plus(t.servedOn, 1, 15) : plus(t.servedOn, 16, 40);
      t.closedOn = plus(t.paidOn, 1, 15);
      clock('payment', t.servedOn, t.paidOn);
    }
  }
  return t;

  /** Filing and decision clocks stopped by the decision; statement (and hearing request) stopped before it. */
  function decisionClocks(decisionOn: string): void {
    const filedOn = t.filedOn!;
    clock('filing', t.leadOn, filedOn);
    clock('decision', filedOn, decisionOn);
    const noticeOn = between(addCalendarDays(filedOn, 1), addCalendarDays(decisionOn, -6));
    const heard = plus(noticeOn, 1, 5);
    clock('statement', noticeOn, heard);
    if (t.hearingOffered) clock('hearingRequest', noticeOn, heard);
  }
}

/** The penalty of a decided case: warning only, or a fine (hundreds of yuan, in fen), sometimes confiscation. */
export function planPenalty(
  random: Random,
  partyKind: 'person' | 'organisation',
): { kinds: string[]; fineFen: number; confiscationFen: number } {
  if (random.chance(0.15)) return { kinds: ['warning'], fineFen: 0, confiscationFen: 0 };
  const yuan =
    partyKind === 'organisation'
      ? random.weighted([
          [2_000, 20],
          [5_000, 25],
          [10_000, 20],
          [20_000, 15],
          [30_000, 10],
          [50_000, 6],
          [100_000, 3],
          [200_000, 1],
        ] as const)
      : random.weighted([
          [200, 15],
          [500, 25],
          [1_000, 25],
          [3_000, 20],
          [5_000, 10],
          [10_000, 4],
          [20_000, 1],
        ] as const);
  const fineFen = Math.round((yuan * random.int(60, 140)) / 100 / 100) * 100 * 100;
  const confiscate = random.chance(0.1);
  const kinds = random.chance(0.5) ? ['warning', 'fine'] : ['fine'];
  if (confiscate) kinds.push('confiscateIllegalIncome');
  return {
    kinds,
    fineFen: Math.max(fineFen, 10_000),
    confiscationFen: confiscate ? random.int(5, 500) * 10_000 : 0,
  };
}
