import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import JSZip from 'jszip';
import { createTestApp } from '../../test/test-app.ts';
import {
  deliberationInput,
  actOnDate,
  buildCertificate,
  buildOrgTree,
  loginTree,
  multipartBody,
  tinyPng,
} from '../../test/factories.ts';
import { blobPath } from '../../platform/files/service.ts';
import { runSelfCheck, type CaseFileSnapshot } from '../../../shared/cases/case-file.ts';
import './procedures.ts';

// 案卷 export and 结案前自查 on cases walked through every step of the 普通程序 on 2026 dates.
const t = await createTestApp();
const password = 'CaseFile-Passw0rd';
const tree = await buildOrgTree(t.database.db, { password });
for (const user of [tree.users.officerA1, tree.users.officerA2, tree.users.leader]) {
  await buildCertificate(t.database.db, user, {
    validFrom: '2025-01-01',
    validUntil: '2030-12-31',
    lastReviewOn: '2025-12-01',
  });
}
const cookies = await loginTree(t.app, tree, ['officerA1', 'officerB1', 'adminB']);
const [a1, a2, leader] = [tree.users.officerA1, tree.users.officerA2, tree.users.leader];

const act = (userId: string, caseId: string, action: string, date: string, input?: unknown) =>
  actOnDate(t.database.db, {
    procedureId: 'penaltyCase.ordinary',
    recordId: caseId,
    userId,
    action,
    date,
    input,
  });
async function documents(caseId: string, ...kinds: string[]) {
  const made: { kind: string; documentNumber: string | null }[] = [];
  for (const kind of kinds) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/documents/${kind}`,
      headers: { cookie: cookies.officerA1 },
    });
    assert.equal(res.statusCode, 200, `${kind}: ${res.body}`);
    made.push(res.json());
  }
  return made;
}
async function uploadEvidence(caseId: string, fileName: string, bytes: Buffer, description: string) {
  const body = multipartBody({
    fileName,
    bytes,
    fields: { kind: 'photo', description, collectedOn: '2026-03-03' },
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/evidence`,
    headers: { cookie: cookies.officerA1, ...body.headers },
    payload: body.payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { sha256: string; fileName: string };
}

/** 线索 → 执行 with payment and publication recorded; `serveOn` late misses the 送达 period (第六十一条). */
async function walkToEnforcing(title: string, serveOn = '2026-03-12') {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: cookies.officerA1 },
    payload: {
      title,
      source: 'complaint',
      party: {
        kind: 'organisation',
        name: '东川县某诊所',
        uscc: '91110108551385082Q',
        legalRepresentative: '钱某',
        address: '东川县',
      },
      facts: '当事人未取得医师资格擅自开展诊疗活动。',
      assigneeId: a1.id,
      officerIds: [a1.id, a2.id],
    },
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  const made = [];
  await act(a1.id, id, 'registerLead', '2026-03-02', {
    source: 'complaint',
    receivedOn: '2026-03-02',
    summary: '群众举报',
  });
  made.push(...(await documents(id, 'filingApproval')));
  await act(leader.id, id, 'file', '2026-03-02', { cause: '无证行医', caseOfficerIds: [a1.id, a2.id] });
  await act(a1.id, id, 'startInvestigation', '2026-03-03');
  made.push(...(await documents(id, 'onSiteRecord')));
  await act(a1.id, id, 'recordInvestigation', '2026-03-03', {
    kind: 'onSiteInspection',
    occurredOn: '2026-03-03',
    officerIds: [a1.id, a2.id],
    summary: '现场检查，制作现场笔录',
  });
  made.push(...(await documents(id, 'investigationReport')));
  await act(a1.id, id, 'deliberate', '2026-03-04', deliberationInput({ penaltyKinds: ['fine'] }));
  made.push(...(await documents(id, 'caseDeliberationRecord', 'priorNotice')));
  await act(a1.id, id, 'serveNotice', '2026-03-05', { servedOn: '2026-03-05', method: 'inPerson' });
  made.push(...(await documents(id, 'penaltyDecision')));
  const decision = { decidedOn: '2026-03-11', penaltyKinds: ['fine'], fineFen: 500_000 };
  await act(leader.id, id, 'decide', '2026-03-11', decision);
  made.push(...(await documents(id, 'serviceReceipt')));
  await act(a1.id, id, 'serve', serveOn, { servedOn: serveOn, method: 'inPerson' });
  await act(a1.id, id, 'beginExecution', serveOn);
  await act(a1.id, id, 'publishDecision', '2026-03-16', { publishedOn: '2026-03-16', channel: '门户网站' });
  await act(a1.id, id, 'recordPerformance', serveOn, { performedOn: serveOn, amountPaidFen: 500_000 });
  return { id, made };
}

const get = (url: string, cookie = cookies.officerA1) => t.app.inject({ url, headers: { cookie } });
const failing = (body: { items: { id: string; passed: boolean }[] }) =>
  body.items.filter((i) => !i.passed).map((i) => i.id);

describe('案卷 export and 结案前自查', () => {
  test('the export holds every 文书 and evidence file, verified; tampering is refused', async () => {
    const { id, made } = await walkToEnforcing('无证行医案（案卷导出）');
    made.push(...(await documents(id, 'closingReport')));
    const photo = tinyPng(201);
    const evidence = [
      await uploadEvidence(id, '现场照片.png', photo, '诊疗室现场照片'),
      await uploadEvidence(id, 'scene.png', tinyPng(202), '药品柜照片'),
    ];

    const res = await get(`/api/cases/${id}/case-file.zip`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    const caseNumber = (await get(`/api/cases/${id}`)).json().caseNumber as string;
    assert.ok(caseNumber);
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="case-file.zip"; filename*=UTF-8''${encodeURIComponent(`案卷-${caseNumber}.zip`)}`,
    );
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const docs = names.filter((n) => n.startsWith('文书/'));
    const proofs = names.filter((n) => n.startsWith('证据/'));
    assert.equal(docs.length, made.length);
    assert.equal(proofs.length, 2);
    assert.ok(
      names.includes('卷内目录.docx') && names.includes('办理过程.txt') && names.includes('校验.txt'),
    );

    // 卷内目录: every 文书 with its 文号, every evidence file by name and hash.
    const indexXml = await (
      await JSZip.loadAsync(await zip.file('卷内目录.docx')!.async('nodebuffer'))
    )
      .file('word/document.xml')!
      .async('string');
    const numbered = made.filter((d) => d.documentNumber);
    assert.ok(numbered.length >= 2, 'priorNotice and penaltyDecision are numbered');
    for (const d of numbered)
      assert.ok(indexXml.includes(d.documentNumber!), `index lists ${d.documentNumber}`);
    for (const label of ['立案审批表', '行政处罚事先告知书', '行政处罚决定书', '送达回证', '结案报告'])
      assert.ok(indexXml.includes(label), `index lists ${label}`);
    for (const e of evidence) {
      assert.ok(indexXml.includes(e.fileName), `index lists ${e.fileName}`);
      assert.ok(indexXml.includes(e.sha256));
    }

    // Evidence bytes as uploaded; 校验.txt has each stored file's SHA-256.
    const photoEntry = proofs.find((n) => n.includes('诊疗室现场照片'))!;
    assert.match(photoEntry, /^证据\/01-诊疗室现场照片-现场照片\.png$/);
    assert.deepEqual(await zip.file(photoEntry)!.async('nodebuffer'), photo);
    const sums = await zip.file('校验.txt')!.async('string');
    for (const e of evidence) assert.ok(sums.includes(e.sha256));
    assert.equal(sums.split('\n').filter((l) => /^[0-9a-f]{64} {2}/.test(l)).length, names.length - 1);

    // 办理过程: every action taken and every clock with its due date and citation.
    const steps = await zip.file('办理过程.txt')!.async('string');
    for (const label of [
      '登记受理线索',
      '立案',
      '开始调查',
      '记录调查取证',
      '案件合议',
      '作出处罚决定',
      '送达处罚决定书',
      '进入执行',
      '公示处罚决定',
      '记录履行',
    ])
      assert.ok(steps.includes(label), `steps list ${label}`);
    assert.match(
      steps,
      /决定书送达期限：起算2026-03-11，截止2026-03-\d\d，停止2026-03-12.*行政处罚法第六十一条/,
    );
    assert.ok(steps.includes('张明') && steps.includes('王建国'));

    // Another county: the case does not exist for them.
    for (const cookie of [cookies.officerB1, cookies.adminB]) {
      assert.equal((await get(`/api/cases/${id}/case-file.zip`, cookie)).statusCode, 404);
      assert.equal((await get(`/api/cases/${id}/self-check`, cookie)).statusCode, 404);
    }

    // A stored blob altered on disk no longer matches its SHA-256: the export refuses, naming the file.
    fs.writeFileSync(blobPath(t.config.filesDir, evidence[0]!.sha256), tinyPng(203));
    const refused = await get(`/api/cases/${id}/case-file.zip`);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().error.message, /现场照片\.png.*SHA-256/);
  });

  test('self-check passes on a clean case and names a missing 文书 and a missed period', async () => {
    const clean = await walkToEnforcing('无证行医案（自查通过）');
    await documents(clean.id, 'closingReport');
    const ok = await get(`/api/cases/${clean.id}/self-check`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(failing(ok.json()), []);
    assert.equal(ok.json().ok, true);
    const ids = ok.json().items.map((i: { id: string }) => i.id);
    for (const expected of [
      'document:filingApproval',
      'document:priorNotice',
      'document:penaltyDecision',
      'document:serviceReceipt',
      'document:closingReport',
      'deadline:service',
      'deadline:statement',
      'investigation:1',
      'legalReview',
      'collectiveDeliberation',
      'service',
    ])
      assert.ok(ids.includes(expected), expected);

    // Served 2026-03-30, past the seven working days from 03-11; no 结案报告 made.
    const late = await walkToEnforcing('无证行医案（自查不通过）', '2026-03-30');
    const res = (await get(`/api/cases/${late.id}/self-check`)).json();
    assert.equal(res.ok, false);
    assert.deepEqual(failing(res).sort(), ['deadline:service', 'document:closingReport']);
    const byId = new Map(res.items.map((i: { id: string; detail: string }) => [i.id, i.detail]));
    assert.match(byId.get('document:closingReport') as string, /缺少结案报告/);
    assert.match(byId.get('deadline:service') as string, /逾期.*2026-03-30.*行政处罚法第六十一条/);
  });
});

const base: CaseFileSnapshot = {
  procedure: 'ordinary',
  state: 'enforcing',
  isMajor: false,
  requiresCollectiveDeliberation: false,
  today: '2026-04-01',
  steps: [
    { action: 'file', date: '2026-03-02' },
    { action: 'serveNotice', date: '2026-03-05' },
    { action: 'decide', date: '2026-03-11' },
    { action: 'serve', date: '2026-03-12' },
  ],
  documentKinds: [
    'filingApproval',
    'caseDeliberationRecord',
    'priorNotice',
    'penaltyDecision',
    'serviceReceipt',
    'closingReport',
  ],
  deadlines: [
    {
      clock: 'service',
      label: '决定书送达期限',
      status: 'stopped',
      dueDate: '2026-03-20',
      stoppedOn: '2026-03-12',
      citation: '行政处罚法第六十一条',
      protects: 'agency',
      error: null,
    },
  ],
  investigations: [
    {
      date: '2026-03-03',
      officers: [
        { name: '张明', problem: null },
        { name: '刘芳', problem: null },
      ],
    },
  ],
};
const failed = (s: CaseFileSnapshot) =>
  runSelfCheck(s)
    .items.filter((i) => !i.passed)
    .map((i) => i.id);

describe('runSelfCheck (pure)', () => {
  test('a complete record passes', () => {
    assert.deepEqual(failed(base), []);
    assert.equal(runSelfCheck(base).ok, true);
  });
  test('each step needs its 文书; the 结案报告 only once the case can be closed', () => {
    assert.deepEqual(failed({ ...base, documentKinds: ['filingApproval', 'closingReport'] }), [
      'document:caseDeliberationRecord',
      'document:priorNotice',
      'document:penaltyDecision',
      'document:serviceReceipt',
      'service',
    ]);
    const deciding = { ...base, state: 'noticeServed', steps: base.steps.slice(0, 2), documentKinds: [] };
    assert.deepEqual(failed(deciding), [
      'document:filingApproval',
      'document:caseDeliberationRecord',
      'document:priorNotice',
    ]);
  });
  test('a clock stopped after its due date, or running past it, fails; paused does not', () => {
    const clock = base.deadlines[0]!;
    const party = { ...clock, clock: 'statement', protects: 'party' as const, stoppedOn: '2026-03-21' };
    assert.deepEqual(failed({ ...base, deadlines: [party] }), [], 'a lapsed party period is no delay');
    assert.deepEqual(failed({ ...base, deadlines: [{ ...party, status: 'running', stoppedOn: null }] }), [
      'deadline:statement',
    ]);
    assert.deepEqual(failed({ ...base, deadlines: [{ ...clock, stoppedOn: '2026-03-21' }] }), [
      'deadline:service',
    ]);
    const running = { ...clock, status: 'running', stoppedOn: null };
    assert.deepEqual(failed({ ...base, deadlines: [running] }), ['deadline:service']);
    assert.deepEqual(failed({ ...base, deadlines: [{ ...running, dueDate: '2026-04-01' }] }), []);
    assert.deepEqual(
      failed({ ...base, deadlines: [{ ...running, status: 'paused', dueDate: '2026-04-05' }] }),
      [],
    );
    assert.deepEqual(
      failed({ ...base, deadlines: [{ ...running, dueDate: null, error: '缺少2026年日历' }] }),
      ['deadline:service'],
    );
  });
  test('investigation acts need two officers certified that day', () => {
    const one = [{ date: '2026-03-03', officers: [{ name: '张明', problem: null }] }];
    assert.deepEqual(failed({ ...base, investigations: one }), ['investigation:1']);
    const expired = [
      { date: '2026-03-03', officers: [...one[0]!.officers, { name: '刘芳', problem: '执法证已过期' }] },
    ];
    const result = runSelfCheck({ ...base, investigations: expired });
    assert.match(result.items.find((i) => i.id === 'investigation:1')!.detail, /刘芳：执法证已过期/);
    assert.equal(result.ok, false);
  });
  test('major cases need 法制审核; required 集体讨论 needs its record', () => {
    assert.deepEqual(failed({ ...base, isMajor: true }), ['legalReview']);
    const reviewed = {
      ...base,
      isMajor: true,
      steps: [...base.steps, { action: 'passLegalReview', date: '2026-03-08' }],
      documentKinds: [...base.documentKinds, 'legalReviewOpinion'],
    };
    assert.deepEqual(failed(reviewed), []);
    const discussed = {
      ...base,
      requiresCollectiveDeliberation: true,
      steps: [
        ...base.steps,
        { action: 'submitForCollectiveDeliberation', date: '2026-03-09' },
        { action: 'recordCollectiveDeliberation', date: '2026-03-10' },
      ],
    };
    assert.deepEqual(failed(discussed), ['collectiveDeliberation']);
    // Submitted but never recorded: the heads' discussion is not in the file.
    assert.deepEqual(
      failed({
        ...discussed,
        steps: discussed.steps.slice(0, -1),
        documentKinds: [...base.documentKinds, 'collectiveDeliberationRecord'],
      }),
      ['collectiveDeliberation'],
    );
    assert.deepEqual(
      failed({ ...discussed, documentKinds: [...base.documentKinds, 'collectiveDeliberationRecord'] }),
      [],
    );
  });
});
