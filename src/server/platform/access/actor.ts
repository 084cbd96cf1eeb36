import type { Permission, RoleId, WriteScope } from '../../../shared/platform/access.ts';
import { forbidden, notFound } from '../errors.ts';

/** The signed-in user as every service sees them. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgPath: string;
  roleIds: RoleId[];
  permissions: ReadonlySet<Permission>;
  writeScope: WriteScope;
};

/** A row owned by an organisation, with that organisation's materialised path. */
export type Owned = { orgId: string; orgPath: string };

/**
 * The organisation the actor acts for: their own, or — for the staff of a 科室, whose scope is the organ's subtree
 * (auth/service.ts) — the organ (委/局/所) itself. Records that belong to "the actor's organisation" as a body
 * (a 评查 round, a rubric) belong to this one.
 */
export function actingOrgId(actor: Actor): string {
  return actor.orgPath.split('/').filter(Boolean).at(-1)!;
}

export function canRead(actor: Actor, owner: Owned): boolean {
  return owner.orgPath.startsWith(actor.orgPath);
}

export function canWrite(actor: Actor, owner: Owned): boolean {
  if (owner.orgId === actor.orgId) return true;
  return actor.writeScope === 'subtree' && owner.orgPath.startsWith(actor.orgPath);
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/**
 * The one authorisation rule: read within the actor's subtree, write within the actor's own organisation
 * (or its subtree when a role grants 'subtree'). Outside the subtree the record does not exist for them (404).
 */
export function authorize(
  actor: Actor,
  owner: Owned | null | undefined,
  need: { write?: boolean; permission?: Permission; what?: string } = {},
): asserts owner is Owned {
  if (!owner || !canRead(actor, owner)) throw notFound(need.what);
  if (need.permission && !hasPermission(actor, need.permission)) throw forbidden();
  if (need.write && !canWrite(actor, owner)) throw forbidden('只能修改本机构的记录');
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw forbidden();
}

/** Deployment-wide data (roles, the calendar, the audit chain) belongs to the root organisation's admins. */
export function isRootActor(actor: Actor): boolean {
  return actor.orgPath.split('/').filter(Boolean).length === 1;
}
