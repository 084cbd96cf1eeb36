import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AnyProcedure } from '../../../shared/procedure/define-procedure.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';

/**
 * How the engine finds a workflow's records: the module's own table (state lives on the record, as
 * architecture.md asks) and optional readers for the facts guards need.
 */
export type RegisteredProcedure = {
  definition: AnyProcedure;
  table: PgTable;
  columns: { id: PgColumn; orgId: PgColumn; state: PgColumn; title: PgColumn; assigneeId?: PgColumn };
  /** When several procedures share a table (普通程序 and 简易程序 cases), which rows belong to this one. */
  recordFilter?: SQL;
  /** Where the web shows a record, e.g. `/cases/<id>`. */
  link: (recordId: string) => string;
  /** Document kinds present on the record (立案审批表 …), for `documents` requirements. */
  documentsOf?: (db: Db, recordId: string) => Promise<string[]>;
  /** Officers taking part (user ids); their certificates are checked on the day of the act. */
  officersOf?: (db: Db, recordId: string) => Promise<string[]>;
  documentLabels?: Record<string, string>;
  /** The record's fields the guards read (e.g. isMajor, hearingOffered), merged into the guard context's record. */
  factsOf?: (db: Db, recordId: string) => Promise<Record<string, unknown>>;
  /**
   * The module's own effects of an action (a 文号 on 立案, the decision date on 作出决定 …), run by the engine
   * inside the same transaction, after the state moved and before the deadlines are recomputed.
   */
  onTransition?: (tx: Db, event: TransitionEvent) => Promise<void>;
};

export type TransitionEvent = {
  action: string;
  from: string;
  to: string;
  recordId: string;
  orgId: string;
  actor: Actor;
  input: unknown;
  /** The day of the act in China (YYYY-MM-DD). */
  today: string;
};

const procedures = new Map<string, RegisteredProcedure>();

/** Modules call this once at import time for each workflow they declare. */
export function registerProcedure(procedure: RegisteredProcedure): void {
  procedures.set(procedure.definition.id, procedure);
}

export function findProcedure(procedureId: string): RegisteredProcedure | undefined {
  return procedures.get(procedureId);
}

export function registeredProcedures(): RegisteredProcedure[] {
  return [...procedures.values()];
}
