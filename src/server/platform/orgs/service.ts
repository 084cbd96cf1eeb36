import { and, asc, count, eq, ilike, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { allPermissions, permissionLabels, type RoleId } from '../../../shared/platform/access.ts';
import type {
  CreateOrgInput,
  CreateUserInput,
  Org,
  Role,
  UpdateOrgInput,
  UpdateRoleInput,
  UpdateUserInput,
  User,
  UserListQuery,
} from '../../../shared/platform/orgs.ts';
import { orgs, roles, userRoles, users } from './tables.ts';
import { type Actor, type Owned, authorize, requirePermission, isRootActor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { hashPassword } from '../auth/passwords.ts';
import { conflict, forbidden, invalidField, notFound } from '../errors.ts';

/** The organisation as an owner for `authorize`, or null when it does not exist. */
export async function findOrgOwner(db: Db, orgId: string): Promise<(Owned & { name: string }) | null> {
  const [row] = await db
    .select({ orgId: orgs.id, orgPath: orgs.path, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return row ?? null;
}

const toOrg = (row: typeof orgs.$inferSelect): Org => ({
  id: row.id,
  parentId: row.parentId,
  name: row.name,
  kind: row.kind as Org['kind'],
  code: row.code,
  region: row.region,
});

/** The actor's organisation and everything below it. */
export async function listVisibleOrgs(db: Db, actor: Actor): Promise<Org[]> {
  const rows = await db
    .select()
    .from(orgs)
    .where(like(orgs.path, `${actor.orgPath}%`))
    .orderBy(asc(orgs.path));
  return rows.map(toOrg);
}

export async function createOrg(db: Db, actor: Actor, input: CreateOrgInput): Promise<Org> {
  const parent = await findOrgOwner(db, input.parentId);
  if (!parent) throw invalidField('parentId', '上级机构不存在');
  authorize(actor, parent, { write: true, permission: 'admin.orgs', what: '上级机构' });
  return inTransaction(db, async (tx) => {
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(orgs)
      .values({
        id,
        parentId: parent.orgId,
        name: input.name,
        kind: input.kind,
        code: input.code ?? null,
        region: input.region ?? null,
        path: `${parent.orgPath}${id}/`,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: id,
      action: 'orgs.create',
      entityType: 'org',
      entityId: id,
      after: row,
    });
    return toOrg(row!);
  });
}

export async function updateOrg(db: Db, actor: Actor, orgId: string, input: UpdateOrgInput): Promise<Org> {
  authorize(actor, await findOrgOwner(db, orgId), { write: true, permission: 'admin.orgs', what: '机构' });
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(orgs).where(eq(orgs.id, orgId));
    const [after] = await tx.update(orgs).set(input).where(eq(orgs.id, orgId)).returning();
    await recordAudit(tx, {
      actor,
      orgId,
      action: 'orgs.update',
      entityType: 'org',
      entityId: orgId,
      before,
      after,
    });
    return toOrg(after!);
  });
}

async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, RoleId[]>> {
  const map = new Map<string, RoleId[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.roleId as RoleId]);
  return map;
}

export async function listUsers(
  db: Db,
  actor: Actor,
  query: UserListQuery,
): Promise<{ items: User[]; total: number }> {
  requirePermission(actor, 'admin.users');
  let scopePath = actor.orgPath;
  if (query.orgId) {
    const owner = await findOrgOwner(db, query.orgId);
    authorize(actor, owner, { what: '机构' });
    scopePath = owner.orgPath;
  }
  const where = and(
    like(orgs.path, `${scopePath}%`),
    query.q ? or(ilike(users.username, `%${query.q}%`), ilike(users.displayName, `%${query.q}%`)) : undefined,
  );
  const [totalRow] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(where);
  const rows = await db
    .select({ user: users, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(where)
    .orderBy(asc(orgs.path), asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const roleMap = await rolesOf(
    db,
    rows.map((r) => r.user.id),
  );
  return {
    total: totalRow?.n ?? 0,
    items: rows.map(({ user, orgName }) => ({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      orgName,
      roleIds: roleMap.get(user.id) ?? [],
      isActive: user.isActive,
      phone: user.phone,
    })),
  };
}

async function getUser(db: Db, userId: string): Promise<User | null> {
  const [row] = await db
    .select({ user: users, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row) return null;
  const roleMap = await rolesOf(db, [userId]);
  const { user, orgName } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgName,
    roleIds: roleMap.get(userId) ?? [],
    isActive: user.isActive,
    phone: user.phone,
  };
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<User> {
  const org = await findOrgOwner(db, input.orgId);
  if (!org) throw invalidField('orgId', '所属机构不存在');
  authorize(actor, org, { write: true, permission: 'admin.users', what: '机构' });
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw conflict(`用户名「${input.username}」已被使用`);
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        orgId: input.orgId,
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await tx
      .insert(userRoles)
      .values([...new Set(input.roleIds)].map((roleId) => ({ userId: row!.id, roleId })));
    await recordAudit(tx, {
      actor,
      orgId: input.orgId,
      action: 'users.create',
      entityType: 'user',
      entityId: row!.id,
      after: { ...input, password: undefined },
    });
    return row!.id;
  });
  return (await getUser(db, id))!;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<User> {
  const before = await getUser(db, userId);
  if (!before) throw notFound('用户');
  authorize(actor, await findOrgOwner(db, before.orgId), {
    write: true,
    permission: 'admin.users',
    what: '用户',
  });
  if (input.orgId && input.orgId !== before.orgId) {
    const target = await findOrgOwner(db, input.orgId);
    if (!target) throw invalidField('orgId', '所属机构不存在');
    authorize(actor, target, { write: true, permission: 'admin.users', what: '机构' });
  }
  if (userId === actor.userId && input.isActive === false)
    throw invalidField('isActive', '不能停用自己的账号');
  const passwordHash = input.resetPassword ? await hashPassword(input.resetPassword) : undefined;
  await inTransaction(db, async (tx) => {
    const { roleIds, resetPassword, ...fields } = input;
    const set = { ...fields, ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}) };
    if (Object.keys(set).length > 0) await tx.update(users).set(set).where(eq(users.id, userId));
    if (roleIds) {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      await tx.insert(userRoles).values([...new Set(roleIds)].map((roleId) => ({ userId, roleId })));
    }
    const after = {
      ...before,
      ...fields,
      ...(roleIds ? { roleIds } : {}),
      passwordReset: Boolean(resetPassword),
    };
    await recordAudit(tx, {
      actor,
      orgId: before.orgId,
      action: 'users.update',
      entityType: 'user',
      entityId: userId,
      before,
      after,
    });
  });
  return (await getUser(db, userId))!;
}

export async function listRoles(
  db: Db,
): Promise<{ items: Role[]; permissions: { key: string; label: string }[] }> {
  const rows = await db.select().from(roles).orderBy(asc(roles.id));
  return {
    items: rows.map((r) => ({
      id: r.id as RoleId,
      name: r.name,
      permissions: r.permissions,
      writeScope: r.writeScope as Role['writeScope'],
    })),
    permissions: allPermissions.map((key) => ({ key, label: permissionLabels[key] })),
  };
}

/** Roles are shared by the whole deployment, so only a root-organisation admin changes them. */
export async function updateRole(
  db: Db,
  actor: Actor,
  roleId: string,
  input: UpdateRoleInput,
): Promise<Role> {
  requirePermission(actor, 'admin.roles');
  if (!isRootActor(actor)) throw forbidden('角色权限由最上级机构的系统管理员维护');
  const [before] = await db.select().from(roles).where(eq(roles.id, roleId));
  if (!before) throw notFound('角色');
  if (roleId === 'systemAdmin' && !input.permissions.includes('admin.roles')) {
    throw invalidField('permissions', '系统管理员角色必须保留「管理角色与权限」');
  }
  return inTransaction(db, async (tx) => {
    const [after] = await tx.update(roles).set(input).where(eq(roles.id, roleId)).returning();
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'roles.update',
      entityType: 'role',
      entityId: roleId,
      before,
      after,
    });
    return {
      id: after!.id as RoleId,
      name: after!.name,
      permissions: after!.permissions,
      writeScope: after!.writeScope as Role['writeScope'],
    };
  });
}
