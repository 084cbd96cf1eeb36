import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Permission, RoleId, WriteScope } from '../../../shared/platform/access.ts';
import type { Me } from '../../../shared/platform/auth.ts';
import { orgs, roles, userRoles, users } from '../orgs/tables.ts';
import { loginFailures, sessions } from './tables.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { AppError, invalidField } from '../errors.ts';
import type { Actor } from '../access/actor.ts';

export const sessionCookieName = 'fazhi_session';
// 5 wrong passwords per account or 20 per address within 15 minutes lock further attempts for the window.
export const loginThrottle = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export type SessionSettings = { idleMinutes: number; absoluteHours: number };

const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

async function assertNotThrottled(db: Db, username: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - loginThrottle.windowMinutes * 60_000);
  const [counts] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(Number),
      byAddress: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginFailures)
    .where(
      and(gt(loginFailures.at, since), or(eq(loginFailures.username, username), eq(loginFailures.ip, ip))),
    );
  if (
    (counts?.byAccount ?? 0) >= loginThrottle.perAccount ||
    (counts?.byAddress ?? 0) >= loginThrottle.perAddress
  ) {
    throw new AppError(
      429,
      'TOO_MANY_REQUESTS',
      `登录失败次数过多，请${loginThrottle.windowMinutes}分钟后再试`,
    );
  }
}

/** Checks the password and opens a session; returns the cookie token (only its hash is stored). */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null },
  settings: SessionSettings,
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const username = input.username.trim();
  await assertNotThrottled(db, username, input.ip);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid || !user.isActive) {
    await inTransaction(db, async (tx) => {
      await tx.insert(loginFailures).values({ username, ip: input.ip });
      await recordAudit(tx, {
        actor: null,
        orgId: user?.orgId ?? null,
        action: 'auth.loginFailed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { username, ip: input.ip },
      });
    });
    throw new AppError(
      401,
      'UNAUTHENTICATED',
      user && valid ? '账号已停用，请联系系统管理员' : '用户名或密码错误',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.idleMinutes * 60_000);
  await inTransaction(db, async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: tokenHashOf(token),
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await tx.delete(loginFailures).where(eq(loginFailures.username, username));
    await recordAudit(tx, {
      actor: { userId: user.id, displayName: user.displayName },
      orgId: user.orgId,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { token, expiresAt, userId: user.id };
}

export async function logout(db: Db, token: string, actor: Actor | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHashOf(token)));
    if (actor) {
      await recordAudit(tx, {
        actor,
        orgId: actor.orgId,
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
      });
    }
  });
}

type RoleGrant = { id: string; permissions: string[]; writeScope: string };

// The user's roles as one JSON array in the same row, so a request costs one query for its actor, not three.
const roleGrantsOfUser = sql<RoleGrant[]>`coalesce((
  select json_agg(json_build_object('id', ${roles.id}, 'permissions', ${roles.permissions}, 'writeScope', ${roles.writeScope}))
  from ${userRoles} join ${roles} on ${roles.id} = ${userRoles.roleId}
  where ${userRoles.userId} = ${users.id}), '[]'::json)`;

// A 科室 is a department of its organ (委/局/所): its staff read and act for the organ's subtree — a legal reviewer in
// 政策法规科 must reach the cases of the 卫生监督所 beside it. Writes stay limited by the role's write scope.
const parentOrgs = alias(orgs, 'parent_org');
const scopePath = sql<string>`case when ${orgs.kind} = 'section' and ${parentOrgs.path} is not null then ${parentOrgs.path} else ${orgs.path} end`;
const actorColumns = { user: users, orgPath: scopePath, roleGrants: roleGrantsOfUser };

function actorOf(user: typeof users.$inferSelect, orgPath: string, roleGrants: RoleGrant[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgPath,
    roleIds: roleGrants.map((r) => r.id as RoleId),
    permissions: new Set(roleGrants.flatMap((r) => r.permissions) as Permission[]),
    writeScope: roleGrants.some((r) => r.writeScope === 'subtree') ? 'subtree' : ('own' as WriteScope),
  };
}

/** The actor behind a session cookie, sliding the idle expiry; null when absent, expired or disabled. */
export async function actorFromSession(
  db: Db,
  token: string,
  settings: SessionSettings,
): Promise<Actor | null> {
  const tokenHash = tokenHashOf(token);
  const now = new Date();
  const [row] = await db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ...actorColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(parentOrgs, eq(parentOrgs.id, orgs.parentId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row || !row.user.isActive) return null;
  const absoluteEnd = row.createdAt.getTime() + settings.absoluteHours * 3_600_000;
  if (now.getTime() > absoluteEnd) return null;
  // Slide the idle window at most once a minute: a busy page should not write on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(Math.min(now.getTime() + settings.idleMinutes * 60_000, absoluteEnd));
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
  }
  return actorOf(row.user, row.orgPath, row.roleGrants);
}

export async function actorForUser(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(parentOrgs, eq(parentOrgs.id, orgs.parentId))
    .where(eq(users.id, userId));
  return row ? actorOf(row.user, row.orgPath, row.roleGrants) : null;
}

export async function describeMe(db: Db, actor: Actor): Promise<Me> {
  const [row] = await db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const roleRows = actor.roleIds.length
    ? await db.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.id, actor.roleIds))
    : [];
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    org: { id: row.org.id, name: row.org.name, kind: row.org.kind as Me['org']['kind'] },
    roles: roleRows.map((r) => ({ id: r.id as RoleId, name: r.name })),
    permissions: [...actor.permissions].sort(),
    mustChangePassword: row.user.mustChangePassword,
  };
}

/** Replaces the password after checking the current one; every other session of the user ends. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepToken: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', '当前密码不正确');
  }
  if (input.currentPassword === input.newPassword)
    throw invalidField('newPassword', '新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.userId));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), sql`${sessions.tokenHash} <> ${tokenHashOf(keepToken)}`));
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'auth.changePassword',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
