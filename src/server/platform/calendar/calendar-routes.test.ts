import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/test-app.ts';
import { buildOrgTree, loginTree } from '../../test/factories.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const tree = await buildOrgTree(t.database.db, { password });
const cookies = await loginTree(t.app, tree, ['admin', 'adminA', 'officerA1']);

const get = (url: string, cookie = cookies.officerA1) =>
  t.app.inject({ method: 'GET', url, headers: { cookie } });
const addWorkingDays = async (from: string, days: number | string) =>
  get(`/api/calendar/add-working-days?from=${from}&days=${days}`);
const isWorkingDay = async (date: string) => get(`/api/calendar/is-working-day?date=${date}`);

// 国务院办公厅关于2027年部分节假日安排的通知 is not shipped: an administrator loads it.
const year2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  days: [
    { date: '2027-01-01', kind: 'rest', name: '元旦' },
    { date: '2027-01-02', kind: 'rest', name: '元旦' },
    { date: '2027-01-03', kind: 'rest', name: '元旦' },
  ],
};
const put2027 = (cookie: string, body: object = year2027) =>
  t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: { cookie }, payload: body });

describe('calendar routes', () => {
  // Vectors from 国务院办公厅关于2026年部分节假日安排的通知: 春节 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班；
  // 国庆节 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班.
  test('add-working-days across the 2026 Spring Festival counts the 调休 Saturdays', async () => {
    const res = await addWorkingDays('2026-02-12', 7);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { date: '2026-02-28' });
    assert.deepEqual((await addWorkingDays('2026-02-12', 2)).json(), { date: '2026-02-14' });
    assert.deepEqual((await addWorkingDays('2026-02-14', 1)).json(), { date: '2026-02-24' });
  });

  test('add-working-days across National Day 2026 skips 1–7 October', async () => {
    assert.deepEqual((await addWorkingDays('2026-09-30', 1)).json(), { date: '2026-10-08' });
    assert.deepEqual((await addWorkingDays('2026-09-18', 1)).json(), { date: '2026-09-20' });
    assert.deepEqual((await addWorkingDays('2026-10-09', 1)).json(), { date: '2026-10-10' });
    // Zero days: the start itself if it is a working day, else the next one.
    assert.deepEqual((await addWorkingDays('2026-10-03', 0)).json(), { date: '2026-10-08' });
  });

  test('is-working-day knows 调休 workdays, holidays and holiday weekends', async () => {
    const vectors: Array<[string, boolean]> = [
      ['2026-02-14', true], // 调休上班（周六）
      ['2026-02-21', false], // 春节假期中的周六
      ['2026-02-16', false], // 春节（周一）
      ['2026-02-28', true], // 调休上班（周六）
      ['2026-09-20', true], // 调休上班（周日）
      ['2026-10-05', false], // 国庆（周一）
      ['2026-10-10', true], // 调休上班（周六）
      ['2026-10-12', true], // an ordinary Monday
      ['2026-10-17', false], // an ordinary Saturday
    ];
    for (const [date, workingDay] of vectors) {
      const res = await isWorkingDay(date);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { workingDay }, date);
    }
  });

  test('a date in a year not loaded is 422 with a message naming the year', async () => {
    const res = await isWorkingDay('2027-03-01');
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'UNPROCESSABLE');
    assert.match(res.json().error.message, /2027年/);
    assert.deepEqual(
      res.json().error.fields.map((f: { path: string }) => f.path),
      ['date'],
    );
    // Counting forward out of the last loaded year is refused too, not guessed.
    const crossing = await addWorkingDays('2026-12-31', 1);
    assert.equal(crossing.statusCode, 422);
    assert.match(crossing.json().error.message, /2027/);
    assert.equal((await isWorkingDay('2024-05-01')).statusCode, 422);
  });

  test('malformed input is 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/calendar/is-working-day?date=2026-2-14', 'date'],
      ['/api/calendar/is-working-day?date=2026-02-30', 'date'],
      ['/api/calendar/is-working-day', 'date'],
      ['/api/calendar/add-working-days?from=20260212&days=7', 'from'],
      ['/api/calendar/add-working-days?from=2026-02-12&days=seven', 'days'],
      ['/api/calendar/add-working-days?from=2026-02-12&days=-1', 'days'],
      ['/api/calendar/add-working-days?from=2026-02-12&days=1.5', 'days'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'VALIDATION');
      assert.ok(
        res.json().error.fields.some((f: { path: string }) => f.path === field),
        `${url}: ${res.body}`,
      );
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    }
  });

  test('without a session the calendar is 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/is-working-day?date=2026-02-14' });
    assert.equal(res.statusCode, 401);
  });

  test('a county admin or an officer may not PUT a year (403)', async () => {
    for (const cookie of [cookies.adminA, cookies.officerA1]) {
      const res = await put2027(cookie);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    }
    assert.equal((await isWorkingDay('2027-03-01')).statusCode, 422);
  });

  test('a year’s data is checked: dates inside the year, 调休 only on weekends, no duplicates', async () => {
    const cases: Array<[object, string]> = [
      [{ ...year2027, days: [{ date: '2028-01-01', kind: 'rest', name: '元旦' }] }, 'days.0.date'],
      [{ ...year2027, days: [{ date: '2027-01-04', kind: 'work', name: '调休' }] }, 'days.0.kind'],
      [{ ...year2027, days: [year2027.days[0], year2027.days[0]] }, 'days'],
      [{ ...year2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }, 'days.0.kind'],
      [{ ...year2027, source: '' }, 'source'],
    ];
    for (const [body, field] of cases) {
      const res = await put2027(cookies.admin, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.ok(
        res.json().error.fields.some((f: { path: string }) => f.path === field),
        `${field}: ${res.body}`,
      );
    }
    const badYear = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/abc',
      headers: { cookie: cookies.admin },
      payload: year2027,
    });
    assert.equal(badYear.statusCode, 400);
    assert.equal(badYear.json().error.fields[0].path, 'year');
  });

  test('after the root admin PUTs 2027, 2027 dates are answered', async () => {
    const res = await put2027(cookies.admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await isWorkingDay('2027-01-01')).json(), { workingDay: false });
    assert.deepEqual((await isWorkingDay('2027-01-04')).json(), { workingDay: true });
    assert.deepEqual((await addWorkingDays('2026-12-31', 1)).json(), { date: '2027-01-04' });
    const years = await get('/api/calendar/years');
    assert.deepEqual(
      years.json().items.map((y: { year: number }) => y.year),
      [2025, 2026, 2027],
    );
    const loaded = years.json().items.find((y: { year: number }) => y.year === 2027);
    assert.equal(loaded.source, year2027.source);
    assert.equal(loaded.days.length, 3);
    // 2028 is still unknown.
    assert.equal((await isWorkingDay('2028-01-03')).statusCode, 422);
  });
});
