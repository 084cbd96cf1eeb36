import type { Db } from './client.ts';
import { inTransaction } from './transaction.ts';
import { actorForUser } from '../platform/auth/service.ts';
import { transition } from '../platform/procedure-engine/engine.ts';
import { createCase } from '../modules/cases/service.ts';
import { generateCaseDocument } from '../modules/cases/documents.ts';
import type { CreateCaseInput } from '../../shared/cases/records.ts';
import '../modules/cases/procedures.ts';
import { readFileSync } from 'node:fs';
import { importDiscretionCatalog, importMitigationCatalog } from '../modules/cases/catalogs.ts';

type DemoUsers = Record<'officer1' | 'officer2' | 'head1' | 'officer3' | 'officer4', { id: string }>;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

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
