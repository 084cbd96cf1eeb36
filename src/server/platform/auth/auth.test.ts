import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, loginAs, type TestApp } from '../../test/test-app.ts';
import { buildOrgTree, type OrgTree } from '../../test/factories.ts';
import { sessions } from './tables.ts';
import { users } from '../orgs/tables.ts';
import { loginThrottle, sessionCookieName } from './service.ts';

const password = 'Secret-pass-2026';

// One app per file, created at the top level so its `after` hook closes it when the file ends.
const t: TestApp = await createTestApp();
const tree: OrgTree = await buildOrgTree(t.database.db, { password });

describe('auth routes', () => {
  const login = (username: string, pw: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: pw },
      remoteAddress,
    });
  const me = (cookie?: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });

  test('login sets an HttpOnly, SameSite session cookie and /me answers with the user', async () => {
    const res = await login(tree.users.officerA1.username, password);
    assert.equal(res.statusCode, 200, res.body);
    const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${sessionCookieName}=`));
    assert.ok(setCookie, 'a session cookie is set');
    assert.match(setCookie, /;\s*HttpOnly/i);
    assert.match(setCookie, /;\s*SameSite=(Lax|Strict)/i);
    assert.match(setCookie, /;\s*Path=\//i);
    assert.equal(res.json().user.username, tree.users.officerA1.username);
    const cookie = setCookie.split(';')[0]!;
    const who = await me(cookie);
    assert.equal(who.statusCode, 200);
    assert.equal(who.json().user.id, tree.users.officerA1.id);
    assert.deepEqual(
      who.json().user.roles.map((r: { id: string }) => r.id),
      ['officer'],
    );
    // Only the token's hash is stored, so a leaked table yields no usable cookie.
    const token = decodeURIComponent(cookie.split('=')[1]!);
    const stored = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, tree.users.officerA1.id));
    assert.ok(stored.length >= 1);
    assert.ok(stored.every((s) => s.tokenHash !== token));
  });

  test('a wrong password or an unknown user is 401 with the same Chinese message', async () => {
    for (const res of [
      await login(tree.users.officerA1.username, 'wrong-password-1'),
      await login(`nobody_${tree.suffix}`, password),
    ]) {
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      assert.equal(res.json().error.message, '用户名或密码错误');
      assert.equal(res.headers['set-cookie'], undefined);
    }
  });

  test('a disabled account cannot log in', async () => {
    const other = await buildOrgTree(t.database.db, { password });
    await t.database.db.update(users).set({ isActive: false }).where(eq(users.id, other.users.officerB1.id));
    const res = await login(other.users.officerB1.username, password, '10.9.9.9');
    assert.equal(res.statusCode, 401);
    assert.match(res.json().error.message, /停用/);
  });

  test('GET /api/auth/me without a cookie, or with a forged one, is 401', async () => {
    for (const res of [await me(), await me(`${sessionCookieName}=forged-token`)]) {
      assert.equal(res.statusCode, 401);
      assert.deepEqual(Object.keys(res.json()), ['error']);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      assert.equal(res.json().error.message, '请先登录');
    }
  });

  test(`after ${loginThrottle.perAccount} wrong passwords the account is locked, even with the right password`, async () => {
    const victim = tree.users.officerA2.username;
    // Each attempt from a different address: the lock is per account, not per address.
    for (let i = 0; i < loginThrottle.perAccount; i++) {
      assert.equal((await login(victim, `wrong-${i}`, `10.1.0.${i + 1}`)).statusCode, 401);
    }
    const locked = await login(victim, password, '10.1.0.99');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'TOO_MANY_REQUESTS');
    assert.match(locked.json().error.message, /登录失败次数过多/);
    // Another account is unaffected.
    assert.equal((await login(tree.users.leader.username, password, '10.1.0.99')).statusCode, 200);
  });

  test(`after ${loginThrottle.perAddress} failures from one address that address is locked for every account`, async () => {
    const address = '10.2.0.1';
    for (let i = 0; i < loginThrottle.perAddress; i++) {
      assert.equal((await login(`guess${i}_${tree.suffix}`, 'wrong-password', address)).statusCode, 401);
    }
    const locked = await login(tree.users.legal.username, password, address);
    assert.equal(locked.statusCode, 429);
    assert.equal((await login(tree.users.legal.username, password, '10.2.0.2')).statusCode, 200);
  });

  test('a successful login clears the account’s failures', async () => {
    const username = tree.users.officerB1.username;
    for (let i = 0; i < loginThrottle.perAccount - 1; i++) await login(username, `wrong-${i}`, '10.3.0.1');
    assert.equal((await login(username, password, '10.3.0.1')).statusCode, 200);
    for (let i = 0; i < loginThrottle.perAccount - 1; i++) await login(username, `wrong-${i}`, '10.3.0.1');
    assert.equal((await login(username, password, '10.3.0.1')).statusCode, 200);
  });

  test('logout ends the session and clears the cookie', async () => {
    const { cookie } = await loginAs(t.app, tree.users.adminA.username, password);
    assert.equal((await me(cookie)).statusCode, 200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 200);
    assert.deepEqual(out.json(), { ok: true });
    assert.match(String([out.headers['set-cookie']].flat()[0]), new RegExp(`^${sessionCookieName}=;`));
    assert.equal((await me(cookie)).statusCode, 401);
    // Logging out without a session is harmless.
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode, 200);
  });

  describe('password change', () => {
    let user: OrgTree['users']['admin'];
    let cookie: string;
    let otherCookie: string;
    const newPassword = 'Brand-new-pass-77';
    before(async () => {
      const own = await buildOrgTree(t.database.db, { password });
      user = own.users.leader;
      cookie = (await loginAs(t.app, user.username, password)).cookie;
      otherCookie = (await loginAs(t.app, user.username, password)).cookie;
    });
    const change = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: body });

    test('a wrong current password is 400 naming currentPassword', async () => {
      const res = await change({ currentPassword: 'not-my-password', newPassword });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION');
      assert.deepEqual(
        res.json().error.fields.map((f: { path: string }) => f.path),
        ['currentPassword'],
      );
      assert.match(res.json().error.message, /当前密码不正确/);
    });

    test('a weak new password is 400 naming newPassword', async () => {
      const res = await change({ currentPassword: password, newPassword: 'short' });
      assert.equal(res.statusCode, 400);
      assert.ok(
        res
          .json()
          .error.fields.some(
            (f: { path: string; message: string }) => f.path === 'newPassword' && /至少10位/.test(f.message),
          ),
      );
    });

    test('success: the old password fails, the new one works, other sessions end, this one stays', async () => {
      const res = await change({ currentPassword: password, newPassword });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await me(cookie)).statusCode, 200);
      assert.equal((await me(otherCookie)).statusCode, 401);
      assert.equal((await login(user.username, password, '10.4.0.1')).statusCode, 401);
      assert.equal((await login(user.username, newPassword, '10.4.0.1')).statusCode, 200);
    });

    test('without a session it is 401', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: password, newPassword },
      });
      assert.equal(res.statusCode, 401);
    });
  });

  describe('session expiry', () => {
    test('a session past its idle expiry is 401', async () => {
      const { cookie } = await loginAs(t.app, tree.users.admin.username, password);
      assert.equal((await me(cookie)).statusCode, 200);
      await t.database.db.execute(
        sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${tree.users.admin.id}`,
      );
      assert.equal((await me(cookie)).statusCode, 401);
    });

    test('a session older than the absolute limit is 401 even while active', async () => {
      const { cookie } = await loginAs(t.app, tree.users.admin.username, password);
      const hours = t.config.sessionAbsoluteHours + 1;
      await t.database.db.execute(
        sql`update sessions set created_at = now() - make_interval(hours => ${hours}), last_seen_at = now(), expires_at = now() + interval '1 hour' where user_id = ${tree.users.admin.id}`,
      );
      assert.equal((await me(cookie)).statusCode, 401);
    });

    test('activity slides the idle expiry forward', async () => {
      const { cookie } = await loginAs(t.app, tree.users.adminA.username, password);
      await t.database.db.execute(
        sql`update sessions set last_seen_at = now() - interval '5 minutes', expires_at = now() + interval '30 seconds' where user_id = ${tree.users.adminA.id}`,
      );
      assert.equal((await me(cookie)).statusCode, 200);
      const [row] = await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, tree.users.adminA.id));
      const minutesLeft = (row!.expiresAt.getTime() - Date.now()) / 60_000;
      assert.ok(
        minutesLeft > t.config.sessionIdleMinutes - 2,
        `expiry slid to ~${t.config.sessionIdleMinutes} min, got ${minutesLeft}`,
      );
    });
  });
});
