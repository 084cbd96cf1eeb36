import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, loginAs } from '../../test/test-app.ts';
import { buildOrgTree, loginTree, passwordHashOf } from '../../test/factories.ts';
import { provisionUser } from '../orgs/provisioning.ts';
import { documentNumberFormats, documentNumberSequences } from './tables.ts';
import { nextDocumentNumber } from './service.ts';
import { inTransaction } from '../../db/transaction.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['officerA1', 'officerA2', 'officerB1']);

const issue = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/document-numbers', headers: { cookie }, payload });
const lastSequence = async (orgId: string, documentType: string, year: number) =>
  (
    await db
      .select()
      .from(documentNumberSequences)
      .where(
        and(
          eq(documentNumberSequences.orgId, orgId),
          eq(documentNumberSequences.documentType, documentType),
          eq(documentNumberSequences.year, year),
        ),
      )
  )[0]?.lastSequence;

describe('document numbers (文号)', () => {
  test(`50 parallel requests for one org, type and year get 1..50, each once (${t.database.kind})`, async () => {
    // Two officers of the same institute race each other: the number belongs to the institute.
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        issue(i % 2 ? cookies.officerA1 : cookies.officerA2, { documentType: 'penaltyDecision', year: 2026 }),
      ),
    );
    for (const res of responses) assert.equal(res.statusCode, 200, res.body);
    const issued = responses.map((r) => r.json() as { orgId: string; sequence: number; text: string });
    const sequences = issued.map((n) => n.sequence).sort((a, b) => a - b);
    assert.deepEqual(
      sequences,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.equal(new Set(issued.map((n) => n.text)).size, 50);
    assert.ok(issued.every((n) => n.orgId === tree.instituteA.id));
    assert.ok(
      issued.some((n) => n.text === '东川卫罚〔2026〕50号'),
      'the default prefix is region + 卫 + the type’s mark',
    );
    assert.equal(await lastSequence(tree.instituteA.id, 'penaltyDecision', 2026), 50);
  });

  test('another organisation, another document type and another year each start at 1', async () => {
    const otherOrg = await issue(cookies.officerB1, { documentType: 'penaltyDecision', year: 2026 });
    assert.equal(otherOrg.statusCode, 200);
    assert.deepEqual(otherOrg.json(), {
      orgId: tree.instituteB.id,
      documentType: 'penaltyDecision',
      year: 2026,
      sequence: 1,
      text: '西岭卫罚〔2026〕1号',
    });
    assert.equal(
      (await issue(cookies.officerA1, { documentType: 'filingApproval', year: 2026 })).json().sequence,
      1,
    );
    assert.equal(
      (await issue(cookies.officerA1, { documentType: 'penaltyDecision', year: 2027 })).json().sequence,
      1,
    );
    assert.equal(
      (await issue(cookies.officerA1, { documentType: 'penaltyDecision', year: 2026 })).json().sequence,
      51,
    );
  });

  test('an organisation’s configured prefix is used', async () => {
    await db
      .insert(documentNumberFormats)
      .values({ orgId: tree.instituteB.id, documentType: 'hearingNotice', prefix: '西卫监听' });
    const res = await issue(cookies.officerB1, { documentType: 'hearingNotice', year: 2026 });
    assert.equal(res.json().text, '西卫监听〔2026〕1号');
  });

  test('a rolled-back transaction gives its number back: no gap', async () => {
    const key = { orgId: tree.instituteA.id, documentType: 'penaltyDecision', year: 2026 };
    const before = (await lastSequence(key.orgId, key.documentType, key.year))!;
    await assert.rejects(
      inTransaction(db, async (tx) => {
        const taken = await nextDocumentNumber(tx, key);
        assert.equal(taken.sequence, before + 1);
        throw new Error('文书生成失败，回滚');
      }),
      /回滚/,
    );
    assert.equal(await lastSequence(key.orgId, key.documentType, key.year), before);
    const next = await issue(cookies.officerA1, { documentType: 'penaltyDecision', year: 2026 });
    assert.equal(next.json().sequence, before + 1);
  });

  test('parallel requests with failures in between stay gapless', async () => {
    const key = { orgId: tree.instituteB.id, documentType: 'inspectionNotice', year: 2026 };
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(db, async (tx) => {
          const n = await nextDocumentNumber(tx, key);
          if (i % 3 === 0) throw new Error('rollback');
          return n.sequence;
        }),
      ),
    );
    const kept = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : [])).sort((a, b) => a - b);
    assert.equal(kept.length, 13);
    assert.deepEqual(
      kept,
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
  });

  test('bad input is 400 naming the field; a role without documents.number is 403; no session is 401', async () => {
    const badYear = await issue(cookies.officerA1, { documentType: 'penaltyDecision', year: 1999 });
    assert.equal(badYear.statusCode, 400);
    assert.deepEqual(
      badYear.json().error.fields.map((f: { path: string }) => f.path),
      ['year'],
    );
    const badType = await issue(cookies.officerA1, { documentType: '处罚', year: 2026 });
    assert.equal(badType.statusCode, 400);
    assert.equal(badType.json().error.fields[0].path, 'documentType');

    const counsel = await provisionUser(db, {
      org: tree.city,
      username: `counsel_${tree.suffix}`,
      displayName: '法律顾问',
      roleIds: ['counsel'],
      passwordHash: await passwordHashOf(password),
    });
    const { cookie } = await loginAs(t.app, counsel.username, password);
    const denied = await issue(cookie, { documentType: 'penaltyDecision', year: 2026 });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'FORBIDDEN');
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/document-numbers',
          payload: { documentType: 'general', year: 2026 },
        })
      ).statusCode,
      401,
    );
  });
});
