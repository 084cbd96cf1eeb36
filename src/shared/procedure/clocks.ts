import {
  addCalendarDays,
  addWorkingDays,
  CalendarRangeError,
  countWorkingDays,
  daysBetween,
  type CalendarData,
} from '../law/calendar.ts';
import { dueDateForRule, legalRules, type LegalRule, type LegalRuleId } from '../law/legal-rules.ts';
import { asList, type ProcedureDefinition } from './define-procedure.ts';

export type StepRecord = {
  action: string;
  /** ISO timestamp of the transition. */
  at: string;
  /** YYYY-MM-DD of `at` in Asia/Shanghai (see shanghaiDate). */
  date: string;
};

export type ClockStatus = 'notStarted' | 'running' | 'paused' | 'stopped';

export type ClockState<C extends string = string> = {
  clock: C;
  label: string;
  ruleId: LegalRuleId;
  citation: string;
  status: ClockStatus;
  startedOn?: string;
  stoppedOn?: string;
  /** Last lawful day, extended by paused days. */
  dueDate?: string;
  unshiftedDate?: string;
  warning?: string;
  /** Natural days from today to dueDate, negative when overdue; only for running or paused clocks. */
  daysLeft?: number;
  /** Paused days added to the period, in the rule's unit (natural or working days). */
  pausedDays?: number;
  isOverdue: boolean;
  stoppedLate?: boolean;
  /** The due date could not be computed, e.g. the calendar of that year is not loaded. */
  error?: string;
};

export type ClockSettings<C extends string = string> = {
  /** Organisation periods for configurable rules; they win over the clock's own `period`. */
  periods?: Partial<Record<C, number>>;
};

export const dueSoonThresholdDays = 3;

const shanghaiOffsetMs = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an ISO timestamp; China has kept UTC+8 without DST since 1991. */
export function shanghaiDate(isoTimestamp: string): string {
  const time = Date.parse(isoTimestamp);
  if (Number.isNaN(time)) throw new RangeError(`Invalid timestamp: ${isoTimestamp}`);
  return new Date(time + shanghaiOffsetMs).toISOString().slice(0, 10);
}

type Phase = {
  status: Exclude<ClockStatus, 'notStarted'>;
  startedOn: string;
  stoppedOn?: string;
  pauses: [string, string | undefined][];
};

// The last start wins (a re-served notice restarts the hearing clock); only later steps stop, pause or resume it.
function replay(
  clock: {
    startsOn: string | readonly string[];
    stopsOn: readonly string[];
    pausesOn?: readonly string[];
    resumesOn?: readonly string[];
  },
  steps: readonly StepRecord[],
): Phase | undefined {
  const startsOn = asList(clock.startsOn);
  const startIndex = steps.findLastIndex((step) => startsOn.includes(step.action));
  const start = steps[startIndex];
  if (start === undefined) return undefined;
  const phase: Phase = { status: 'running', startedOn: start.date, pauses: [] };
  for (const step of steps.slice(startIndex + 1)) {
    if (clock.stopsOn.includes(step.action)) {
      phase.status = 'stopped';
      phase.stoppedOn = step.date;
      break;
    }
    if (phase.status === 'running' && clock.pausesOn?.includes(step.action)) {
      phase.status = 'paused';
      phase.pauses.push([step.date, undefined]);
    } else if (phase.status === 'paused' && clock.resumesOn?.includes(step.action)) {
      phase.status = 'running';
      const open = phase.pauses.at(-1);
      if (open !== undefined) open[1] = step.date;
    }
  }
  return phase;
}

function sortedSteps(steps: readonly StepRecord[]): StepRecord[] {
  // Stable sort keeps the insertion order of steps with the same timestamp.
  return [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The state of every clock of a procedure, from its steps; due dates come from legal-rules.ts. */
export function computeClocks<S extends string, A extends string, C extends string>(
  definition: ProcedureDefinition<S, A, C>,
  steps: readonly StepRecord[],
  cal: CalendarData,
  options: { today: string; settings?: ClockSettings<C> },
): ClockState<C>[] {
  const ordered = sortedSteps(steps);
  const { today } = options;
  const states: ClockState<C>[] = [];
  for (const [clock, declared] of Object.entries(definition.clocks) as [
    C,
    ProcedureDefinition<S, A, C>['clocks'][C],
  ][]) {
    const rule: LegalRule = legalRules[declared.rule];
    const state: ClockState<C> = {
      clock,
      label: declared.label,
      ruleId: declared.rule,
      citation: rule.citation,
      status: 'notStarted',
      isOverdue: false,
    };
    states.push(state);
    const phase = replay(declared, ordered);
    if (phase === undefined) continue;
    state.status = phase.status;
    state.startedOn = phase.startedOn;
    if (phase.stoppedOn !== undefined) state.stoppedOn = phase.stoppedOn;
    const period = options.settings?.periods?.[clock] ?? declared.period;
    try {
      // 中止期间不计入期限: an open pause runs until the stop, or until today.
      const endOfOpenPause = phase.stoppedOn ?? today;
      let pausedDays = 0;
      for (const [pausedOn, resumedOn = endOfOpenPause] of phase.pauses) {
        pausedDays +=
          rule.unit === 'workingDay'
            ? Math.max(0, countWorkingDays(cal, pausedOn, resumedOn))
            : Math.max(0, daysBetween(pausedOn, resumedOn));
      }
      // Moving the start by the paused days lets dueDateForRule apply the unit and the rest-day shift once.
      let effectiveStart = phase.startedOn;
      if (pausedDays > 0) {
        effectiveStart =
          rule.unit === 'workingDay'
            ? addWorkingDays(cal, phase.startedOn, pausedDays)
            : addCalendarDays(phase.startedOn, pausedDays);
        state.pausedDays = pausedDays;
      }
      const due = dueDateForRule(
        cal,
        declared.rule,
        effectiveStart,
        period === undefined ? undefined : { period },
      );
      state.dueDate = due.dueDate;
      state.unshiftedDate = due.unshiftedDate;
      state.citation = due.citation;
      if (due.warning !== undefined) state.warning = due.warning;
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
      state.error = error.message;
      continue;
    }
    if (phase.status === 'stopped') {
      state.stoppedLate = phase.stoppedOn !== undefined && phase.stoppedOn > state.dueDate;
    } else {
      state.daysLeft = daysBetween(today, state.dueDate);
      state.isOverdue = state.daysLeft < 0;
    }
  }
  return states;
}

/** Deadline badge: overdue after the due date, dueSoon within dueSoonThresholdDays of it, otherwise open. */
export function classifyDeadline(
  clock: Pick<ClockState, 'status' | 'dueDate' | 'isOverdue'>,
  today: string,
): 'dueSoon' | 'overdue' | 'open' {
  if (clock.dueDate === undefined) return 'open';
  // A paused clock does not run, so it never becomes "due soon"; it stays overdue if it was paused too late.
  if (clock.status === 'paused') return clock.isOverdue ? 'overdue' : 'open';
  if (clock.status !== 'running') return 'open';
  const daysLeft = daysBetween(today, clock.dueDate);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= dueSoonThresholdDays ? 'dueSoon' : 'open';
}
