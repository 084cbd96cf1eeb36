import { legalRules, type LegalRule, type LegalRuleId } from '../law/legal-rules.ts';
import type { ClockState, StepRecord } from './clocks.ts';

/** A role id such as 'officer' or 'sectionHead'; the role catalogue and its labels live with access control. */
export type RoleId = string;

export type Actor = {
  id: string;
  roles: readonly RoleId[];
  /** Holds a valid 行政执法证 today. */
  isCertified: boolean;
};

export type GuardContext = {
  record: Record<string, unknown>;
  steps: readonly StepRecord[];
  /** Document kinds that exist on the record. */
  documents: readonly string[];
  actor: Actor;
  today: string;
  /** computeClocks output, when the caller computed it (a guard such as 听证申请期限届满 reads it). */
  clocks?: readonly ClockState[];
  /** Undefined when allowedActions previews buttons; guards that validate input must pass then. */
  input?: unknown;
};

export type Guard = {
  id: string;
  label: string;
  check: (context: GuardContext) => true | string;
};

export type ActionDefinition<S extends string = string> = {
  label: string;
  from: readonly S[];
  to: S;
  /** Omitted: any role with write access on the record (the engine checks that). */
  roles?: readonly RoleId[];
  /** 行政处罚法第四十二条：执法人员不得少于两人. */
  requiresCertifiedOfficers?: number;
  /** Document kinds that must exist before the action. */
  documents?: readonly string[];
  guards?: readonly Guard[];
};

export type ClockDefinition<A extends string = string> = {
  label: string;
  rule: LegalRuleId;
  startsOn: A | readonly A[];
  stopsOn: readonly A[];
  pausesOn?: readonly A[];
  resumesOn?: readonly A[];
  /** Period override for configurable rules (陈述申辩); organisation settings take precedence. */
  period?: number;
};

export type ProcedureDefinition<
  S extends string = string,
  A extends string = string,
  C extends string = string,
> = {
  id: string;
  label: string;
  states: Record<S, string>;
  initial: NoInfer<S>;
  terminal: readonly NoInfer<S>[];
  actions: Record<A, ActionDefinition<NoInfer<S>>>;
  clocks: Record<C, ClockDefinition<NoInfer<A>>>;
};

/** Any procedure, for code that walks definitions generically. */
export type AnyProcedure = ProcedureDefinition<string, string, string>;
export type StateOf<P> = P extends ProcedureDefinition<infer S, string, string> ? S : never;
export type ActionOf<P> = P extends ProcedureDefinition<string, infer A, string> ? A : never;
export type ClockOf<P> = P extends ProcedureDefinition<string, string, infer C> ? C : never;

/** Declares a workflow; state, action and clock names are inferred from the keys of states, actions and clocks. */
export function defineProcedure<const S extends string, const A extends string, const C extends string>(
  definition: ProcedureDefinition<S, A, C>,
): ProcedureDefinition<S, A, C> {
  return definition;
}

/** Where a record stands; the engine reads this from the record row, its step rows and its documents. */
export type ProcedureSnapshot = {
  state: string;
  steps: readonly StepRecord[];
  documents: readonly string[];
  record: Record<string, unknown>;
  clocks?: readonly ClockState[];
  /** Officers taking part in the act (assigned to the case or named in the input); the actor is added if certified. */
  officers?: readonly { id: string; isCertified: boolean }[];
};

export type TransitionOptions = {
  /** Role id → Chinese label, for blocked reasons. */
  roleLabels?: Readonly<Record<string, string>>;
  /** Document kind → Chinese label (立案审批表 …), for blocked reasons. */
  documentLabels?: Readonly<Record<string, string>>;
  input?: unknown;
};

export type TransitionCode =
  'WRONG_STATE' | 'UNKNOWN_ACTION' | 'FORBIDDEN_ROLE' | 'CERTIFICATE' | 'MISSING_DOCUMENT' | 'GUARD';

export type TransitionCheck<S extends string = string> =
  { ok: true; to: S } | { ok: false; reason: string; code: TransitionCode };

export type AllowedAction<S extends string = string, A extends string = string> = {
  action: A;
  label: string;
  to: S;
  blockedBy?: string;
};

const entriesOf = <K extends string, V>(record: Record<K, V>): [K, V][] => Object.entries(record) as [K, V][];

export const asList = <T extends string>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : typeof value === 'string' ? [value as T] : (value as readonly T[]);

/** Structural problems of a definition; an empty list means it is sound. */
export function validateProcedure(definition: AnyProcedure): string[] {
  const problems: string[] = [];
  const states = new Set(Object.keys(definition.states));
  const actions = entriesOf(definition.actions);
  const actionNames = new Set(actions.map(([name]) => name));
  const terminal = new Set<string>(definition.terminal);

  if (!states.has(definition.initial)) problems.push(`initial state '${definition.initial}' is not declared`);
  for (const state of terminal) {
    if (!states.has(state)) problems.push(`terminal state '${state}' is not declared`);
  }

  for (const [name, action] of actions) {
    if (action.from.length === 0) problems.push(`action '${name}' has no from state`);
    for (const from of action.from) {
      if (!states.has(from)) problems.push(`action '${name}' starts from unknown state '${from}'`);
      if (terminal.has(from)) problems.push(`terminal state '${from}' has an exit: action '${name}'`);
    }
    if (!states.has(action.to)) problems.push(`action '${name}' leads to unknown state '${action.to}'`);
    const officers = action.requiresCertifiedOfficers;
    if (officers !== undefined && !(Number.isInteger(officers) && officers >= 1)) {
      problems.push(`action '${name}' requires an invalid number of certified officers: ${officers}`);
    }
  }

  const reachable = new Set<string>([definition.initial]);
  const queue = [definition.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const [, action] of actions) {
      if (action.from.includes(state) && !reachable.has(action.to)) {
        reachable.add(action.to);
        queue.push(action.to);
      }
    }
  }
  for (const state of states) {
    if (!reachable.has(state)) problems.push(`state '${state}' is unreachable from '${definition.initial}'`);
    const hasExit = actions.some(([, action]) => action.from.includes(state));
    if (!terminal.has(state) && !hasExit)
      problems.push(`non-terminal state '${state}' has no exit (dead end)`);
  }

  for (const [name, clock] of entriesOf(definition.clocks)) {
    const rule: LegalRule | undefined = Object.hasOwn(legalRules, clock.rule)
      ? (legalRules as Record<string, LegalRule>)[clock.rule]
      : undefined;
    if (rule === undefined) {
      problems.push(`clock '${name}' names unknown legal rule '${clock.rule}'`);
    } else {
      if (rule.unit === undefined)
        problems.push(`clock '${name}' uses rule '${clock.rule}', which has no period unit`);
      // A clock counts forward to a deadline; leadTime and minimum periods are checked by guards instead.
      if ((rule.limit ?? 'deadline') !== 'deadline') {
        problems.push(`clock '${name}' uses rule '${clock.rule}' with limit '${rule.limit}'; use a guard`);
      }
      if (clock.period !== undefined && rule.configurable !== true) {
        problems.push(
          `clock '${name}' overrides the period of rule '${clock.rule}', which is not configurable`,
        );
      }
      if (rule.period === undefined && clock.period === undefined && rule.configurable !== true) {
        problems.push(`clock '${name}' uses rule '${clock.rule}', which has no period`);
      }
    }
    const references: [string, readonly string[]][] = [
      ['startsOn', asList(clock.startsOn)],
      ['stopsOn', clock.stopsOn],
      ['pausesOn', clock.pausesOn ?? []],
      ['resumesOn', clock.resumesOn ?? []],
    ];
    for (const [field, names] of references) {
      for (const action of names) {
        if (!actionNames.has(action)) problems.push(`clock '${name}' ${field} unknown action '${action}'`);
      }
    }
    if (asList(clock.startsOn).length === 0) problems.push(`clock '${name}' never starts`);
    if ((clock.pausesOn?.length ?? 0) > 0 && (clock.resumesOn?.length ?? 0) === 0) {
      problems.push(`clock '${name}' pauses but never resumes`);
    }
  }
  return problems;
}

function certifiedCount(snapshot: ProcedureSnapshot, actor: Actor): number {
  const ids = new Set(
    (snapshot.officers ?? []).filter((officer) => officer.isCertified).map((officer) => officer.id),
  );
  if (actor.isCertified) ids.add(actor.id);
  return ids.size;
}

/** Whether the actor may take the action now; checks run in the order state, role, certificate, documents, guards. */
export function checkTransition<S extends string, A extends string, C extends string>(
  definition: ProcedureDefinition<S, A, C>,
  snapshot: ProcedureSnapshot,
  actor: Actor,
  today: string,
  action: A | string,
  options: TransitionOptions = {},
): TransitionCheck<S> {
  const actions: Record<string, ActionDefinition<S> | undefined> = definition.actions;
  const declared = Object.hasOwn(actions, action) ? actions[action] : undefined;
  const stateLabel = (definition.states as Record<string, string>)[snapshot.state] ?? snapshot.state;
  if (declared === undefined) {
    return { ok: false, code: 'UNKNOWN_ACTION', reason: `流程「${definition.label}」没有「${action}」操作` };
  }
  if (!(declared.from as readonly string[]).includes(snapshot.state)) {
    return {
      ok: false,
      code: 'WRONG_STATE',
      reason: `当前状态为「${stateLabel}」，不能执行「${declared.label}」`,
    };
  }
  if (declared.roles !== undefined && !declared.roles.some((role) => actor.roles.includes(role))) {
    const labels = declared.roles.map((role) => options.roleLabels?.[role] ?? role);
    return { ok: false, code: 'FORBIDDEN_ROLE', reason: `需要以下角色之一：${labels.join('、')}` };
  }
  const required = declared.requiresCertifiedOfficers;
  if (required !== undefined && certifiedCount(snapshot, actor) < required) {
    // 行政处罚法第四十二条：执法人员不得少于两人
    return { ok: false, code: 'CERTIFICATE', reason: `需要至少${required}名持有效执法证的执法人员` };
  }
  const missing = (declared.documents ?? []).filter((kind) => !snapshot.documents.includes(kind));
  if (missing.length > 0) {
    const labels = missing.map((kind) => options.documentLabels?.[kind] ?? kind);
    return { ok: false, code: 'MISSING_DOCUMENT', reason: `缺少文书：${labels.join('、')}` };
  }
  const context: GuardContext = {
    record: snapshot.record,
    steps: snapshot.steps,
    documents: snapshot.documents,
    actor,
    today,
    clocks: snapshot.clocks,
    input: options.input,
  };
  for (const guard of declared.guards ?? []) {
    const verdict = guard.check(context);
    if (verdict !== true) return { ok: false, code: 'GUARD', reason: verdict };
  }
  return { ok: true, to: declared.to };
}

/** The actions leaving the current state, each with the reason it is blocked for this actor, if any. */
export function allowedActions<S extends string, A extends string, C extends string>(
  definition: ProcedureDefinition<S, A, C>,
  snapshot: ProcedureSnapshot,
  actor: Actor,
  today: string,
  options: TransitionOptions = {},
): AllowedAction<S, A>[] {
  const result: AllowedAction<S, A>[] = [];
  for (const [action, declared] of entriesOf<A, ActionDefinition<S>>(definition.actions)) {
    if (!(declared.from as readonly string[]).includes(snapshot.state)) continue;
    const check = checkTransition(definition, snapshot, actor, today, action, options);
    const entry: AllowedAction<S, A> = { action, label: declared.label, to: declared.to };
    if (!check.ok) entry.blockedBy = check.reason;
    result.push(entry);
  }
  return result;
}
