import { and, eq, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import Fastify, { type FastifySchema } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { RoleId } from '../../shared/platform/access.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import {
  provisionOrg,
  provisionUser,
  type ProvisionedOrg,
  type ProvisionedUser,
} from '../platform/orgs/provisioning.ts';
import { certificateReviews, officerCertificates } from '../platform/officers/tables.ts';
import type { App, RouteContext } from '../platform/http.ts';
import { routeModules } from '../routes.ts';
import { defineProcedure } from '../../shared/procedure/define-procedure.ts';
import { registerProcedure } from '../platform/procedure-engine/registry.ts';
import { notifications } from '../platform/procedure-engine/tables.ts';
import { loginAs } from './test-app.ts';
import { usccCheckCharacter } from '../../shared/platform/identifiers.ts';
import type { EntityImportJob } from '../../shared/entities/payloads.ts';
import { actorForUser } from '../platform/auth/service.ts';
import { transition } from '../platform/procedure-engine/engine.ts';

/** The people of one test tenant, by their role in the story (domain.md's demo city, in small). */
export type TreeUserKey =
  'admin' | 'leader' | 'legal' | 'officerA1' | 'officerA2' | 'officerB1' | 'adminA' | 'adminB';

export type OrgTree = {
  /** Appended to every username of this tree, so several trees coexist in one database. */
  suffix: string;
  password: string;
  city: ProvisionedOrg;
  countyA: ProvisionedOrg;
  instituteA: ProvisionedOrg;
  countyB: ProvisionedOrg;
  instituteB: ProvisionedOrg;
  users: Record<TreeUserKey, ProvisionedUser>;
};

/** argon2 takes ~100 ms a hash: one hash per distinct password for the whole test process. */
const hashes = new Map<string, Promise<string>>();
export function passwordHashOf(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

let treeCounter = 0;
function uniqueSuffix(): string {
  treeCounter += 1;
  return `${treeCounter}x${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * A city commission with two counties, each with a 卫生监督所, and its users: admin (systemAdmin, city),
 * leader (principal, city), legal (legalReviewer, city), officerA1/officerA2 (officers of county A's
 * institute), officerB1 (county B's institute), adminA/adminB (systemAdmin of each county's bureau).
 */
export async function buildOrgTree(
  db: Db,
  options: { password: string; cityName?: string },
): Promise<OrgTree> {
  const suffix = uniqueSuffix();
  const passwordHash = await passwordHashOf(options.password);
  return inTransaction(db, async (tx) => {
    const city = await provisionOrg(tx, {
      parent: null,
      name: options.cityName ?? `清河市卫生健康委员会${suffix}`,
      kind: 'commission',
      region: '清河',
    });
    const countyA = await provisionOrg(tx, {
      parent: city,
      name: `东川县卫生健康局${suffix}`,
      kind: 'bureau',
      region: '东川',
    });
    const instituteA = await provisionOrg(tx, {
      parent: countyA,
      name: `东川县卫生监督所${suffix}`,
      kind: 'institute',
      region: '东川',
    });
    const countyB = await provisionOrg(tx, {
      parent: city,
      name: `西岭县卫生健康局${suffix}`,
      kind: 'bureau',
      region: '西岭',
    });
    const instituteB = await provisionOrg(tx, {
      parent: countyB,
      name: `西岭县卫生监督所${suffix}`,
      kind: 'institute',
      region: '西岭',
    });
    const people: Array<[TreeUserKey, string, RoleId[], ProvisionedOrg]> = [
      ['admin', '系统管理员', ['systemAdmin'], city],
      ['leader', '王建国', ['principal'], city],
      ['legal', '李法审', ['legalReviewer'], city],
      ['officerA1', '张明', ['officer'], instituteA],
      ['officerA2', '刘芳', ['officer'], instituteA],
      ['officerB1', '孙磊', ['officer'], instituteB],
      ['adminA', '东川管理员', ['systemAdmin'], countyA],
      ['adminB', '西岭管理员', ['systemAdmin'], countyB],
    ];
    const users = {} as Record<TreeUserKey, ProvisionedUser>;
    for (const [key, displayName, roleIds, org] of people) {
      users[key] = await provisionUser(tx, {
        org,
        username: `${key}_${suffix}`,
        displayName,
        roleIds,
        passwordHash,
      });
    }
    return { suffix, password: options.password, city, countyA, instituteA, countyB, instituteB, users };
  });
}

/** Logs the named users of a tree in through the real route; returns their cookie headers. */
export async function loginTree<K extends TreeUserKey>(
  app: App,
  tree: OrgTree,
  keys: readonly K[],
): Promise<Record<K, string>> {
  const cookies = {} as Record<K, string>;
  for (const key of keys) cookies[key] = (await loginAs(app, tree.users[key].username, tree.password)).cookie;
  return cookies;
}

let certificateCounter = 0;

/**
 * Gives `user` a current 执法证 (the previous one stops being current). `lastReviewOn` adds a passed 年审;
 * without one the certificate must have been issued within the last 12 months to count as reviewed.
 */
export async function buildCertificate(
  db: Db,
  user: ProvisionedUser,
  options: {
    validFrom: string;
    validUntil: string;
    status?: 'valid' | 'suspended' | 'revoked';
    lastReviewOn?: string;
    certificateNumber?: string;
  },
): Promise<typeof officerCertificates.$inferSelect> {
  certificateCounter += 1;
  const certificateNumber =
    options.certificateNumber ??
    `T${Date.now().toString(36)}${certificateCounter}${Math.random().toString(36).slice(2, 6)}`.slice(0, 32);
  return inTransaction(db, async (tx) => {
    await tx
      .update(officerCertificates)
      .set({ isCurrent: false })
      .where(and(eq(officerCertificates.userId, user.id), eq(officerCertificates.isCurrent, true)));
    const [row] = await tx
      .insert(officerCertificates)
      .values({
        userId: user.id,
        orgId: user.orgId,
        certificateNumber,
        issuingBody: '清河市人民政府',
        validFrom: options.validFrom,
        validUntil: options.validUntil,
        status: options.status ?? 'valid',
      })
      .returning();
    if (options.lastReviewOn) {
      await tx.insert(certificateReviews).values({
        certificateId: row!.id,
        orgId: user.orgId,
        reviewedOn: options.lastReviewOn,
        passed: true,
      });
    }
    return row!;
  });
}

/** `date` moved by `days` calendar days (negative goes back). */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid 1×1 PNG (signature, IHDR, IDAT, IEND with real CRCs); `variant` changes one pixel so hashes differ. */
export function tinyPng(variant = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  // zlib stream of one stored block holding the scanline [filter 0, pixel]; adler32 computed below.
  const raw = Buffer.from([0, variant & 0xff]);
  const adler = adler32(raw);
  const idat = Buffer.concat([
    Buffer.from([0x78, 0x01, 0x01, raw.length, 0x00, ~raw.length & 0xff, 0xff]),
    raw,
    adler,
  ]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(data: Buffer): Buffer {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}

/** A valid 统一社会信用代码 numbered `n` (a company registered in 区划 `area`), for entity fixtures. */
export function usccFor(n: number, area = '330102'): string {
  const first17 = `91${area}MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** Polls an entity import through its route until it has succeeded or failed; returns the job. */
export async function waitForEntityImport(app: App, cookie: string, jobId: string): Promise<EntityImportJob> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/entities/imports/${jobId}`,
      headers: { cookie },
    });
    if (res.statusCode !== 200) throw new Error(`import ${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json() as EntityImportJob;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`import ${jobId} did not finish`);
}

/** A multipart/form-data body: text `fields` first (in order), then one file part, for `app.inject({ payload, headers })`. */
export function multipartBody(file: {
  fieldName?: string;
  fileName: string;
  contentType?: string;
  bytes: Buffer;
  fields?: Record<string, string>;
}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const fields = Object.entries(file.fields ?? {}).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    fields.join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.fieldName ?? 'file'}"; filename="${file.fileName}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, file.bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export type RouteInfo = { method: string; url: string; schema: FastifySchema | undefined };

/**
 * Every route the app registers (HEAD twins left out): `routeModules` walked on a bare Fastify instance
 * whose `onRoute` hook is in place before any route exists, plus the OpenAPI document buildApp adds itself.
 */
export async function listRoutes(ctx: RouteContext): Promise<RouteInfo[]> {
  const probe = Fastify().withTypeProvider<ZodTypeProvider>();
  probe.setValidatorCompiler(validatorCompiler);
  probe.setSerializerCompiler(serializerCompiler);
  const found: RouteInfo[] = [{ method: 'GET', url: '/api/openapi.json', schema: undefined }];
  probe.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') found.push({ method, url: route.url, schema: route.schema });
    }
  });
  for (const register of routeModules) register(probe as unknown as App, ctx);
  await probe.close();
  return found;
}

/** 'GET /api/orgs' style key of a route. */
export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** True when the text contains Chinese characters (every error message must). */
export const isChinese = (text: unknown) => typeof text === 'string' && /[\u4e00-\u9fff]/.test(text);

// A throwaway workflow on its own table, so route tests can reach the procedure routes before any module exists.
export const testRecords = pgTable('test_records', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  state: text('state').notNull(),
  title: text('title').notNull(),
  assigneeId: uuid('assignee_id'),
});

export const testRecordProcedure = defineProcedure({
  id: 'test.records',
  label: '测试流程',
  states: { draft: '草稿', submitted: '已提交', closed: '已办结' },
  initial: 'draft',
  terminal: ['closed'],
  actions: {
    submit: { label: '提交', from: ['draft'], to: 'submitted' },
    close: { label: '办结', from: ['submitted'], to: 'closed' },
  },
  // A period the law leaves to each organisation, so the settings routes have something to set.
  clocks: { statement: { label: '陈述申辩期限', rule: 'XZCF-CSSB', startsOn: 'submit', stopsOn: ['close'] } },
});

/** Creates the test workflow's table in this database and registers the workflow with the engine. */
export async function installTestProcedure(db: Db): Promise<void> {
  await db.execute(
    sql`create table if not exists test_records (id uuid primary key, org_id uuid not null, state text not null, title text not null, assignee_id uuid)`,
  );
  registerProcedure({
    definition: testRecordProcedure,
    table: testRecords,
    columns: {
      id: testRecords.id,
      orgId: testRecords.orgId,
      state: testRecords.state,
      title: testRecords.title,
      assigneeId: testRecords.assigneeId,
    },
    link: (id) => `/test-records/${id}`,
  });
}

/** A record of the test workflow owned by `org`. */
export async function buildTestRecord(
  db: Db,
  org: ProvisionedOrg,
  options: { state?: 'draft' | 'submitted' | 'closed'; assigneeId?: string } = {},
): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  await db.insert(testRecords).values({
    id,
    orgId: org.id,
    state: options.state ?? 'draft',
    title: `测试记录${id.slice(0, 4)}`,
    assigneeId: options.assigneeId ?? null,
  });
  return { id };
}

/** An unread notification for `user`. */
export async function buildNotification(
  db: Db,
  user: ProvisionedUser,
): Promise<typeof notifications.$inferSelect> {
  const [row] = await db
    .insert(notifications)
    .values({ userId: user.id, orgId: user.orgId, kind: 'test', title: '测试通知', body: '请及时办理' })
    .returning();
  return row!;
}

/** A valid POST /api/cases body in county A's institute: officerA1 leads, officerA2 assists (both need certificates). */
export function caseInput(tree: OrgTree, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '某医疗美容诊所超范围执业案',
    source: 'inspection',
    party: { kind: 'person', name: '赵某某', idNumber: '110101199003071233', address: '东川县城关镇' },
    facts: '当事人未取得医师资格开展诊疗活动。',
    assigneeId: tree.users.officerA1.id,
    officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
    ...overrides,
  };
}

/** A valid 简易程序 request: a 200元 fine on a citizen, by county A's two officers. */
export function simpleCaseInput(tree: OrgTree, decidedOn: string): Record<string, unknown> {
  return {
    title: '某理发店从业人员未取得健康合格证明案',
    party: { kind: 'person', name: '孙某', idNumber: '110101199003071233', address: '东川县' },
    facts: '从业人员未取得有效健康合格证明。',
    penaltyKinds: ['fine'],
    fineFen: 20_000,
    decidedOn,
    place: '东川县人民路',
    officerIds: [tree.users.officerA1.id, tree.users.officerA2.id],
  };
}

/** Takes a procedure step as `userId` on a given China date (10:00), as if it happened then. */
export async function actOnDate(
  db: Db,
  step: {
    procedureId: string;
    recordId: string;
    userId: string;
    action: string;
    date: string;
    input?: unknown;
  },
) {
  const actor = (await actorForUser(db, step.userId))!;
  return inTransaction(db, (tx) =>
    transition(tx, {
      procedureId: step.procedureId,
      recordId: step.recordId,
      action: step.action,
      actor,
      input: step.input,
      at: new Date(`${step.date}T10:00:00+08:00`),
    }),
  );
}

/** A valid 案件合议 input proposing 警告 and a fine (default 5000元); override any field. */
export function deliberationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    conclusion: 'penalty',
    participants: ['张明', '刘芳'],
    opinion: '违法事实清楚，证据确凿，拟给予警告并罚款',
    penaltyKinds: ['warning', 'fine'],
    fineFen: 500_000,
    ...overrides,
  };
}
