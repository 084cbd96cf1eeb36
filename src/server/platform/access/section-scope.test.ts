import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree } from '../../test/factories.ts';
import { inTransaction } from '../../db/transaction.ts';
import { provisionOrg, provisionUser } from '../orgs/provisioning.ts';
import { actorForUser } from '../auth/service.ts';
import { canRead, canWrite } from './actor.ts';

const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password: 'Section-Passw0rd' });

test('staff of a 科室 act for its organ: a 政策法规科 reviewer reaches the 卫生监督所 beside it and the counties', async () => {
  const { legalOffice, reviewer, clerk } = await inTransaction(t.database.db, async (tx) => {
    const legalOffice = await provisionOrg(tx, { parent: tree.city, name: '政策法规科', kind: 'section' });
    const cityInstitute = await provisionOrg(tx, {
      parent: tree.city,
      name: '市卫生监督支队',
      kind: 'institute',
    });
    const common = { org: legalOffice, password: 'Section-Passw0rd' };
    return {
      legalOffice,
      cityInstitute,
      reviewer: await provisionUser(tx, {
        ...common,
        username: 'fgk_reviewer',
        displayName: '赵审核',
        roleIds: ['legalReviewer'],
      }),
      clerk: await provisionUser(tx, {
        ...common,
        username: 'fgk_clerk',
        displayName: '钱科员',
        roleIds: ['officer'],
      }),
    };
  });
  const reviewerActor = (await actorForUser(t.database.db, reviewer.id))!;
  assert.equal(reviewerActor.orgPath, tree.city.path, 'the scope is the commission, not the section');
  assert.equal(reviewerActor.orgId, legalOffice.id, 'the user still belongs to the section');
  const countyCase = { orgId: tree.instituteA.id, orgPath: tree.instituteA.path };
  assert.equal(canRead(reviewerActor, countyCase), true);
  assert.equal(
    canWrite(reviewerActor, countyCase),
    true,
    'a legal reviewer writes in its scope (subtree role)',
  );
  const clerkActor = (await actorForUser(t.database.db, clerk.id))!;
  assert.equal(canRead(clerkActor, countyCase), true);
  assert.equal(canWrite(clerkActor, countyCase), false, 'an officer writes only in its own organisation');

  // Staff of a county stay in their county: the scope widens to the organ, never to a parent organ.
  const countyOfficer = (await actorForUser(t.database.db, tree.users.officerA1.id))!;
  assert.equal(countyOfficer.orgPath, tree.instituteA.path);
  assert.equal(canRead(countyOfficer, { orgId: tree.instituteB.id, orgPath: tree.instituteB.path }), false);
});
