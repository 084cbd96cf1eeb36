import type { Db } from './client.ts';
import { inTransaction } from './transaction.ts';
import { actorForUser } from '../platform/auth/service.ts';
import { transition } from '../platform/procedure-engine/engine.ts';
import { createCase } from '../modules/cases/service.ts';
import { generateCaseDocument } from '../modules/cases/documents.ts';
import type { CreateCaseInput } from '../../shared/cases/records.ts';
import { ordinaryPenaltyProcedure } from '../../shared/cases/procedure.ts';
import type { PenaltyDocumentKind } from '../../shared/cases/documents.ts';
import { createSimpleCase } from '../modules/cases/simple-procedure.ts';
import '../modules/cases/procedures.ts';
import { readFileSync } from 'node:fs';
import { importDiscretionCatalog, importMitigationCatalog } from '../modules/cases/catalogs.ts';

type DemoUsers = Record<
  'officer1' | 'officer2' | 'head1' | 'officer3' | 'officer4' | 'leader' | 'legalA',
  { id: string }
>;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Actor = NonNullable<Awaited<ReturnType<typeof actorForUser>>>;
/** One step of a scripted case: who acts, how many days after the previous step, with what input. */
type Step = { action: string; by: Actor; after?: number; input?: (on: string) => unknown };

/** 文书 a step's guard (not its `documents`) requires: the 现场笔录 of an inspection (第五十五条). */
const guardDocuments: Partial<Record<string, PenaltyDocumentKind>> = { recordInvestigation: 'onSiteRecord' };
/** 文书 written from the record a step makes (合议/听证/审核/讨论), generated right after it. */
const recordDocuments: Partial<Record<string, PenaltyDocumentKind>> = {
  holdHearing: 'hearingRecord',
  passLegalReview: 'legalReviewOpinion',
  recordCollectiveDeliberation: 'collectiveDeliberationRecord',
};

/** A few 东川 and 西岭 cases at different steps, acted through the engine on past dates, so clocks are real. */
export async function seedDemoCases(
  db: Db,
  users: DemoUsers,
  filesDir: string,
  cityOrgId: string,
): Promise<void> {
  // The city adopts the benchmark and the mitigation list shipped as samples (catalogs/ of the project brief).
  const fixture = (name: string) =>
    readFileSync(new URL(`../../shared/cases/fixtures/${name}`, import.meta.url), 'utf8');
  await importDiscretionCatalog(db, null, cityOrgId, fixture('discretion_benchmarks.csv'));
  await importMitigationCatalog(db, null, cityOrgId, fixture('mitigation_lists.csv'));
  const officer1 = (await actorForUser(db, users.officer1.id))!;
  const head1 = (await actorForUser(db, users.head1.id))!;
  const officer3 = (await actorForUser(db, users.officer3.id))!;
  const act = (actor: typeof officer1, recordId: string, action: string, at: Date, input: unknown) =>
    inTransaction(db, (tx) =>
      transition(tx, { procedureId: 'penaltyCase.ordinary', recordId, action, actor, at, input }),
    );
  const caseOf = (
    actor: typeof officer1,
    input: Omit<CreateCaseInput, 'source' | 'facts'> & Partial<CreateCaseInput>,
  ) => createCase(db, actor, { source: 'inspection', facts: '', ...input });

  const clinic = await caseOf(officer1, {
    title: '东川县某口腔诊所使用非卫生技术人员从事医疗卫生技术工作案',
    party: {
      kind: 'organisation',
      name: '东川县某口腔诊所',
      uscc: '91350100M000100Y43',
      legalRepresentative: '陈某',
      address: '东川县人民路18号',
    },
    facts: '2026年11月监督检查发现，当事人安排未取得执业资格的人员从事口腔诊疗工作。',
    assigneeId: users.officer1.id,
    officerIds: [users.officer1.id, users.officer2.id],
  });
  // Received six days ago: the filing period (7 days, configurable) falls due tomorrow.
  await act(officer1, clinic.id, 'registerLead', daysAgo(6), {
    source: 'inspection',
    receivedOn: dateOf(daysAgo(6)),
    summary: '日常监督检查发现',
  });

  const beauty = await caseOf(officer1, {
    title: '东川县某美容店未取得医疗机构执业许可证擅自执业案',
    source: 'complaint',
    party: {
      kind: 'person',
      name: '李某某',
      idType: 'residentIdCard',
      idNumber: '110101199003071233',
      address: '东川县城关镇文化路3号',
    },
    facts: '经群众投诉，当事人在其经营的美容店内开展注射类医疗美容项目，未取得医疗机构执业许可证。',
    assigneeId: users.officer1.id,
    officerIds: [users.officer1.id, users.officer2.id],
  });
  await act(officer1, beauty.id, 'registerLead', daysAgo(12), {
    source: 'complaint',
    receivedOn: dateOf(daysAgo(12)),
    summary: '群众投诉举报',
  });
  await generateCaseDocument(db, officer1, filesDir, beauty.id, 'filingApproval');
  await act(head1, beauty.id, 'file', daysAgo(10), {
    cause: '未取得医疗机构执业许可证擅自执业',
    caseOfficerIds: [users.officer1.id, users.officer2.id],
  });

  await seedProcedureStates(db, users, filesDir);

  await caseOf(officer3, {
    title: '西岭县某游泳馆水质不符合卫生标准案',
    party: {
      kind: 'organisation',
      name: '西岭县某游泳健身有限公司',
      uscc: '91110108551385082Q',
      legalRepresentative: '周某',
      address: '西岭县体育路6号',
    },
    facts: '抽检发现游泳池水浑浊度、余氯不符合卫生标准。',
    assigneeId: users.officer3.id,
    officerIds: [users.officer3.id, users.officer4.id],
  });
}

/**
 * 东川县: a case in every state of the 普通程序 and two 简易程序 cases, all acted through the engine on past
 * dates. Each case follows one script (plain, or major with a hearing) up to its state, or turns into a branch.
 */
async function seedProcedureStates(db: Db, users: DemoUsers, filesDir: string): Promise<void> {
  const actor = async (user: { id: string }) => (await actorForUser(db, user.id))!;
  const officer = await actor(users.officer1);
  const head = await actor(users.head1);
  const leader = await actor(users.leader);
  const legal = await actor(users.legalA);
  const actions = ordinaryPenaltyProcedure.actions as Record<string, { documents?: readonly string[] }>;
  const officerIds = [users.officer1.id, users.officer2.id];
  const lead = (summary: string): Step => ({
    action: 'registerLead',
    by: officer,
    input: (on) => ({ source: 'inspection', receivedOn: on, summary }),
  });
  const investigate: Step[] = [
    {
      action: 'file',
      by: head,
      after: 1,
      input: () => ({ cause: '违反卫生健康法律法规', caseOfficerIds: officerIds }),
    },
    { action: 'startInvestigation', by: officer, after: 1 },
    {
      action: 'recordInvestigation',
      by: officer,
      after: 1,
      input: (on) => ({
        kind: 'onSiteInspection',
        occurredOn: on,
        officerIds,
        summary: '现场检查，制作现场笔录',
      }),
    },
  ];
  const deliberate = (fineFen: number, penaltyKinds = ['warning', 'fine']): Step => ({
    action: 'deliberate',
    by: officer,
    after: 2,
    input: (on) => ({
      conclusion: 'penalty',
      heldOn: on,
      participants: ['张明', '刘芳', '赵科长'],
      opinion: '违法事实清楚，证据确凿，拟按裁量基准一般阶次处罚',
      penaltyKinds,
      fineFen,
    }),
  });
  const decideAndExecute = (fineFen: number, penaltyKinds = ['warning', 'fine']): Step[] => [
    { action: 'decide', by: leader, after: 1, input: (on) => ({ decidedOn: on, penaltyKinds, fineFen }) },
    { action: 'serve', by: officer, after: 1, input: (on) => ({ servedOn: on, method: 'inPerson' }) },
    { action: 'beginExecution', by: officer },
    {
      action: 'publishDecision',
      by: officer,
      after: 1,
      input: (on) => ({ publishedOn: on, channel: '东川县人民政府门户网站行政执法公示专栏' }),
    },
    {
      action: 'recordPerformance',
      by: officer,
      after: 5,
      input: (on) => ({
        performedOn: on,
        amountPaidFen: fineFen,
        voucherNumber: `FS${on.replaceAll('-', '')}`,
      }),
    },
    {
      action: 'close',
      by: head,
      after: 1,
      input: () => ({ summary: '罚款已缴清，处罚决定已公示，予以结案' }),
    },
    {
      action: 'archive',
      by: officer,
      after: 1,
      input: (on) => ({ archiveNumber: `东川卫档〔${on.slice(0, 4)}〕${on.slice(5, 7)}号` }),
    },
  ];
  // 警告并罚款3000元: below 较大数额, decided after the party waived 陈述申辩.
  const plain: Step[] = [
    lead('日常监督检查发现'),
    ...investigate,
    deliberate(300_000),
    { action: 'serveNotice', by: officer, after: 1, input: (on) => ({ servedOn: on, method: 'inPerson' }) },
    { action: 'waiveStatement', by: officer, input: (on) => ({ waivedOn: on }) },
    ...decideAndExecute(300_000),
  ];
  // 罚款15万元 on an organisation: 听证 (第六十三条), then 法制审核 (第五十八条) and 集体讨论 (第五十七条).
  const major: Step[] = [
    lead('群众举报，经核查属实'),
    ...investigate,
    deliberate(15_000_000),
    {
      action: 'serveHearingRightsNotice',
      by: officer,
      after: 1,
      input: (on) => ({ servedOn: on, method: 'inPerson' }),
    },
    { action: 'requestHearing', by: officer, after: 1, input: (on) => ({ requestedOn: on }) },
    {
      action: 'holdHearing',
      by: officer,
      after: 21,
      input: (on) => ({
        notifiedOn: dateOf(new Date(Date.parse(`${on}T12:00:00+08:00`) - 21 * 86_400_000)),
        hearingDate: on,
        presidingOfficerId: users.head1.id,
        isPublic: true,
        participants: ['赵科长（主持人）', '张明', '刘芳', '当事人委托代理人吴某'],
        partyArguments: '当事人对违法事实无异议，称已主动整改，请求从轻处罚',
        conclusion: '违法事实清楚，整改情况已在裁量中考虑，建议维持拟处罚意见',
      }),
    },
    { action: 'submitForLegalReview', by: officer, after: 1, input: () => ({}) },
    {
      action: 'passLegalReview',
      by: legal,
      after: 2,
      input: (on) => ({
        reviewedOn: on,
        reviewers: ['钱审核'],
        opinion: '执法主体合法，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当',
        conclusion: '同意拟处罚意见，提交集体讨论',
      }),
    },
    { action: 'submitForCollectiveDeliberation', by: head, after: 1, input: () => ({}) },
    {
      action: 'recordCollectiveDeliberation',
      by: leader,
      after: 2,
      input: (on) => ({
        heldOn: on,
        participants: ['王建国', '赵科长', '钱审核'],
        opinion: '王建国：同意；赵科长：同意；钱审核：同意，建议督促整改到位',
        conclusion: '给予警告，并处罚款150000元',
      }),
    },
    ...decideAndExecute(15_000_000),
  ];

  const walk = async (title: string, party: CreateCaseInput['party'], daysBack: number, steps: Step[]) => {
    const created = await createCase(db, officer, {
      title,
      source: 'inspection',
      facts: `${title.replace(/案$/, '')}，经现场检查核实。`,
      party,
      assigneeId: users.officer1.id,
      officerIds,
    });
    let on = daysAgo(daysBack);
    const made = new Set<string>();
    const generate = async (kind: string) => {
      if (made.has(kind)) return;
      await generateCaseDocument(db, officer, filesDir, created.id, kind);
      made.add(kind);
    };
    for (const step of steps) {
      on = new Date(on.getTime() + (step.after ?? 0) * 86_400_000);
      const before = [...(actions[step.action]?.documents ?? []), guardDocuments[step.action]];
      for (const kind of before) if (kind) await generate(kind);
      await inTransaction(db, (tx) =>
        transition(tx, {
          procedureId: 'penaltyCase.ordinary',
          recordId: created.id,
          action: step.action,
          actor: step.by,
          at: on,
          input: step.input?.(dateOf(on)),
        }),
      );
      const record = recordDocuments[step.action];
      if (record) await generate(record);
    }
    return created.id;
  };
  /** The first steps of `script`, up to and including the n-th occurrence of `action`. */
  const upTo = (script: Step[], action: string): Step[] =>
    script.slice(0, script.findIndex((s) => s.action === action) + 1);
  const company = (name: string, uscc: string): CreateCaseInput['party'] => ({
    kind: 'organisation',
    name,
    uscc,
    legalRepresentative: '吴某',
    address: '东川县城关镇',
  });
  const person = (name: string): CreateCaseInput['party'] => ({
    kind: 'person',
    name,
    idType: 'residentIdCard',
    idNumber: '110101199003071233',
    address: '东川县城关镇',
  });

  // The 普通程序 script, stopped at each state in turn (lead and filed are the two cases above).
  await walk(
    '东川县某足浴店从业人员未取得健康合格证明案',
    person('钱某某'),
    30,
    upTo(plain, 'recordInvestigation'),
  );
  await walk(
    '东川县某宾馆未对顾客用品用具进行清洗消毒案',
    company('东川县某宾馆有限公司', '91110108551385083N'),
    40,
    [
      ...upTo(plain, 'recordInvestigation'),
      {
        action: 'suspend',
        by: leader,
        after: 2,
        input: () => ({ ground: 'awaitingExpertOpinion', note: '等待公共用品用具检测报告' }),
      },
    ],
  );
  await walk(
    '东川县某诊所未按规定填报传染病疫情案',
    company('东川县某诊所有限公司', '91110108551385084L'),
    35,
    upTo(plain, 'deliberate'),
  );
  await walk('东川县某药店未悬挂卫生许可证案', person('孙某某'), 36, upTo(plain, 'serveNotice'));
  await walk(
    '东川县某医院超范围开展诊疗活动案',
    company('东川县某医院有限公司', '91110108551385085J'),
    90,
    upTo(major, 'requestHearing'),
  );
  await walk(
    '东川县某口腔医院使用未经消毒器械案',
    company('东川县某口腔医院有限公司', '91110108551385086G'),
    95,
    upTo(major, 'passLegalReview'),
  );
  await walk(
    '东川县某医美机构超范围执业案',
    company('东川县某医疗美容有限公司', '91110108551385087E'),
    100,
    upTo(major, 'recordCollectiveDeliberation'),
  );
  await walk('东川县某理发店公共场所卫生不合格案', person('周某某'), 50, upTo(plain, 'decide'));
  await walk(
    '东川县某游泳馆未按规定公示卫生检测结果案',
    company('东川县某体育发展有限公司', '91110108551385088C'),
    55,
    upTo(plain, 'serve'),
  );
  await walk(
    '东川县某宾馆无卫生许可证经营案',
    company('东川县某酒店管理有限公司', '91110108551385089A'),
    60,
    upTo(plain, 'recordPerformance').slice(0, -1),
  );
  // The major case with a hearing, closed through 法制审核 and 集体讨论.
  await walk(
    '东川县某民营医院使用非卫生技术人员案',
    company('东川县某民营医院有限公司', '91110108551385090R'),
    150,
    upTo(major, 'close'),
  );
  await walk(
    '东川县某诊所未按规定处置医疗废物案',
    company('东川县某门诊部有限公司', '91110108551385091P'),
    120,
    plain,
  );
  await walk('东川县某美发店卫生状况投诉案', person('郑某某'), 20, [
    lead('群众投诉'),
    {
      action: 'declineFiling',
      by: head,
      after: 2,
      input: () => ({ reason: '经核查，投诉事项不属于卫生健康行政处罚范围' }),
    },
  ]);
  await walk('东川县某小学食堂从业人员健康证过期案', person('冯某某'), 45, [
    ...upTo(plain, 'recordInvestigation'),
    {
      action: 'deliberate',
      by: officer,
      after: 2,
      input: (on) => ({
        conclusion: 'noPenalty',
        heldOn: on,
        participants: ['张明', '刘芳'],
        opinion: '初次违法且危害后果轻微并已及时改正，符合首违不罚',
      }),
    },
    {
      action: 'declinePenalty',
      by: leader,
      after: 1,
      input: () => ({ ground: 'firstViolation', educationMeasure: '约谈当事人并开展卫生法律法规宣传教育' }),
    },
  ]);
  await walk('东川县某诊所涉嫌非法行医致人伤害案', person('韩某某'), 25, [
    ...upTo(plain, 'recordInvestigation'),
    {
      action: 'transfer',
      by: leader,
      after: 2,
      input: () => ({
        kind: 'judicial',
        recipient: '东川县公安局',
        reason: '涉嫌非法行医罪，依法移送公安机关',
      }),
    },
  ]);
  await walk(
    '东川县某棋牌室公共场所卫生不合格案',
    company('东川县某文化娱乐有限公司', '91110108551385092M'),
    65,
    [
      ...upTo(plain, 'decide'),
      {
        action: 'revoke',
        by: leader,
        after: 3,
        input: () => ({ ground: 'selfCorrection', reference: '东川卫撤〔2026〕1号' }),
      },
    ],
  );

  // 简易程序: one decided on the spot today, one filed with the agency, paid and closed.
  const onSpot = (name: string) => ({
    title: `${name}从业人员未取得健康合格证明案`,
    party: person(name.slice(0, 1) + '某'),
    facts: '从业人员未取得有效健康合格证明上岗。',
    penaltyKinds: ['fine' as const],
    fineFen: 20_000,
    decidedOn: dateOf(new Date()),
    place: '东川县人民路',
    officerIds,
  });
  await createSimpleCase(db, officer, filesDir, onSpot('蒋记理发店'));
  const paid = await createSimpleCase(db, officer, filesDir, onSpot('沈记足浴店'));
  const today = dateOf(new Date());
  for (const [action, by, input] of [
    ['fileWithAgency', officer, { filedOn: today }],
    ['recordPerformance', officer, { performedOn: today, amountPaidFen: 20_000 }],
    ['close', head, { summary: '当场处罚罚款已缴纳，予以结案' }],
  ] as const) {
    await inTransaction(db, (tx) =>
      transition(tx, { procedureId: 'penaltyCase.simple', recordId: paid.id, action, actor: by, input }),
    );
  }
}
