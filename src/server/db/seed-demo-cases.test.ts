// The demo county has a case in every state of the 普通程序, all reached through the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../test/test-app.ts';
import { seedDemoData } from './seed-demo.ts';
import { orgs } from '../platform/orgs/tables.ts';
import { procedureSteps } from '../platform/procedure-engine/tables.ts';
import { caseReviews, penaltyCases } from '../modules/cases/tables.ts';
import { ordinaryPenaltyStates } from '../../shared/cases/procedure.ts';

const t = await createTestApp();
const db = t.database.db;

test('东川县 has an ordinary case in every state, simple cases, and a major case closed after review', async () => {
  await seedDemoData(db, 'Demo-pass-2026', t.config.filesDir);
  const [institute] = await db.select().from(orgs).where(eq(orgs.name, '东川县卫生监督所'));
  const cases = await db.select().from(penaltyCases).where(eq(penaltyCases.orgId, institute!.id));
  const ordinary = new Set(cases.filter((c) => c.procedure === 'ordinary').map((c) => c.state));
  const missing = Object.keys(ordinaryPenaltyStates).filter((state) => !ordinary.has(state));
  assert.deepEqual(missing, [], `states without a demo case: ${missing.join(', ')}`);
  const simple = cases.filter((c) => c.procedure === 'simple').map((c) => c.state);
  assert.deepEqual(simple.sort(), ['closed', 'decidedOnSpot']);

  // Every state was reached by the engine: each case's current state is the last step's.
  for (const c of cases.filter((row) => row.procedure === 'ordinary' && row.state !== 'lead')) {
    const steps = await db.select().from(procedureSteps).where(eq(procedureSteps.recordId, c.id));
    const last = steps.sort((a, b) => a.at.getTime() - b.at.getTime()).at(-1);
    assert.equal(last?.toState, c.state, c.title);
  }

  const major = cases.find((c) => c.state === 'closed' && c.isMajor);
  assert.ok(major, 'a major case is closed');
  const reviews = await db
    .select({ kind: caseReviews.kind })
    .from(caseReviews)
    .where(and(eq(caseReviews.caseId, major.id)));
  assert.deepEqual(reviews.map((r) => r.kind).sort(), [
    'caseDeliberation',
    'collectiveDeliberation',
    'hearing',
    'legalReview',
  ]);
});
