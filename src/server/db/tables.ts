// Every Drizzle table of the app, for the db client and drizzle-kit.
export * from '../platform/orgs/tables.ts';
export * from '../platform/auth/tables.ts';
export * from '../platform/audit/tables.ts';
export * from '../platform/officers/tables.ts';
export * from '../platform/calendar/tables.ts';
export * from '../platform/files/tables.ts';
export * from '../platform/numbering/tables.ts';
export * from '../platform/procedure-engine/tables.ts';
export * from '../platform/outbox/tables.ts';
export * from '../modules/cases/tables.ts';
export * from '../modules/casefile-reviews/tables.ts';
export * from '../modules/entities/tables.ts';
export * from '../modules/inspections/tables.ts';
