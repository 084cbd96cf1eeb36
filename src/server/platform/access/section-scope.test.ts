import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree } from '../../test/factories.ts';
import { inTransaction } from '../../db/transaction.ts';
import { provisionOrg, provisionUser } from '../orgs/provisioning.ts';
import { actorForUser } from '../auth/service.ts';
import { actingOrgId, canRead, canWrite } from './actor.ts';
import { createRound, getRubric, saveRubric } from '../../modules/casefile-reviews/service.ts';
import { defaultRubricItems } from '../../../shared/casefile-reviews/rubric.ts';

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

test('a 政策法规科 reviewer runs the organ’s 案卷评查: the round and the rubric belong to the commission', async () => {
  const reviewer = await inTransaction(t.database.db, async (tx) => {
    const office = await provisionOrg(tx, { parent: tree.city, name: '法规科', kind: 'section' });
    return provisionUser(tx, {
      org: office,
      password: 'Section-Passw0rd',
      username: 'fgk_round',
      displayName: '孙评查',
      roleIds: ['legalReviewer'],
    });
  });
  const actor = (await actorForUser(t.database.db, reviewer.id))!;
  assert.equal(actingOrgId(actor), tree.city.id);
  const round = await createRound(t.database.db, actor, {
    year: 2026,
    name: '2026年度全市案卷评查',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    excellenceThreshold: 90,
  });
  assert.equal(round.orgId, tree.city.id, 'the round covers the commission’s subtree, not the section’s');
  const items = defaultRubricItems.map(({ category, text, maxPoints, guidance }) => ({
    category,
    text,
    maxPoints,
    guidance,
  }));
  await saveRubric(t.database.db, actor, { items });
  const rubric = await getRubric(t.database.db, actor);
  assert.equal(rubric.sourceOrgId, tree.city.id, 'a saved rubric is the one read back');
  assert.equal(rubric.version, 1);
});
