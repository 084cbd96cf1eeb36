import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import {
  buildCertificate,
  buildOrgTree,
  loginTree,
  passwordHashOf,
  shiftDays,
} from '../../test/factories.ts';
import { provisionUser, type ProvisionedOrg } from '../orgs/provisioning.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { officerCertificates } from './tables.ts';
import { assertCertifiedOfficers } from './enforcement.ts';
import { AppError } from '../errors.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['adminA', 'officerA2', 'officerB1', 'legal', 'leader']);
const today = chinaToday();
const thisYear = today.slice(0, 4);

let officerCounter = 0;
const newOfficer = async (org: ProvisionedOrg, displayName: string) =>
  provisionUser(db, {
    org,
    username: `off${++officerCounter}_${tree.suffix}`,
    displayName,
    roleIds: ['officer'],
    passwordHash: await passwordHashOf(password),
  });

const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const fieldPaths = (res: { json: () => { error: { fields?: { path: string }[] } } }) =>
  res.json().error.fields?.map((f) => f.path);

describe('officers and 执法证', () => {
  const certificate = {
    certificateNumber: `33010320${tree.suffix}`.slice(0, 32),
    issuingBody: '清河市人民政府',
    validFrom: shiftDays(today, -30),
    validUntil: shiftDays(today, 1000),
    lawAreas: '卫生健康',
  };
  const a1 = tree.users.officerA1;

  test('issue a certificate, then 年审, training and exam appear on the officer’s file', async () => {
    const issued = await post(cookies.adminA, `/api/officers/${a1.id}/certificates`, certificate);
    assert.equal(issued.statusCode, 200, issued.body);
    assert.deepEqual(
      { ...(issued.json() as object), id: undefined },
      { ...certificate, id: undefined, userId: a1.id, orgId: tree.instituteA.id, status: 'valid' },
    );
    const review = await post(cookies.adminA, `/api/officers/${a1.id}/reviews`, {
      reviewedOn: shiftDays(today, -1),
      passed: true,
      note: '年审合格',
    });
    assert.equal(review.statusCode, 200, review.body);
    assert.ok(review.json().id);
    for (const training of [
      { trainedOn: `${thisYear}-01-10`, course: '行政处罚法专题培训', hours: 8 },
      { trainedOn: `${thisYear}-02-10`, course: '卫生监督执法文书规范', hours: 4.5 },
      { trainedOn: `${Number(thisYear) - 1}-12-10`, course: '上年度培训', hours: 40 },
    ]) {
      assert.equal(
        (await post(cookies.adminA, `/api/officers/${a1.id}/trainings`, training)).statusCode,
        200,
      );
    }
    const exam = await post(cookies.adminA, `/api/officers/${a1.id}/exams`, {
      takenOn: shiftDays(today, -2),
      subject: '行政执法资格考试',
      score: 86.5,
      passed: true,
    });
    assert.equal(exam.statusCode, 200, exam.body);

    const file = await get(cookies.leader, `/api/officers/${a1.id}`);
    assert.equal(file.statusCode, 200, file.body);
    const detail = file.json();
    assert.equal(detail.certificate.certificateNumber, certificate.certificateNumber);
    assert.equal(detail.ineligibility, null);
    assert.equal(detail.lastReviewOn, shiftDays(today, -1));
    assert.equal(detail.expiresInDays, 1000);
    assert.equal(detail.trainingHoursThisYear, 12.5, 'only this year’s training hours count');
    assert.equal(detail.trainings.length, 3);
    assert.deepEqual(
      detail.exams.map((e: { score: number; passed: boolean }) => [e.score, e.passed]),
      [[86.5, true]],
    );
    assert.deepEqual(
      detail.reviews.map((r: { passed: boolean; note: string }) => [r.passed, r.note]),
      [[true, '年审合格']],
    );
  });

  test('validation errors name the field', async () => {
    const url = `/api/officers/${tree.users.officerA2.id}`;
    const cases: Array<[string, object, string]> = [
      [
        '/certificates',
        { ...certificate, certificateNumber: 'XA-0001', validFrom: '2026-05-01', validUntil: '2026-04-30' },
        'validUntil',
      ],
      [
        '/certificates',
        { ...certificate, certificateNumber: 'XA-0002', validFrom: '2026-02-30' },
        'validFrom',
      ],
      ['/certificates', { ...certificate, certificateNumber: 'X' }, 'certificateNumber'],
      ['/trainings', { trainedOn: '2026-03-01', course: '培训课程', hours: -1 }, 'hours'],
      ['/trainings', { trainedOn: '2026-03-01', course: '培训课程', hours: '8' }, 'hours'],
      ['/exams', { takenOn: '2026-03-01', subject: '考试科目', score: 101, passed: true }, 'score'],
      ['/reviews', { reviewedOn: '2026-03-01' }, 'passed'],
      ['/certificate/status', { status: 'lost', reason: '遗失' }, 'status'],
    ];
    for (const [suffix, payload, field] of cases) {
      const method = suffix === '/certificate/status' ? 'PATCH' : 'POST';
      const res = await t.app.inject({
        method,
        url: url + suffix,
        headers: { cookie: cookies.adminA },
        payload,
      });
      assert.equal(res.statusCode, 400, `${suffix} ${JSON.stringify(payload)}`);
      assert.equal(res.json().error.code, 'VALIDATION');
      assert.ok(fieldPaths(res)?.includes(field), `${suffix}: expected ${field}, got ${fieldPaths(res)}`);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    }
    const later = await post(cookies.adminA, url + '/certificates', {
      ...certificate,
      certificateNumber: 'XA-0003',
      validFrom: '2026-05-01',
      validUntil: '2026-04-30',
    });
    assert.match(later.json().error.fields[0].message, /有效期止应晚于有效期起/);
  });

  test('a 年审 without a certificate names reviewedOn; a taken certificate number is 409', async () => {
    const review = await post(cookies.adminA, `/api/officers/${tree.users.officerA2.id}/reviews`, {
      reviewedOn: '2026-03-01',
      passed: true,
    });
    assert.equal(review.statusCode, 400);
    assert.deepEqual(fieldPaths(review), ['reviewedOn']);
    const taken = await post(
      cookies.adminA,
      `/api/officers/${tree.users.officerA2.id}/certificates`,
      certificate,
    );
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'CONFLICT');
  });

  test('only officers.manage in the officer’s own organisation (or above) may write', async () => {
    const body = { ...certificate, certificateNumber: `W${tree.suffix}` };
    // An officer reads colleagues but cannot manage certificates; the city's legal reviewer neither.
    assert.equal(
      (await post(cookies.officerA2, `/api/officers/${a1.id}/certificates`, body)).statusCode,
      403,
    );
    assert.equal((await post(cookies.legal, `/api/officers/${a1.id}/certificates`, body)).statusCode, 403);
    assert.equal((await get(cookies.officerA2, `/api/officers/${a1.id}`)).statusCode, 200);
    // County B cannot see county A's officer at all.
    assert.equal((await get(cookies.officerB1, `/api/officers/${a1.id}`)).statusCode, 404);
  });

  test('re-issuing keeps the old certificate on record but not current; suspension makes it ineligible', async () => {
    const user = await newOfficer(tree.instituteA, '换证人');
    await buildCertificate(db, user, { validFrom: shiftDays(today, -300), validUntil: shiftDays(today, 30) });
    const renewed = await post(cookies.adminA, `/api/officers/${user.id}/certificates`, {
      ...certificate,
      certificateNumber: `R${tree.suffix}`,
    });
    assert.equal(renewed.statusCode, 200);
    const rows = await db.select().from(officerCertificates).where(eq(officerCertificates.userId, user.id));
    assert.deepEqual(rows.map((r) => r.isCurrent).sort(), [false, true]);
    const suspended = await t.app.inject({
      method: 'PATCH',
      url: `/api/officers/${user.id}/certificate/status`,
      headers: { cookie: cookies.adminA },
      payload: { status: 'suspended', reason: '涉嫌违法违纪' },
    });
    assert.equal(suspended.statusCode, 200);
    assert.equal(suspended.json().status, 'suspended');
    assert.equal((await get(cookies.adminA, `/api/officers/${user.id}`)).json().ineligibility, 'suspended');
  });

  test('GET /api/officers/eligible lists only officers with a valid certificate on that date', async () => {
    const own = await buildOrgTree(db, { password });
    const date = '2026-06-15';
    const org = own.instituteA;
    const people = {
      valid: await newOfficer(org, '甲有效'),
      validFromToday: await newOfficer(org, '乙当日生效'),
      lastDay: await newOfficer(org, '丙末日'),
      reviewed: await newOfficer(org, '丁已年审'),
      expired: await newOfficer(org, '戊过期'),
      notYetValid: await newOfficer(org, '己未生效'),
      suspended: await newOfficer(org, '庚暂扣'),
      revoked: await newOfficer(org, '辛注销'),
      reviewOverdue: await newOfficer(org, '壬未年审'),
      noCertificate: await newOfficer(org, '癸无证'),
      otherCounty: await newOfficer(own.instituteB, '子外县'),
    };
    await buildCertificate(db, people.valid, { validFrom: '2026-01-01', validUntil: '2031-01-01' });
    await buildCertificate(db, people.validFromToday, { validFrom: date, validUntil: '2031-01-01' });
    await buildCertificate(db, people.lastDay, { validFrom: '2026-01-01', validUntil: date });
    await buildCertificate(db, people.reviewed, {
      validFrom: '2023-01-01',
      validUntil: '2031-01-01',
      lastReviewOn: '2026-02-01',
    });
    await buildCertificate(db, people.expired, {
      validFrom: '2021-01-01',
      validUntil: '2026-06-14',
      lastReviewOn: '2026-01-01',
    });
    await buildCertificate(db, people.notYetValid, { validFrom: '2026-06-16', validUntil: '2031-01-01' });
    await buildCertificate(db, people.suspended, {
      validFrom: '2026-01-01',
      validUntil: '2031-01-01',
      status: 'suspended',
    });
    await buildCertificate(db, people.revoked, {
      validFrom: '2026-01-01',
      validUntil: '2031-01-01',
      status: 'revoked',
    });
    // Issued more than 12 months before the date and never reviewed: 年审 overdue.
    await buildCertificate(db, people.reviewOverdue, { validFrom: '2025-06-14', validUntil: '2031-01-01' });
    await buildCertificate(db, people.otherCounty, { validFrom: '2026-01-01', validUntil: '2031-01-01' });

    const { adminA } = await loginTree(t.app, own, ['adminA']);
    for (const orgId of [own.instituteA.id, own.countyA.id]) {
      const res = await get(adminA, `/api/officers/eligible?orgId=${orgId}&date=${date}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().date, date);
      const names = res
        .json()
        .items.map((i: { displayName: string }) => i.displayName)
        .sort();
      assert.deepEqual(names, ['丁已年审', '丙末日', '乙当日生效', '甲有效'].sort());
    }
    const dayAfter = await get(adminA, `/api/officers/eligible?orgId=${org.id}&date=2026-06-16`);
    assert.deepEqual(
      dayAfter
        .json()
        .items.map((i: { displayName: string }) => i.displayName)
        .sort(),
      ['丁已年审', '乙当日生效', '己未生效', '甲有效'].sort(),
    );

    const bad = await get(adminA, `/api/officers/eligible?orgId=${org.id}&date=2026-13-01`);
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(fieldPaths(bad), ['date']);
    const outside = await get(adminA, `/api/officers/eligible?orgId=${own.instituteB.id}&date=${date}`);
    assert.equal(outside.statusCode, 404);
  });

  test('expiringWithinDays=60 lists a certificate expiring in 40 days and not one in 400', async () => {
    const own = await buildOrgTree(db, { password });
    const soon = await newOfficer(own.instituteA, '即将到期');
    const later = await newOfficer(own.instituteA, '远期到期');
    await buildCertificate(db, soon, { validFrom: shiftDays(today, -100), validUntil: shiftDays(today, 40) });
    await buildCertificate(db, later, {
      validFrom: shiftDays(today, -100),
      validUntil: shiftDays(today, 400),
    });
    const { adminA } = await loginTree(t.app, own, ['adminA']);
    const res = await get(adminA, `/api/officers?orgId=${own.instituteA.id}&expiringWithinDays=60`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as Array<{ userId: string; expiresInDays: number }>;
    assert.deepEqual(
      items.map((i) => [i.userId, i.expiresInDays]),
      [[soon.id, 40]],
    );
    const all = await get(adminA, `/api/officers?orgId=${own.instituteA.id}`);
    assert.ok(all.json().items.some((i: { userId: string }) => i.userId === later.id));
  });

  test('assertCertifiedOfficers refuses a lone officer and an expired one, and passes two valid ones', async () => {
    const date = '2026-06-15';
    const x = await newOfficer(tree.instituteB, '持证甲');
    const y = await newOfficer(tree.instituteB, '持证乙');
    const z = await newOfficer(tree.instituteB, '过期丙');
    await buildCertificate(db, x, { validFrom: '2026-01-01', validUntil: '2030-01-01' });
    await buildCertificate(db, y, { validFrom: '2026-01-01', validUntil: '2030-01-01' });
    await buildCertificate(db, z, {
      validFrom: '2020-01-01',
      validUntil: '2026-06-01',
      lastReviewOn: '2026-01-01',
    });
    const refusal = (pattern: RegExp) => (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.statusCode, 422);
      assert.equal(error.fields?.[0]?.path, 'officerIds');
      assert.match(error.message, pattern);
      return true;
    };
    await assert.rejects(assertCertifiedOfficers(db, [x.id], date), refusal(/不得少于2人/));
    await assert.rejects(assertCertifiedOfficers(db, [x.id, x.id], date), refusal(/不得少于2人/));
    await assert.rejects(assertCertifiedOfficers(db, [x.id, z.id], date), refusal(/过期丙：执法证已过期/));
    await assertCertifiedOfficers(db, [x.id, y.id], date);
    const [cert] = await db
      .select()
      .from(officerCertificates)
      .where(and(eq(officerCertificates.userId, y.id), eq(officerCertificates.isCurrent, true)));
    await db
      .update(officerCertificates)
      .set({ status: 'suspended' })
      .where(eq(officerCertificates.id, cert!.id));
    await assert.rejects(assertCertifiedOfficers(db, [x.id, y.id], date), refusal(/持证乙：执法证已暂扣/));
  });
});
