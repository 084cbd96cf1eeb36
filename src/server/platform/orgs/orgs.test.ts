import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, loginAs } from '../../test/test-app.ts';
import { buildOrgTree, loginTree } from '../../test/factories.ts';
import { orgs, roles, users } from './tables.ts';
import { defaultRoles } from '../../db/seed-roles.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['admin', 'adminA', 'adminB', 'officerA1']);

const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const fieldPaths = (res: { json: () => { error: { fields?: { path: string }[] } } }) =>
  res.json().error.fields?.map((f) => f.path);
const newUser = (orgId: string, username: string) => ({
  username,
  displayName: '新同事',
  orgId,
  roleIds: ['officer'],
  password: 'Initial-pass-1',
});

describe('organisations, users and roles', () => {
  test('the admin creates an organisation; it is visible in the subtree and not to the other county', async () => {
    const res = await send('POST', '/api/orgs', cookies.admin, {
      parentId: tree.countyA.id,
      name: '东川县卫生健康局法规科',
      kind: 'section',
      region: '东川',
    });
    assert.equal(res.statusCode, 200, res.body);
    const created = res.json();
    assert.equal(created.parentId, tree.countyA.id);
    const [row] = await db.select().from(orgs).where(eq(orgs.id, created.id));
    assert.equal(row!.path, `${tree.countyA.path}${created.id}/`);
    const visibleToA = (await send('GET', '/api/orgs', cookies.adminA))
      .json()
      .items.map((o: { id: string }) => o.id);
    assert.deepEqual(new Set(visibleToA), new Set([tree.countyA.id, tree.instituteA.id, created.id]));
    const visibleToB = (await send('GET', '/api/orgs', cookies.adminB))
      .json()
      .items.map((o: { id: string }) => o.id);
    assert.ok(!visibleToB.includes(created.id));
    assert.equal((await send('GET', '/api/orgs', cookies.admin)).json().items.length, 6);
  });

  test('the admin creates a user, who must change the password on first login', async () => {
    const username = `newbie_${tree.suffix}`;
    const res = await send('POST', '/api/users', cookies.admin, {
      ...newUser(tree.instituteA.id, username),
      phone: '13900000000',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      { ...(res.json() as object), id: undefined },
      {
        id: undefined,
        username,
        displayName: '新同事',
        orgId: tree.instituteA.id,
        orgName: tree.instituteA.name,
        roleIds: ['officer'],
        isActive: true,
        phone: '13900000000',
      },
    );
    const { cookie } = await loginAs(t.app, username, 'Initial-pass-1');
    const me = (await send('GET', '/api/auth/me', cookie)).json().user;
    assert.equal(me.mustChangePassword, true);
    const [row] = await db.select().from(users).where(eq(users.username, username));
    assert.ok(row!.passwordHash.startsWith('$argon2id$'), 'argon2id hash, never the password');
    const again = await send('POST', '/api/users', cookies.admin, newUser(tree.instituteA.id, username));
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /已被使用/);
  });

  test('a county admin creates users in their county, gets 404 for the other county, and officers get 403', async () => {
    const own = await send(
      'POST',
      '/api/users',
      cookies.adminA,
      newUser(tree.instituteA.id, `a_made_${tree.suffix}`),
    );
    assert.equal(own.statusCode, 200, own.body);
    for (const orgId of [tree.countyB.id, tree.instituteB.id]) {
      const res = await send('POST', '/api/users', cookies.adminA, newUser(orgId, `a_into_b_${tree.suffix}`));
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'NOT_FOUND');
    }
    assert.equal(
      (
        await db
          .select()
          .from(users)
          .where(eq(users.username, `a_into_b_${tree.suffix}`))
      ).length,
      0,
    );
    // Upwards is outside the subtree as well.
    assert.equal(
      (await send('POST', '/api/users', cookies.adminA, newUser(tree.city.id, `a_into_city_${tree.suffix}`)))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await send('POST', '/api/orgs', cookies.adminA, {
          parentId: tree.countyB.id,
          name: '越权科室',
          kind: 'section',
        })
      ).statusCode,
      404,
    );
    const officer = await send(
      'POST',
      '/api/users',
      cookies.officerA1,
      newUser(tree.instituteA.id, `off_made_${tree.suffix}`),
    );
    assert.equal(officer.statusCode, 403);
    const missingOrg = await send(
      'POST',
      '/api/users',
      cookies.admin,
      newUser(crypto.randomUUID(), `ghost_${tree.suffix}`),
    );
    assert.equal(missingOrg.statusCode, 400);
    assert.deepEqual(fieldPaths(missingOrg), ['orgId']);
  });

  test('user lists stay within the subtree', async () => {
    const listA = await send('GET', '/api/users?pageSize=200', cookies.adminA);
    assert.equal(listA.statusCode, 200);
    const orgIds = new Set(listA.json().items.map((u: { orgId: string }) => u.orgId));
    assert.deepEqual(
      [...orgIds].filter((id) => id !== tree.countyA.id && id !== tree.instituteA.id),
      [],
    );
    assert.equal((await send('GET', `/api/users?orgId=${tree.countyB.id}`, cookies.adminA)).statusCode, 404);
    assert.equal((await send('GET', '/api/users', cookies.officerA1)).statusCode, 403);
    const search = await send('GET', `/api/users?q=${encodeURIComponent('东川管理员')}`, cookies.admin);
    assert.deepEqual(
      search.json().items.map((u: { id: string }) => u.id),
      [tree.users.adminA.id],
    );
  });

  test('updating a user: deactivation ends logins; an admin cannot deactivate themself; moving needs both orgs', async () => {
    const off = await send('PATCH', `/api/users/${tree.users.officerA2.id}`, cookies.adminA, {
      isActive: false,
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().isActive, false);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: tree.users.officerA2.username, password },
    });
    assert.equal(login.statusCode, 401);
    const self = await send('PATCH', `/api/users/${tree.users.adminA.id}`, cookies.adminA, {
      isActive: false,
    });
    assert.equal(self.statusCode, 400);
    assert.deepEqual(fieldPaths(self), ['isActive']);
    const move = await send('PATCH', `/api/users/${tree.users.officerA1.id}`, cookies.adminA, {
      orgId: tree.instituteB.id,
    });
    assert.equal(move.statusCode, 404);
    const [row] = await db.select().from(users).where(eq(users.id, tree.users.officerA1.id));
    assert.equal(row!.orgId, tree.instituteA.id);
    const rename = await send('PATCH', `/api/orgs/${tree.instituteA.id}`, cookies.adminA, {
      name: '东川县卫生健康综合执法大队',
    });
    assert.equal(rename.statusCode, 200);
    assert.equal(rename.json().name, '东川县卫生健康综合执法大队');
  });

  test('roles: the root admin updates permissions, which apply at once; county admins may not', async () => {
    const list = await send('GET', '/api/roles', cookies.officerA1);
    assert.equal(list.statusCode, 200);
    assert.ok(
      list
        .json()
        .permissions.some(
          (p: { key: string; label: string }) => p.key === 'audit.read' && /审计/.test(p.label),
        ),
    );
    const officerPermissions = [...defaultRoles.officer.permissions, 'audit.read'];
    const county = await send('PUT', '/api/roles/officer', cookies.adminA, {
      permissions: officerPermissions,
      writeScope: 'own',
    });
    assert.equal(county.statusCode, 403);
    const res = await send('PUT', '/api/roles/officer', cookies.admin, {
      permissions: officerPermissions,
      writeScope: 'own',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().permissions, officerPermissions);
    const me = (await send('GET', '/api/auth/me', cookies.officerA1)).json().user;
    assert.ok(me.permissions.includes('audit.read'), 'the new permission applies to the next request');
    assert.equal((await send('GET', '/api/audit', cookies.officerA1)).statusCode, 200);
    await send('PUT', '/api/roles/officer', cookies.admin, {
      permissions: defaultRoles.officer.permissions,
      writeScope: 'own',
    });
    assert.equal((await send('GET', '/api/audit', cookies.officerA1)).statusCode, 403);
  });

  test('roles: systemAdmin keeps admin.roles; unknown roles and permissions are 400 naming the field', async () => {
    const lockout = await send('PUT', '/api/roles/systemAdmin', cookies.admin, {
      permissions: ['audit.read'],
      writeScope: 'subtree',
    });
    assert.equal(lockout.statusCode, 400);
    assert.deepEqual(fieldPaths(lockout), ['permissions']);
    const [admin] = await db.select().from(roles).where(eq(roles.id, 'systemAdmin'));
    assert.ok(admin!.permissions.includes('admin.roles'));
    const unknownRole = await send('PUT', '/api/roles/overlord', cookies.admin, {
      permissions: [],
      writeScope: 'own',
    });
    assert.equal(unknownRole.statusCode, 400);
    assert.deepEqual(fieldPaths(unknownRole), ['id']);
    const unknownPermission = await send('PUT', '/api/roles/officer', cookies.admin, {
      permissions: ['everything'],
      writeScope: 'own',
    });
    assert.equal(unknownPermission.statusCode, 400);
    assert.deepEqual(fieldPaths(unknownPermission), ['permissions.0']);
  });

  test('input validation names the field', async () => {
    const cases: Array<[string, object, string]> = [
      ['/api/users', { ...newUser(tree.instituteA.id, '1bad'), username: '1bad' }, 'username'],
      [
        '/api/users',
        { ...newUser(tree.instituteA.id, `weak_${tree.suffix}`), password: 'short' },
        'password',
      ],
      ['/api/users', { ...newUser(tree.instituteA.id, `norole_${tree.suffix}`), roleIds: [] }, 'roleIds'],
      ['/api/users', { ...newUser(tree.instituteA.id, `phone_${tree.suffix}`), phone: '12345' }, 'phone'],
      ['/api/orgs', { parentId: tree.countyA.id, name: '科', kind: 'section' }, 'name'],
      ['/api/orgs', { parentId: tree.countyA.id, name: '某某科室', kind: 'department' }, 'kind'],
      ['/api/orgs', { parentId: 'county-a', name: '某某科室', kind: 'section' }, 'parentId'],
    ];
    for (const [url, body, field] of cases) {
      const res = await send('POST', url, cookies.admin, body);
      assert.equal(res.statusCode, 400, `${url} ${field}`);
      assert.ok(fieldPaths(res)?.includes(field), `${field}: ${res.body}`);
    }
  });
});
