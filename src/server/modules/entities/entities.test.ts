import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { count, eq, sql } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import {
  buildOrgTree,
  loginTree,
  multipartBody,
  usccFor,
  waitForEntityImport,
} from '../../test/factories.ts';
import type { EntityImportJob } from '../../../shared/entities/payloads.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { entities, entityImportJobs, entityImportStaging } from './tables.ts';
import { failInterruptedImports, runEntityImport } from './import-job.ts';

const password = 'Secret-pass-2026';
const t = await createTestApp();
const db = t.database.db;
const tree = await buildOrgTree(db, { password });
const cookies = await loginTree(t.app, tree, ['adminA', 'adminB', 'officerA1']);

const header = '统一社会信用代码,单位名称,类别,行政区划代码,地址,法定代表人,风险等级,信用等级,状态';

type Reply = {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
  json: () => unknown;
};
const send = (cookie: string, method: string, url: string, payload?: object): Promise<Reply> =>
  t.app.inject({ method: method as 'GET', url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function upload(cookie: string, fileName: string, bytes: Buffer): Promise<string> {
  const body = multipartBody({ fileName, bytes });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { id: string }).id;
}

async function importFile(cookie: string, fileName: string, bytes: Buffer): Promise<EntityImportJob> {
  const fileId = await upload(cookie, fileName, bytes);
  const started = await send(cookie, 'POST', '/api/entities/imports', { fileId });
  assert.equal(started.statusCode, 200, started.body);
  return waitForEntityImport(t.app, cookie, (started.json() as EntityImportJob).id);
}

const entityCount = async () => (await db.select({ n: count() }).from(entities))[0]!.n;
const byCode = async (code: string) => (await db.select().from(entities).where(eq(entities.uscc, code)))[0];

// Rows 2–4 are good (row 3's address holds a comma, a quote and a line break); rows 6 and 7 are bad.
const goodAndBadCsv = [
  header,
  `${usccFor(1)},东川县人民医院,医疗机构,330102,东川县人民路1号,王一,高,A,正常`,
  `${usccFor(2)},东川县悦来宾馆,公共场所,330102,"东川县解放路2号,""悦来""大厦\n三楼",李二,中风险,B级,`,
  `${usccFor(3)},东川县自来水公司,生活饮用水供水单位,330102,,,,,停业`,
  '',
  `${usccFor(4).slice(0, 17)}0,东川县校验码错误诊所,医疗机构,330102,,,,,`,
  `${usccFor(5)},东川县无类别单位,网吧,3301,,,特高,,`,
].join('\r\n');

describe('entity import', () => {
  test('CSV: good rows are imported, bad rows reported with reasons naming the column; audited once', async () => {
    const auditsBefore = (await db.select({ n: count() }).from(auditLog))[0]!.n;
    const job = await importFile(cookies.adminA, '名录.csv', Buffer.from(goodAndBadCsv, 'utf8'));
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual(
      [job.rowsRead, job.rowsAccepted, job.rowsRejected, job.rowsInserted, job.rowsUpdated, job.percent],
      [5, 3, 2, 3, 0, 100],
    );
    const hotel = await byCode(usccFor(2));
    assert.equal(hotel?.address, '东川县解放路2号,"悦来"大厦\n三楼');
    assert.equal(hotel?.riskLevel, 'medium');
    assert.equal(hotel?.creditLevel, 'B');
    assert.equal(hotel?.status, 'active');
    assert.equal(hotel?.orgId, tree.countyA.id);
    assert.equal((await byCode(usccFor(3)))?.status, 'suspended');

    const report = await send(cookies.adminA, 'GET', `/api/entities/imports/${job.id}/rejections`);
    assert.equal(report.statusCode, 200);
    assert.match(String(report.headers['content-type']), /text\/csv/);
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], '行号,统一社会信用代码,单位名称,未导入原因');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^7,.*东川县校验码错误诊所,统一社会信用代码：校验码不正确/);
    assert.match(lines[2]!, /^8,/);
    assert.match(lines[2]!, /类别：应为医疗机构、/);
    assert.match(lines[2]!, /行政区划代码：应为6位数字/);
    assert.match(lines[2]!, /风险等级：/);

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'entities.import'));
    assert.equal((await db.select({ n: count() }).from(auditLog))[0]!.n - auditsBefore, 2); // the upload and the import
    const after = audits.at(-1)!.after as Record<string, unknown>;
    assert.equal(after.rowsInserted, 3);
    assert.equal(after.rowsRejected, 2);
    assert.match(String(after.sha256), /^[0-9a-f]{64}$/);
  });

  test('upsert by USCC: the same file again changes nothing; an edited file updates, never duplicates', async () => {
    const before = await entityCount();
    const hospitalBefore = await byCode(usccFor(1));
    const again = await importFile(cookies.adminA, '名录.csv', Buffer.from(goodAndBadCsv, 'utf8'));
    assert.deepEqual([again.rowsInserted, again.rowsUpdated, again.rowsRejected], [0, 0, 2]);
    assert.equal(await entityCount(), before);
    assert.deepEqual(await byCode(usccFor(1)), hospitalBefore);

    const edited = [
      header,
      `${usccFor(1)},东川县第一人民医院,医疗机构,330102,,,低,,`,
      `${usccFor(6)},东川县新诊所,医疗机构,330102,,,,,`,
    ];
    const job = await importFile(cookies.adminA, '更新.csv', Buffer.from(edited.join('\n'), 'utf8'));
    assert.deepEqual([job.rowsInserted, job.rowsUpdated], [1, 1]);
    assert.equal(await entityCount(), before + 1);
    const hospital = await byCode(usccFor(1));
    assert.equal(hospital?.name, '东川县第一人民医院');
    assert.equal(hospital?.riskLevel, 'low');
    assert.equal(hospital?.id, hospitalBefore?.id);
  });

  test('.xlsx: read as a stream, good and bad rows as for CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('检查对象');
    sheet.addRow(header.split(','));
    sheet.addRow([
      usccFor(11),
      '东川县游泳馆',
      '公共场所',
      330102,
      '东川县体育路9号',
      '赵六',
      '高风险',
      'C',
      '正常',
    ]);
    sheet.addRow([usccFor(12), '东川县消毒用品厂', '消毒产品', '330102', null, null, null, null, null]);
    sheet.addRow([usccFor(13), '', '学校', '330102']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(cookies.adminA, '名录.xlsx', bytes);
    assert.equal(job.status, 'succeeded', job.error ?? '');
    assert.deepEqual([job.rowsRead, job.rowsAccepted, job.rowsRejected, job.rowsInserted], [3, 2, 1, 2]);
    assert.equal((await byCode(usccFor(11)))?.areaCode, '330102');
    const report = await send(cookies.adminA, 'GET', `/api/entities/imports/${job.id}/rejections`);
    assert.match(report.body, /\r\n4,[^,]+,,单位名称：请填写单位名称/);
  });

  test('a file without the required columns fails the job, naming them', async () => {
    const job = await importFile(cookies.adminA, '错列.csv', Buffer.from('名称,地址\n甲,乙\n', 'utf8'));
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /缺少必需的列：统一社会信用代码、类别、行政区划代码/);
  });

  test('a failure mid-read applies nothing: the job fails and its staged rows are gone', async () => {
    const before = await entityCount();
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `${usccFor(100_000 + i)},东川县中断测试${i},学校,330102,,,,,`,
    );
    const firstHalf = `${header}\n${rows.join('\n')}\n`;
    // The source delivers 6,000 rows (more than one staging batch), then the connection drops.
    const source = new Readable({ read() {} });
    const job = await newJobRow(Buffer.byteLength(firstHalf) * 2);
    const run = runEntityImport(
      db,
      job,
      { userId: tree.users.adminA.id, displayName: tree.users.adminA.displayName },
      'csv',
      source,
    );
    source.push(firstHalf);
    await waitUntil(async () => (await jobRow(job.id)).rowsRead >= 6000);
    const staged = await db
      .select({ n: count() })
      .from(entityImportStaging)
      .where(eq(entityImportStaging.jobId, job.id));
    assert.ok(staged[0]!.n >= 5000, 'rows were staged before the failure');
    const midway = await jobRow(job.id);
    assert.ok(midway.bytesRead > 0 && midway.bytesRead < midway.bytesTotal, 'progress between 0 and 100 %');
    source.destroy(new Error('ECONNRESET'));
    await run;
    const failed = await jobRow(job.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /名录未作更改/);
    assert.equal(await entityCount(), before);
    const left = await db
      .select({ n: count() })
      .from(entityImportStaging)
      .where(eq(entityImportStaging.jobId, job.id));
    assert.equal(left[0]!.n, 0);
  });

  test('a failure inside the final transaction rolls every row back', async () => {
    const before = await entityCount();
    // The directory refuses one row half-way through the upsert, as a crash or a constraint would.
    await db.execute(sql`create function refuse_trap() returns trigger language plpgsql as $$
      begin if new.name = '触发故障' then raise exception 'simulated crash'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger refuse_trap before insert on entities for each row execute function refuse_trap()`,
    );
    try {
      const csv = [
        header,
        `${usccFor(201)},东川县甲单位,学校,330102`,
        `${usccFor(202)},触发故障,学校,330102`,
        `${usccFor(203)},东川县丙单位,学校,330102`,
      ];
      const job = await importFile(cookies.adminA, '故障.csv', Buffer.from(csv.join('\n'), 'utf8'));
      assert.equal(job.status, 'failed');
      assert.equal(await entityCount(), before);
      assert.equal(await byCode(usccFor(201)), undefined);
    } finally {
      await db.execute(sql`drop trigger refuse_trap on entities`);
      await db.execute(sql`drop function refuse_trap()`);
    }
  });

  test('at restart, a job left reading is marked failed and its staged rows dropped; the directory is untouched', async () => {
    const before = await entityCount();
    const job = await newJobRow(1000);
    await db.insert(entityImportStaging).values({
      jobId: job.id,
      line: 2,
      uscc: usccFor(301),
      name: '东川县残留单位',
      category: '学校',
      areaCode: '330102',
      status: 'active',
    });
    assert.ok((await failInterruptedImports(db)) >= 1);
    const failed = await jobRow(job.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /服务重启/);
    assert.equal(
      (
        await db.select({ n: count() }).from(entityImportStaging).where(eq(entityImportStaging.jobId, job.id))
      )[0]!.n,
      0,
    );
    assert.equal(await entityCount(), before);
  });
});

describe('entity directory: list, detail, edit, and other counties', () => {
  test('list: pagination, search on name and code fragments, filters', async () => {
    const page = await send(cookies.adminA, 'GET', '/api/entities?pageSize=2&page=1');
    const body = page.json() as { items: Array<{ uscc: string; name: string }>; total: number };
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 6);
    const page2 = (
      await send(cookies.adminA, 'GET', '/api/entities?pageSize=2&page=2')
    ).json() as typeof body;
    assert.notDeepEqual(page2.items, body.items);
    const ids = async (query: string) =>
      ((await send(cookies.adminA, 'GET', `/api/entities?${query}`)).json() as typeof body).items.map(
        (i) => i.uscc,
      );
    assert.deepEqual(await ids(`q=${encodeURIComponent('悦来')}`), [usccFor(2)]);
    assert.deepEqual(await ids(`q=${usccFor(3).slice(0, 17).toLowerCase()}`), [usccFor(3)]);
    assert.deepEqual(await ids('category=%E6%B6%88%E6%AF%92%E4%BA%A7%E5%93%81'), [usccFor(12)]);
    assert.deepEqual((await ids('riskLevel=high')).sort(), [usccFor(11)]);
    assert.deepEqual(await ids('status=suspended'), [usccFor(3)]);
    assert.ok((await ids('areaCode=3301&pageSize=200')).includes(usccFor(1)));
    assert.deepEqual(await ids('areaCode=4401'), []);
    assert.deepEqual(await ids(`q=${encodeURIComponent('%')}`), []);
  });

  test('create, detail and edit in the own organisation; a code is registered once; officers may not write', async () => {
    const created = await send(cookies.adminA, 'POST', '/api/entities', {
      uscc: usccFor(401).toLowerCase(),
      name: '东川县实验学校',
      category: '学校',
      areaCode: '330102',
    });
    assert.equal(created.statusCode, 200, created.body);
    const entity = created.json() as { id: string; uscc: string; status: string; riskLevel: null };
    assert.equal(entity.uscc, usccFor(401));
    assert.equal(entity.status, 'active');
    const again = await send(cookies.adminA, 'POST', '/api/entities', {
      uscc: usccFor(401),
      name: '重复',
      category: '学校',
      areaCode: '330102',
    });
    assert.equal(again.statusCode, 409);
    const badCode = await send(cookies.adminA, 'POST', '/api/entities', {
      uscc: `${usccFor(402).slice(0, 17)}Z`,
      name: '甲',
      category: '学校',
      areaCode: '330102',
    });
    assert.equal(badCode.statusCode, 400);
    const edited = await send(cookies.adminA, 'PATCH', `/api/entities/${entity.id}`, {
      riskLevel: 'high',
      address: '东川县学府路1号',
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const detail = (await send(cookies.adminA, 'GET', `/api/entities/${entity.id}`)).json() as Record<
      string,
      unknown
    >;
    assert.deepEqual(
      [detail.riskLevel, detail.address, detail.status, detail.name],
      ['high', '东川县学府路1号', 'active', '东川县实验学校'],
    );
    // An officer of the county's institute: no entities.manage, and the county bureau's record is above them.
    const byOfficer = await send(cookies.officerA1, 'POST', '/api/entities', {
      uscc: usccFor(403),
      name: '乙',
      category: '学校',
      areaCode: '330102',
    });
    assert.equal(byOfficer.statusCode, 403);
  });

  test('county B never reads or changes county A’s entities, import jobs or reports', async () => {
    const [hospital] = await db
      .select()
      .from(entities)
      .where(eq(entities.uscc, usccFor(1)));
    const [job] = await db
      .select()
      .from(entityImportJobs)
      .where(eq(entityImportJobs.orgId, tree.countyA.id))
      .limit(1);
    for (const url of [
      `/api/entities/${hospital!.id}`,
      `/api/entities/imports/${job!.id}`,
      `/api/entities/imports/${job!.id}/rejections`,
    ]) {
      const res = await send(cookies.adminB, 'GET', url);
      assert.equal(res.statusCode, 404, url);
    }
    const patched = await send(cookies.adminB, 'PATCH', `/api/entities/${hospital!.id}`, {
      name: '西岭篡改',
    });
    assert.equal(patched.statusCode, 404);
    const restart = await send(cookies.adminB, 'POST', '/api/entities/imports', { fileId: job!.fileId });
    assert.equal(restart.statusCode, 404);
    const list = (await send(cookies.adminB, 'GET', '/api/entities?pageSize=200')).json() as {
      total: number;
    };
    assert.equal(list.total, 0);
    const jobs = (await send(cookies.adminB, 'GET', '/api/entities/imports')).json() as { total: number };
    assert.equal(jobs.total, 0);
    // County B's file naming county A's entity: that row is refused, county A's record stays as it was.
    const csv = [
      header,
      `${usccFor(1)},西岭冒名医院,医疗机构,330103`,
      `${usccFor(1, '330103')},西岭县人民医院,医疗机构,330103`,
    ];
    const own = await importFile(cookies.adminB, '西岭.csv', Buffer.from(csv.join('\n'), 'utf8'));
    assert.deepEqual([own.rowsInserted, own.rowsRejected], [1, 1]);
    const report = await send(cookies.adminB, 'GET', `/api/entities/imports/${own.id}/rejections`);
    assert.match(report.body, /已由其他机构登记/);
    assert.deepEqual(await byCode(usccFor(1)), hospital);
  });
});

async function jobRow(id: string) {
  return (await db.select().from(entityImportJobs).where(eq(entityImportJobs.id, id)))[0]!;
}

async function newJobRow(bytesTotal: number) {
  const fileId = await upload(cookies.adminA, 'x.csv', Buffer.from(`${header}\n`, 'utf8'));
  const [job] = await db
    .insert(entityImportJobs)
    .values({
      orgId: tree.countyA.id,
      fileId,
      fileName: 'x.csv',
      sha256: '0'.repeat(64),
      bytesTotal,
      createdBy: tree.users.adminA.id,
    })
    .returning();
  return job!;
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met');
}
