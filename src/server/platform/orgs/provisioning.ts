import type { Db } from '../../db/client.ts';
import type { OrgKind, RoleId } from '../../../shared/platform/access.ts';
import { orgs, userRoles, users } from './tables.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { hashPassword } from '../auth/passwords.ts';

export type ProvisionedOrg = { id: string; path: string; name: string };

/** Creates an organisation as the system (seed, dataset generator, test factories), audited. */
export async function provisionOrg(
  tx: Db,
  input: { parent: ProvisionedOrg | null; name: string; kind: OrgKind; code?: string; region?: string },
): Promise<ProvisionedOrg> {
  const id = crypto.randomUUID();
  const path = `${input.parent?.path ?? '/'}${id}/`;
  await tx.insert(orgs).values({
    id,
    parentId: input.parent?.id ?? null,
    name: input.name,
    kind: input.kind,
    code: input.code ?? null,
    region: input.region ?? null,
    path,
  });
  await recordAudit(tx, {
    actor: null,
    orgId: id,
    action: 'orgs.create',
    entityType: 'org',
    entityId: id,
    after: { name: input.name, kind: input.kind, path },
  });
  return { id, path, name: input.name };
}

export type ProvisionedUser = { id: string; username: string; displayName: string; orgId: string };

/** Creates a user as the system; pass a precomputed hash to create thousands without re-hashing. */
export async function provisionUser(
  tx: Db,
  input: {
    org: ProvisionedOrg;
    username: string;
    displayName: string;
    roleIds: RoleId[];
    password?: string;
    passwordHash?: string;
    mustChangePassword?: boolean;
  },
): Promise<ProvisionedUser> {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? crypto.randomUUID()));
  const [row] = await tx
    .insert(users)
    .values({
      orgId: input.org.id,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning({ id: users.id });
  await tx.insert(userRoles).values(input.roleIds.map((roleId) => ({ userId: row!.id, roleId })));
  await recordAudit(tx, {
    actor: null,
    orgId: input.org.id,
    action: 'users.create',
    entityType: 'user',
    entityId: row!.id,
    after: { username: input.username, displayName: input.displayName, roleIds: input.roleIds },
  });
  return { id: row!.id, username: input.username, displayName: input.displayName, orgId: input.org.id };
}
