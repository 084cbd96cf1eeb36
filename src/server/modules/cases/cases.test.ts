import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import {
  buildCertificate,
  buildOrgTree,
  loginTree,
  multipartBody,
  shiftDays,
  tinyPng,
  usccFor,
} from '../../test/factories.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { readDocxXml } from '../../platform/documents/render-docx.ts';
import { procedureDeadlines } from '../../platform/procedure-engine/tables.ts';
import { entities } from '../entities/tables.ts';
import { parties, penaltyCases } from './tables.ts';

const t = await createTestApp();
const password = 'Case-Passw0rd';
const tree = await buildOrgTree(t.database.db, { password });
const today = chinaToday();
for (const user of [tree.users.officerA1, tree.users.officerA2, tree.users.officerB1, tree.users.leader]) {
  await buildCertificate(t.database.db, user, {
    validFrom: shiftDays(today, -100),
    validUntil: shiftDays(today, 900),
  });
}
const cookies = await loginTree(t.app, tree, ['officerA1', 'officerB1', 'leader', 'adminB']);

const newCase = (cookie: string, overrides: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie },
    payload: {
      title: '某医疗美容诊所超范围执业案',
      source: 'inspection',
      party: {
        kind: 'organisation',
        name: '清河某医疗美容诊所有限公司',
        uscc: '91350100M000100Y43',
        legalRepresentative: '王某',
        address: '东川县人民路1号',
      },
      facts: '当事人于2026年10月在未取得相应诊疗科目的情况下开展医疗美容项目。',
      assigneeId: tree.users.officerA1.id,
      officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
      ...overrides,
    },
  });
const act = (cookie: string, id: string, action: string, input?: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/procedures/penaltyCase.ordinary/records/${id}/actions/${action}`,
    headers: { cookie },
    payload: input ? { input } : {},
  });

describe('penalty cases', () => {
  test('an officer registers a lead with a party and two certified officers; bad input names the field', async () => {
    const created = await newCase(cookies.officerA1);
    assert.equal(created.statusCode, 200, created.body);
    assert.equal(created.json().stateLabel, '线索登记');
    assert.equal(created.json().officers.length, 2);
    const badUscc = await newCase(cookies.officerA1, {
      party: { kind: 'organisation', name: '某公司', uscc: '91350100M000100Y44' },
    });
    assert.equal(badUscc.statusCode, 400);
    assert.ok(badUscc.json().error.fields.some((f: { path: string }) => f.path === 'party.uscc'));
    const oneOfficer = await newCase(cookies.officerA1, { officerIds: [tree.users.officerA1.id] });
    assert.equal(oneOfficer.statusCode, 400);
    const foreignOfficer = await newCase(cookies.officerA1, {
      officerIds: [tree.users.officerA1.id, tree.users.officerB1.id],
    });
    assert.equal(foreignOfficer.statusCode, 400);
    assert.match(foreignOfficer.json().error.message, /不属于本机构/);
  });

  test('lead → 立案 through the engine: order, role and 文书 are enforced; 立案 assigns a gapless 案号', async () => {
    const id = (await newCase(cookies.officerA1)).json().id as string;
    const early = await act(cookies.officerA1, id, 'file', {
      cause: '超范围执业',
      caseOfficerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
    });
    assert.equal(early.statusCode, 403, 'an officer may not approve a filing');
    const registered = await act(cookies.officerA1, id, 'registerLead', {
      source: 'inspection',
      receivedOn: today,
      summary: '日常监督检查发现',
    });
    assert.equal(registered.statusCode, 200, registered.body);
    const noForm = await act(cookies.leader, id, 'file', {
      cause: '超范围执业',
      caseOfficerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
    });
    assert.equal(noForm.statusCode, 422);
    assert.match(noForm.json().error.message, /立案审批表/);
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/documents/filingApproval`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(form.statusCode, 200, form.body);
    const filed = await act(cookies.leader, id, 'file', {
      cause: '超范围执业',
      caseOfficerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
    });
    assert.equal(filed.statusCode, 200, filed.body);
    const [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
    assert.equal(row!.state, 'filed');
    assert.equal(row!.filedOn, today);
    assert.match(row!.caseNumber ?? '', /^东川卫立〔\d{4}〕\d+号$/);
    const clocks = await t.database.db
      .select()
      .from(procedureDeadlines)
      .where(eq(procedureDeadlines.recordId, id));
    assert.ok(
      clocks.some((c) => c.clock === 'decision' && c.ruleId === 'XZCF-60'),
      'the 90-day decision clock starts on filing',
    );
  });

  test('the decision .docx holds the case facts, the party and its 文号', async () => {
    const id = (await newCase(cookies.officerA1)).json().id as string;
    const generate = (kind: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/documents/${kind}`,
        headers: { cookie: cookies.officerA1 },
      });
    assert.equal(
      (await generate('penaltyDecision')).statusCode,
      409,
      'a numbered 文书 waits for 立案, so no 文号 is wasted',
    );
    await act(cookies.officerA1, id, 'registerLead', {
      source: 'inspection',
      receivedOn: today,
      summary: '日常监督检查发现',
    });
    await generate('filingApproval');
    const officerIds = [tree.users.officerA1.id, tree.users.officerA2.id];
    assert.equal(
      (await act(cookies.leader, id, 'file', { cause: '超范围执业', caseOfficerIds: officerIds })).statusCode,
      200,
    );
    const res = await generate('penaltyDecision');
    assert.equal(res.statusCode, 200, res.body);
    const doc = res.json();
    assert.match(doc.documentNumber, /^东川卫罚〔\d{4}〕\d+号$/);
    const file = await t.app.inject({
      url: `/api/files/${doc.fileId}`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(file.statusCode, 200);
    const xml = await readDocxXml(file.rawPayload);
    for (const text of [
      '行政处罚决定书',
      '清河某医疗美容诊所有限公司',
      '91350100M000100Y43',
      '未取得相应诊疗科目',
      doc.documentNumber,
      '六十日内',
    ]) {
      assert.ok(xml.includes(text), `decision document lacks ${text}`);
    }
    const detail = (
      await t.app.inject({ url: `/api/cases/${id}`, headers: { cookie: cookies.officerA1 } })
    ).json();
    assert.equal(detail.decisionNumber, doc.documentNumber);
  });

  test('evidence keeps its SHA-256; another county sees none of it', async () => {
    const id = (await newCase(cookies.officerA1)).json().id as string;
    const boundary = '----fazhiEvidence';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndocument\r\n--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n现场检查笔录扫描件\r\n--${boundary}\r\nContent-Disposition: form-data; name="collectedOn"\r\n\r\n${today}\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="笔录.txt"\r\nContent-Type: text/plain\r\n\r\n现场检查笔录：诊所未公示诊疗科目。\r\n--${boundary}--\r\n`,
      ),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/evidence`,
      headers: { cookie: cookies.officerA1, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.json().sha256, /^[0-9a-f]{64}$/);

    for (const [method, url] of [
      ['GET', `/api/cases/${id}`],
      ['POST', `/api/cases/${id}/documents/penaltyDecision`],
      ['GET', `/api/procedures/penaltyCase.ordinary/records/${id}/timeline`],
    ] as const) {
      for (const cookie of [cookies.officerB1, cookies.adminB]) {
        const foreign = await t.app.inject({ method, url, headers: { cookie } });
        assert.equal(foreign.statusCode, 404, `${method} ${url}`);
      }
    }
    const foreignAction = await act(cookies.officerB1, id, 'registerLead', {
      source: 'inspection',
      receivedOn: today,
      summary: 'x',
    });
    assert.equal(foreignAction.statusCode, 404);
    const list = (
      await t.app.inject({ url: '/api/cases?pageSize=200', headers: { cookie: cookies.officerB1 } })
    ).json();
    assert.ok(!list.items.some((c: { id: string }) => c.id === id));
    const [row] = await t.database.db.select().from(penaltyCases).where(eq(penaltyCases.id, id));
    assert.equal(row!.state, 'lead');
  });

  test('a 文书 or evidence a city leader makes for a county case belongs to the county: its officers open it', async () => {
    const created = await newCase(cookies.officerA1);
    const id = created.json().id as string;
    await t.database.db.update(penaltyCases).set({ state: 'filed' }).where(eq(penaltyCases.id, id));
    const document = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/documents/onSiteRecord`,
      headers: { cookie: cookies.leader },
    });
    assert.equal(document.statusCode, 200, document.body);
    const evidence = multipartBody({
      fields: { kind: 'photo', description: '现场照片', collectedOn: chinaToday() },
      fileName: '现场.png',
      bytes: tinyPng(7),
    });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/evidence`,
      headers: { cookie: cookies.leader, ...evidence.headers },
      payload: evidence.payload,
    });
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    for (const fileId of [document.json().fileId, uploaded.json().fileId]) {
      const download = await t.app.inject({
        url: `/api/files/${fileId}`,
        headers: { cookie: cookies.officerA1 },
      });
      assert.equal(download.statusCode, 200, `county officer opens ${fileId}`);
      const foreign = await t.app.inject({
        url: `/api/files/${fileId}`,
        headers: { cookie: cookies.officerB1 },
      });
      assert.equal(foreign.statusCode, 404);
    }
  });

  test('the list is paginated on the server and searchable by party name and USCC', async () => {
    const person = await newCase(cookies.officerA1, {
      party: { kind: 'person', name: '赵某某', idNumber: '110101199003071233', address: '东川县城关镇' },
      title: '赵某某非法行医案',
    });
    assert.equal(person.statusCode, 200, person.body);
    const byName = (
      await t.app.inject({
        url: `/api/cases?q=${encodeURIComponent('赵某某')}`,
        headers: { cookie: cookies.officerA1 },
      })
    ).json();
    assert.equal(byName.total, 1);
    assert.equal(byName.totalIsLowerBound, false);
    // A party-name fragment and the case's own title both find it; LIKE wildcards typed by a user are literal.
    const byFragment = (
      await t.app.inject({
        url: `/api/cases?q=${encodeURIComponent('某某非法')}`,
        headers: { cookie: cookies.officerA1 },
      })
    ).json();
    assert.deepEqual(
      byFragment.items.map((c: { title: string }) => c.title),
      ['赵某某非法行医案'],
    );
    const wildcard = (
      await t.app.inject({
        url: `/api/cases?q=${encodeURIComponent('赵%医')}`,
        headers: { cookie: cookies.officerA1 },
      })
    ).json();
    assert.equal(wildcard.total, 0);
    const byUscc = (
      await t.app.inject({ url: '/api/cases?q=M000100Y43&pageSize=2', headers: { cookie: cookies.leader } })
    ).json();
    assert.ok(byUscc.total >= 3);
    assert.equal(byUscc.items.length, 2);
    const byState = (
      await t.app.inject({ url: '/api/cases?state=filed', headers: { cookie: cookies.leader } })
    ).json();
    assert.ok(byState.items.every((c: { state: string }) => c.state === 'filed'));
  });
});

const entityOf = async (orgId: string, n: number, name: string) => {
  const [row] = await t.database.db
    .insert(entities)
    .values({
      orgId,
      uscc: usccFor(n),
      name,
      category: '医疗机构',
      areaCode: '330102',
      riskLevel: 'high',
      creditLevel: 'C',
    })
    .returning();
  return row!;
};
const organisation = (uscc: string, extra: Record<string, unknown> = {}) => ({
  party: {
    kind: 'organisation',
    name: '某诊所有限公司',
    uscc,
    legalRepresentative: '钱某',
    address: '东川县建设路9号',
    ...extra,
  },
});
const linkOf = async (caseId: string) =>
  (
    await t.database.db
      .select({ entityId: parties.entityId })
      .from(parties)
      .innerJoin(penaltyCases, eq(penaltyCases.partyId, parties.id))
      .where(eq(penaltyCases.id, caseId))
  )[0]!.entityId;
const ownEntity = await entityOf(tree.instituteA.id, 9001, '东川县名录诊所');
const foreignEntity = await entityOf(tree.instituteB.id, 9002, '西岭县名录诊所');

describe('parties linked to the 检查对象名录库', () => {
  test('an organisation party is linked to the entity with its USCC in the actor’s subtree; the detail shows it', async () => {
    const created = await newCase(cookies.officerA1, organisation(ownEntity.uscc));
    assert.equal(created.statusCode, 200, created.body);
    assert.deepEqual(created.json().party.entity, {
      id: ownEntity.id,
      name: '东川县名录诊所',
      category: '医疗机构',
      riskLevel: 'high',
      creditLevel: 'C',
    });
    assert.equal(await linkOf(created.json().id), ownEntity.id);
    const unknown = await newCase(cookies.officerA1, organisation(usccFor(9003)));
    assert.equal(unknown.statusCode, 200, unknown.body);
    assert.equal(unknown.json().party.entity, null, 'a code not in the directory links nothing');
    const person = await newCase(cookies.officerA1, {
      party: {
        kind: 'person',
        name: '钱某某',
        idNumber: '110101199003071233',
        address: '东川县',
        entityId: ownEntity.id,
      },
    });
    assert.equal(person.statusCode, 200, person.body);
    assert.equal(await linkOf(person.json().id), null, 'a natural person is never linked');
  });

  test('another county’s entity with the same USCC is not linked; an explicit entityId is checked', async () => {
    const sameCode = await newCase(cookies.officerA1, organisation(foreignEntity.uscc));
    assert.equal(sameCode.statusCode, 200, sameCode.body);
    assert.equal(sameCode.json().party.entity, null);
    assert.equal(await linkOf(sameCode.json().id), null);
    for (const [entityId, message] of [
      [foreignEntity.id, /不存在/],
      ['00000000-0000-4000-8000-000000000000', /不存在/],
    ] as const) {
      const refused = await newCase(cookies.officerA1, organisation(foreignEntity.uscc, { entityId }));
      assert.equal(refused.statusCode, 400, refused.body);
      assert.deepEqual(
        refused.json().error.fields.map((f: { path: string }) => f.path),
        ['party.entityId'],
      );
      assert.match(refused.json().error.message, message);
    }
    const mismatch = await newCase(
      cookies.officerA1,
      organisation(usccFor(9004), { entityId: ownEntity.id }),
    );
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.json().error.fields[0].path, 'party.entityId');
    const malformed = await newCase(cookies.officerA1, organisation(ownEntity.uscc, { entityId: 'x' }));
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.fields[0].path, 'party.entityId');
    const picked = await newCase(cookies.officerA1, organisation(ownEntity.uscc, { entityId: ownEntity.id }));
    assert.equal(picked.statusCode, 200, picked.body);
    assert.equal(picked.json().party.entity.id, ownEntity.id);
  });

  test('the case list filters by entity within the subtree; another county’s entity is not found', async () => {
    const entity = await entityOf(tree.instituteA.id, 9005, '东川县筛选诊所');
    const linked = (await newCase(cookies.officerA1, organisation(entity.uscc))).json().id as string;
    await newCase(cookies.officerA1, organisation(usccFor(9006)));
    for (const cookie of [cookies.officerA1, cookies.leader]) {
      const list = await t.app.inject({
        url: `/api/cases?entityId=${entity.id}&pageSize=1`,
        headers: { cookie },
      });
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((c: { id: string }) => c.id),
        [linked],
      );
      assert.equal(list.json().total, 1);
    }
    for (const cookie of [cookies.officerB1, cookies.adminB]) {
      const foreign = await t.app.inject({ url: `/api/cases?entityId=${entity.id}`, headers: { cookie } });
      assert.equal(foreign.statusCode, 404, foreign.body);
    }
    const own = await t.app.inject({
      url: `/api/cases?entityId=${foreignEntity.id}`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(own.statusCode, 404);
  });
});
