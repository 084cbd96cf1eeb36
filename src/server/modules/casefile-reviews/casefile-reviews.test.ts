import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree, loginTree } from '../../test/factories.ts';
import { parties, penaltyCases } from '../cases/tables.ts';
import { casefileReviewFiles, casefileReviewRounds } from './tables.ts';
import { defaultRubricItems } from '../../../shared/casefile-reviews/rubric.ts';
import { drawSample } from '../../../shared/casefile-reviews/sample.ts';

// Closed cases written directly with hand-picked closing dates, so which files a round may hold is known.
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password: 'Review-Passw0rd' });
const cookies = await loginTree(t.app, tree, ['admin', 'adminA', 'adminB', 'legal', 'officerA1']);
const [orgA, orgB] = [tree.instituteA.id, tree.instituteB.id];

const [party] = await db
  .insert(parties)
  .values({ orgId: orgA, kind: 'organisation', name: '某诊所', uscc: '91350100M000100Y43' })
  .returning();
const base = { procedure: 'ordinary', source: 'inspection', partyId: party!.id };
const closedInA = Array.from({ length: 8 }, (_, i) => ({
  ...base,
  orgId: orgA,
  state: i % 2 ? 'archived' : 'closed',
  title: `A${i + 1}`,
  closedOn: `2025-0${i + 1}-15`,
}));
const rows = await db
  .insert(penaltyCases)
  .values([
    ...closedInA,
    { ...base, orgId: orgA, state: 'closed', title: 'A-2024', closedOn: '2024-12-31' },
    { ...base, orgId: orgA, state: 'investigating', title: 'A-open' },
    { ...base, orgId: orgB, state: 'closed', title: 'B1', closedOn: '2025-05-05' },
  ])
  .returning();
const caseId = (title: string) => rows.find((r) => r.title === title)!.id;
const eligibleInA = rows.filter((r) => /^A\d$/.test(r.title)).map((r) => r.id);

// Response bodies are read loosely here: each field the test relies on is asserted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reply = { statusCode: number; body: string; json: () => any };
const call = (who: keyof typeof cookies, method: string, url: string, payload?: object): Promise<Reply> =>
  t.app.inject({
    method: method as 'GET',
    url: `/api/casefile-reviews${url}`,
    headers: { cookie: cookies[who] },
    ...(payload ? { payload } : {}),
  });
async function ok(reply: Promise<Reply>) {
  const res = await reply;
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
const round2025 = {
  year: 2025,
  name: '2025年度行政处罚案卷评查',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
};

describe('rubric', () => {
  test('an organisation without its own rubric gets the default of 100 points', async () => {
    const rubric = await ok(call('adminA', 'GET', '/rubric'));
    assert.equal(rubric.isDefault, true);
    assert.equal(rubric.version, 0);
    assert.equal(rubric.totalPoints, 100);
    assert.ok(rubric.items.length >= 7);
  });

  test('a rubric that does not total 100 is refused naming the field; officers may not edit it', async () => {
    const res = await call('adminA', 'PUT', '/rubric', {
      items: [{ category: '执法程序', text: '程序合法规范', maxPoints: 95 }],
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error.fields, [
      { path: 'items', message: '各项分值合计应为100分，当前为95分' },
    ]);
    const officer = await call('officerA1', 'PUT', '/rubric', {
      items: [{ category: '执法程序', text: '程序合法规范', maxPoints: 100 }],
    });
    assert.equal(officer.statusCode, 403);
  });

  test('a saved rubric is a new version; a round keeps the rubric it was opened with', async () => {
    const opened = await ok(call('adminA', 'POST', '/rounds', { ...round2025, name: '沿用默认标准的轮次' }));
    assert.equal(opened.rubricVersion, 0);
    const saved = await ok(
      call('adminA', 'PUT', '/rubric', {
        items: [
          { category: '事实证据', text: '事实清楚证据充分', maxPoints: 60, guidance: '缺主要证据不得分' },
          { category: '执法程序', text: '程序合法规范', maxPoints: 40 },
        ],
      }),
    );
    assert.equal(saved.version, 1);
    assert.equal(saved.isDefault, false);
    assert.equal(saved.totalPoints, 100);
    assert.equal((await ok(call('adminA', 'GET', `/rounds/${opened.id}`))).rubricVersion, 0);
    const later = await ok(call('adminA', 'POST', '/rounds', { ...round2025, name: '采用新标准的轮次' }));
    assert.equal(later.rubricVersion, 1);
    assert.deepEqual(
      later.rubric.map((i: { maxPoints: number }) => i.maxPoints),
      [60, 40],
    );
  });
});

test('a county without its own rubric uses its city’s until it saves one', async () => {
  // A tree of its own, so the city's rubric here changes no other test's rounds.
  const other = await buildOrgTree(db, { password: 'Review-Passw0rd' });
  const own = await loginTree(t.app, other, ['admin', 'adminA']);
  const as = (cookie: string, method: string, url: string, payload?: object) =>
    ok(
      t.app.inject({
        method: method as 'GET',
        url: `/api/casefile-reviews${url}`,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      }),
    );
  const cityItems = [
    { category: '执法程序', text: '程序合法规范', maxPoints: 50 },
    { category: '文书制作', text: '文书齐全规范', maxPoints: 50 },
  ];
  await as(own.admin, 'PUT', '/rubric', { items: cityItems });
  const inherited = await as(own.adminA, 'GET', '/rubric');
  assert.equal(inherited.isDefault, false);
  assert.equal(inherited.sourceOrgId, other.city.id);
  assert.equal(inherited.orgId, other.countyA.id);
  const round = await as(own.adminA, 'POST', '/rounds', round2025);
  assert.deepEqual(
    round.rubric.map((i: { text: string }) => i.text),
    ['程序合法规范', '文书齐全规范'],
  );
  const adopted = await as(own.adminA, 'PUT', '/rubric', { items: [{ ...cityItems[0], maxPoints: 100 }] });
  assert.equal(adopted.sourceOrgId, other.countyA.id);
  assert.equal(adopted.version, 1);
  assert.equal((await as(own.admin, 'GET', '/rubric')).items.length, 2, 'the city keeps its own');
});

describe('rounds and files', () => {
  test('a sample is reproducible from its seed and holds only closed cases of the subtree and period', async () => {
    const first = await ok(call('adminA', 'POST', '/rounds', round2025));
    const second = await ok(call('adminA', 'POST', '/rounds', { ...round2025, name: '复核抽取的轮次' }));
    const candidates = await ok(call('adminA', 'GET', `/rounds/${first.id}/candidates?pageSize=200`));
    assert.deepEqual(candidates.items.map((c: { id: string }) => c.id).sort(), [...eligibleInA].sort());
    const drawA = await ok(
      call('adminA', 'POST', `/rounds/${first.id}/sample`, { size: 3, seed: '2025-评查' }),
    );
    const drawB = await ok(
      call('adminA', 'POST', `/rounds/${second.id}/sample`, { size: 3, seed: '2025-评查' }),
    );
    assert.equal(drawA.eligible, 8);
    assert.deepEqual(drawA.added, drawB.added);
    assert.deepEqual(drawA.added, drawSample(eligibleInA, 3, '2025-评查'));
    // Sampling again draws only among the files not yet in the round: a file appears once per round.
    const more = await ok(call('adminA', 'POST', `/rounds/${first.id}/sample`, { size: 20, seed: 'again' }));
    assert.equal(more.eligible, 5);
    const files = await ok(call('adminA', 'GET', `/rounds/${first.id}/files?pageSize=200`));
    assert.equal(files.total, 8);
    // Each drawn file keeps the seed of its draw, so the sample can be re-run and checked.
    assert.deepEqual([...new Set(files.items.map((f: { sampleSeed: string }) => f.sampleSeed))].sort(), [
      '2025-评查',
      'again',
    ]);
    assert.deepEqual(files.items.map((f: { caseId: string }) => f.caseId).sort(), [...eligibleInA].sort());
    const none = await call('adminA', 'POST', `/rounds/${first.id}/sample`, { size: 1, seed: 'empty' });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().error.fields[0].path, 'size');
  });

  test('hand-picked files must be closed, in the period and in the round organisation’s subtree', async () => {
    const round = await ok(call('adminA', 'POST', '/rounds', round2025));
    for (const title of ['B1', 'A-2024', 'A-open']) {
      const res = await call('adminA', 'POST', `/rounds/${round.id}/files`, {
        caseIds: [caseId('A1'), caseId(title)],
      });
      assert.equal(res.statusCode, 400, title);
      assert.equal(res.json().error.fields[0].path, 'caseIds.1', title);
    }
    const added = await ok(call('adminA', 'POST', `/rounds/${round.id}/files`, { caseIds: [caseId('A1')] }));
    assert.deepEqual(added.added, [caseId('A1')]);
    const again = await call('adminA', 'POST', `/rounds/${round.id}/files`, { caseIds: [caseId('A1')] });
    assert.equal(again.statusCode, 400, 'a file appears once per round');
    // A file picked by mistake can be taken out while unscored; a scored one stays.
    const [picked] = (await ok(call('adminA', 'GET', `/rounds/${round.id}/files`))).items;
    await ok(call('adminA', 'PUT', `/files/${picked.id}/score`, { deductions: [] }));
    const scored = await call('adminA', 'POST', `/files/${picked.id}/remove`);
    assert.equal(scored.statusCode, 409);
    await ok(call('adminA', 'POST', `/rounds/${round.id}/files`, { caseIds: [caseId('A2')] }));
    const unscored = (await ok(call('adminA', 'GET', `/rounds/${round.id}/files?scored=no`))).items;
    assert.equal(unscored.length, 1);
    await ok(call('adminA', 'POST', `/files/${unscored[0].id}/remove`));
    assert.equal((await ok(call('adminA', 'GET', `/rounds/${round.id}`))).fileCount, 1);
  });

  test('a city round can hold its counties’ files; a county cannot read or score another county’s round', async () => {
    const cityRound = await ok(call('legal', 'POST', '/rounds', { ...round2025, name: '市级交叉评查' }));
    const added = await ok(
      call('legal', 'POST', `/rounds/${cityRound.id}/files`, { caseIds: [caseId('A2'), caseId('B1')] }),
    );
    assert.equal(added.added.length, 2);
    const roundA = await ok(call('adminA', 'POST', '/rounds', round2025));
    await ok(call('adminA', 'POST', `/rounds/${roundA.id}/files`, { caseIds: [caseId('A3')] }));
    const [fileA] = (await ok(call('adminA', 'GET', `/rounds/${roundA.id}/files`))).items;
    for (const [method, url, payload] of [
      ['GET', `/rounds/${roundA.id}`],
      ['GET', `/rounds/${roundA.id}/files`],
      ['GET', `/rounds/${roundA.id}/candidates`],
      ['POST', `/rounds/${roundA.id}/sample`, { size: 1, seed: 'intrude' }],
      ['GET', `/files/${fileA.id}`],
      ['PUT', `/files/${fileA.id}/score`, { deductions: [], summary: '越权评分' }],
      ['GET', `/rounds/${cityRound.id}`],
    ] as const) {
      const res = await call('adminB', method, url, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    const listed = await ok(call('adminB', 'GET', '/rounds?pageSize=200'));
    assert.ok(listed.items.every((r: { orgId: string }) => r.orgId !== tree.countyA.id));
    // County A reads its own round but not the city's, even though the city's holds one of its files.
    assert.equal((await call('adminA', 'GET', `/rounds/${cityRound.id}`)).statusCode, 404);
    const cityList = await ok(call('admin', 'GET', '/rounds?pageSize=200'));
    assert.ok(cityList.items.some((r: { id: string }) => r.id === roundA.id));
  });
});

describe('scoring', async () => {
  const round = await ok(
    call('admin', 'POST', '/rounds', { ...round2025, name: '评分测试', excellenceThreshold: 90 }),
  );
  await ok(call('admin', 'POST', `/rounds/${round.id}/files`, { caseIds: [caseId('A4'), caseId('A5')] }));
  const files = (await ok(call('admin', 'GET', `/rounds/${round.id}/files`))).items as { id: string }[];
  const [first, second] = files.map((f) => f.id);
  const items = round.rubric as { id: string; maxPoints: number }[];

  test('the server computes the total from the deductions and shows the self-check alongside', async () => {
    const scored = await ok(
      call('legal', 'PUT', `/files/${first}/score`, {
        deductions: [
          { itemId: items[0]!.id, points: 2.5, comment: '执法证号未记录' },
          { itemId: items[1]!.id, points: 3, comment: '询问笔录无当事人签字' },
        ],
        summary: '案卷基本规范。',
        totalScore: 100, // ignored: the total is never taken from the client
      }),
    );
    assert.equal(scored.totalScore, 94.5);
    assert.equal(scored.isExcellent, false);
    assert.equal(scored.reviewerName, '李法审');
    assert.ok(scored.scoredOn);
    assert.equal(typeof scored.selfCheck.ok, 'boolean');
    assert.ok(Array.isArray(scored.selfCheck.items));
    const detail = await ok(call('admin', 'GET', `/files/${first}`));
    assert.equal(detail.deductions.length, 2);
    assert.equal(detail.round.id, round.id);
  });

  test('a deduction above the item’s points, or without a reason, is refused naming the field', async () => {
    const res = await call('legal', 'PUT', `/files/${first}/score`, {
      deductions: [{ itemId: items[0]!.id, points: items[0]!.maxPoints + 1, comment: '超过分值' }],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.fields[0].path, 'deductions.0.points');
    const unknown = await call('legal', 'PUT', `/files/${first}/score`, {
      deductions: [{ itemId: 'no-such-item', points: 1, comment: '未知项目' }],
    });
    assert.equal(unknown.json().error.fields[0].path, 'deductions.0.itemId');
  });

  test('excellent only at or above the threshold; refused with a Chinese reason below it', async () => {
    const below = await call('legal', 'PUT', `/files/${second}/score`, {
      deductions: [
        { itemId: items[2]!.id, points: 5.5, comment: '事实表述不完整' },
        { itemId: items[3]!.id, points: 5, comment: '证据不能相互印证' },
      ],
      excellent: true,
    });
    assert.equal(below.statusCode, 422, below.body);
    assert.match(below.json().error.message, /总分89.5分，低于本轮优秀案卷分数线90分/);
    assert.equal(below.json().error.fields[0].path, 'excellent');
    const exactly = await ok(
      call('legal', 'PUT', `/files/${second}/score`, {
        deductions: [
          { itemId: items[2]!.id, points: 5, comment: '事实表述不完整' },
          { itemId: items[3]!.id, points: 5, comment: '证据不能相互印证' },
        ],
        excellent: true,
        summary: '评为优秀案卷。',
      }),
    );
    assert.equal(exactly.totalScore, 90);
    assert.equal(exactly.isExcellent, true);
    const summary = await ok(call('admin', 'GET', `/rounds/${round.id}`));
    assert.deepEqual([summary.fileCount, summary.scoredCount, summary.excellentCount], [2, 2, 1]);
  });

  test('officers read a round of their own subtree but may not score in it', async () => {
    const res = await call('officerA1', 'PUT', `/files/${first}/score`, { deductions: [] });
    assert.equal(res.statusCode, 404, 'the city round is above county A: not visible');
    // A round of the officer's own institute (no one there may open one, so it is written directly).
    const [own] = await db
      .insert(casefileReviewRounds)
      .values({
        ...round2025,
        orgId: orgA,
        excellenceThreshold: 90,
        rubric: defaultRubricItems,
        rubricVersion: 0,
        createdBy: tree.users.admin.id,
      })
      .returning();
    await db.insert(casefileReviewFiles).values({
      roundId: own!.id,
      orgId: orgA,
      caseId: caseId('A6'),
      selection: 'manual',
      addedBy: tree.users.admin.id,
    });
    const [file] = (await ok(call('officerA1', 'GET', `/rounds/${own!.id}/files`))).items;
    assert.equal(
      (await call('officerA1', 'PUT', `/files/${file.id}/score`, { deductions: [] })).statusCode,
      403,
    );
  });

  test('a closed round is read-only', async () => {
    const closed = await ok(call('admin', 'POST', `/rounds/${round.id}/close`));
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    for (const [method, url, payload] of [
      ['PUT', `/files/${first}/score`, { deductions: [], summary: '结束后改分' }],
      ['POST', `/rounds/${round.id}/files`, { caseIds: [caseId('A7')] }],
      ['POST', `/rounds/${round.id}/sample`, { size: 1, seed: 'late' }],
      ['POST', `/rounds/${round.id}/close`],
      ['POST', `/files/${first}/remove`],
    ] as const) {
      const res = await call('admin', method, url, payload);
      assert.equal(res.statusCode, 409, `${method} ${url}`);
      assert.match(res.json().error.message, /本轮评查已结束/);
    }
    assert.equal((await ok(call('admin', 'GET', `/files/${first}`))).totalScore, 94.5);
  });
});

describe('metrics', async () => {
  // Scoring dates are set by hand: two in 2025 for county A's round, one (excellent) for the city's, one in 2026.
  const countyRound = await ok(call('adminA', 'POST', '/rounds', { ...round2025, name: '指标测试（县）' }));
  const cityRound = await ok(call('admin', 'POST', '/rounds', { ...round2025, name: '指标测试（市）' }));
  await ok(
    call('adminA', 'POST', `/rounds/${countyRound.id}/files`, {
      caseIds: [caseId('A1'), caseId('A2'), caseId('A3')],
    }),
  );
  // The same case reviewed again in the city's round counts there too.
  await ok(call('admin', 'POST', `/rounds/${cityRound.id}/files`, { caseIds: [caseId('A1'), caseId('B1')] }));
  const fileOf = async (roundId: string, title: string) =>
    (
      await db
        .select({ id: casefileReviewFiles.id })
        .from(casefileReviewFiles)
        .where(and(eq(casefileReviewFiles.roundId, roundId), eq(casefileReviewFiles.caseId, caseId(title))))
    )[0]!.id;
  const scored = async (roundId: string, title: string, scoredOn: string, isExcellent = false) =>
    db
      .update(casefileReviewFiles)
      .set({ scoredOn, totalScore: isExcellent ? 95 : 80, isExcellent })
      .where(eq(casefileReviewFiles.id, await fileOf(roundId, title)));
  await scored(countyRound.id, 'A1', '2025-11-01', true);
  await scored(countyRound.id, 'A2', '2025-12-31');
  await scored(countyRound.id, 'A3', '2026-01-01', true);
  await scored(cityRound.id, 'A1', '2025-12-01', true);
  await scored(cityRound.id, 'B1', '2025-12-02');

  async function value(id: string, orgId: string, from = '2025-01-01', to = '2025-12-31') {
    const res = await t.app.inject({
      url: `/api/metrics/${id}?orgId=${orgId}&from=${from}&to=${to}`,
      headers: { cookie: cookies.admin },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().value as number;
  }

  test('files count on their scoring date, under the organisation that ran the round', async () => {
    assert.equal(await value('casefile.reviewed', tree.city.id), 4);
    assert.equal(await value('casefile.reviewed', tree.countyA.id), 2);
    assert.equal(await value('casefile.reviewed', tree.countyB.id), 0, 'the city reviewed B1, not county B');
    assert.equal(await value('casefile.excellent', tree.city.id), 2);
    assert.equal(await value('casefile.excellent', tree.countyA.id), 1);
    assert.equal(await value('casefile.reviewed', tree.city.id, '2026-01-01', '2026-01-31'), 1);
    assert.equal(await value('casefile.excellent', tree.city.id, '2026-01-01', '2026-01-31'), 1);
  });

  test('each figure lists its records, linking to the case', async () => {
    const res = await t.app.inject({
      url: `/api/metrics/casefile.excellent/records?orgId=${tree.city.id}&from=2025-01-01&to=2025-12-31`,
      headers: { cookie: cookies.admin },
    });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { title: string; date: string; link: string }[];
    assert.deepEqual(
      items.map((i) => [i.date, i.link]),
      [
        ['2025-11-01', `/cases/${caseId('A1')}`],
        ['2025-12-01', `/cases/${caseId('A1')}`],
      ],
    );
    assert.match(items[0]!.title, /^A1（指标测试（县），95分）$/);
  });
});
