// 案卷评查: the rubric, review rounds, the files in them and their scores. A round belongs to the organisation
// that runs it; it reviews closed penalty cases of that organisation's subtree, so a city round may hold its
// counties' files while a county never sees another county's round.
import { randomUUID } from 'node:crypto';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  notExists,
  or,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  defaultRubricItems,
  rubricProblems,
  rubricTotal,
  scoreTotal,
  type Deduction,
  type RubricItem,
} from '../../../shared/casefile-reviews/rubric.ts';
import { drawSample } from '../../../shared/casefile-reviews/sample.ts';
import type {
  CandidateCase,
  CreateRoundInput,
  FileDetail,
  Rubric,
  RubricInput,
  RoundDetail,
  RoundFile,
  RoundListQuery,
  RoundSummary,
  ScoreInput,
} from '../../../shared/casefile-reviews/payloads.ts';
import { ordinaryPenaltyProcedure, simplePenaltyProcedure } from '../../../shared/cases/procedure.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { type Actor, type Owned, actingOrgId, authorize } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError, conflict, invalidField, notFound, unprocessable } from '../../platform/errors.ts';
import { inSubtree } from '../../platform/metrics/registry.ts';
import { orgs, users } from '../../platform/orgs/tables.ts';
import { findOrgOwner } from '../../platform/orgs/service.ts';
import { selfCheckCase } from '../cases/case-file.ts';
import { penaltyCases } from '../cases/tables.ts';
import { casefileReviewFiles, casefileReviewRounds, casefileRubrics } from './tables.ts';

type Page = { page: number; pageSize: number };
const offsetOf = (query: Page) => (query.page - 1) * query.pageSize;
const validation = (problems: { path: string; message: string }[]) =>
  new AppError(400, 'VALIDATION', problems[0]!.message, problems);

/** States in which a penalty case's file is complete enough to review: 结案 and 归档. */
const reviewableStates = ['closed', 'archived'];
const stateLabels: Record<string, string> = {
  ...ordinaryPenaltyProcedure.states,
  ...simplePenaltyProcedure.states,
};

// ---- 评查标准 ----

/**
 * The rubric that applies to an organisation: its own, else that of its nearest ancestor that wrote one (a city's
 * standard binds its counties until they adopt their own), else the default (version 0).
 */
async function rubricOf(db: Db, orgPath: string) {
  const [row] = await db
    .select({ r: casefileRubrics, orgName: orgs.name, updatedByName: users.displayName })
    .from(casefileRubrics)
    .innerJoin(orgs, eq(orgs.id, casefileRubrics.orgId))
    .leftJoin(users, eq(users.id, casefileRubrics.updatedBy))
    .where(sql`${orgPath} like ${orgs.path} || '%'`)
    .orderBy(desc(sql`length(${orgs.path})`))
    .limit(1);
  if (!row)
    return {
      version: 0,
      items: [...defaultRubricItems],
      sourceOrgId: null,
      sourceOrgName: null,
      updatedAt: null,
      updatedByName: null,
    };
  return {
    version: row.r.version,
    items: row.r.items as RubricItem[],
    sourceOrgId: row.r.orgId,
    sourceOrgName: row.orgName,
    updatedAt: row.r.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
  };
}

async function ownOrg(db: Db, actor: Actor, need: { write?: boolean } = {}) {
  const own = await findOrgOwner(db, actingOrgId(actor));
  authorize(actor, own, {
    what: '机构',
    write: need.write,
    permission: need.write ? 'casefileReviews.manage' : undefined,
  });
  return own;
}

export async function getRubric(db: Db, actor: Actor): Promise<Rubric> {
  const own = await ownOrg(db, actor);
  const rubric = await rubricOf(db, actor.orgPath);
  return {
    orgId: own.orgId,
    orgName: own.name,
    isDefault: rubric.version === 0,
    totalPoints: rubricTotal(rubric.items),
    ...rubric,
  };
}

/** Saves the organisation's own rubric (a new version); rounds already opened keep the copy they took. */
export async function saveRubric(db: Db, actor: Actor, input: RubricInput): Promise<Rubric> {
  const own = await ownOrg(db, actor, { write: true });
  const items: RubricItem[] = input.items.map((item) => ({
    ...item,
    id: item.id ?? randomUUID().slice(0, 8),
  }));
  const problems = rubricProblems(items);
  if (problems.length) throw validation(problems);
  await inTransaction(db, async (tx) => {
    const before = await rubricOf(tx, actor.orgPath);
    // The organisation's own versions count from 1, whether it leaves the default or a parent's standard.
    const version = before.sourceOrgId === own.orgId ? before.version + 1 : 1;
    const values = { version, items, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(casefileRubrics)
      .values({ orgId: own.orgId, ...values })
      .onConflictDoUpdate({ target: casefileRubrics.orgId, set: values });
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'casefileReviews.saveRubric',
      entityType: 'casefileRubric',
      entityId: own.orgId,
      before,
      after: { version: values.version, items },
    });
  });
  return getRubric(db, actor);
}

// ---- 评查轮次 ----

const fileCounts = {
  fileCount:
    sql<number>`(select count(*) from ${casefileReviewFiles} where ${casefileReviewFiles.roundId} = ${casefileReviewRounds.id})`.mapWith(
      Number,
    ),
  scoredCount:
    sql<number>`(select count(*) from ${casefileReviewFiles} where ${casefileReviewFiles.roundId} = ${casefileReviewRounds.id} and ${casefileReviewFiles.scoredOn} is not null)`.mapWith(
      Number,
    ),
  excellentCount:
    sql<number>`(select count(*) from ${casefileReviewFiles} where ${casefileReviewFiles.roundId} = ${casefileReviewRounds.id} and ${casefileReviewFiles.isExcellent})`.mapWith(
      Number,
    ),
};
type RoundRow = typeof casefileReviewRounds.$inferSelect;
type Counts = { fileCount: number; scoredCount: number; excellentCount: number };

function summariseRound(r: RoundRow, orgName: string, counts: Counts): RoundSummary {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    year: r.year,
    name: r.name,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    excellenceThreshold: r.excellenceThreshold,
    status: r.status as RoundSummary['status'],
    createdAt: r.createdAt.toISOString(),
    ...counts,
  };
}

/**
 * The round after `authorize`: another county's round is 404. Writes need the permission and an open round
 * (a closed round is read-only).
 */
async function requireRound(
  db: Db,
  actor: Actor,
  roundId: string,
  need: { write?: 'casefileReviews.manage' | 'casefileReviews.score' } = {},
) {
  const [row] = await db
    .select({ r: casefileReviewRounds, orgPath: orgs.path, orgName: orgs.name, ...fileCounts })
    .from(casefileReviewRounds)
    .innerJoin(orgs, eq(orgs.id, casefileReviewRounds.orgId))
    .where(eq(casefileReviewRounds.id, roundId));
  const owner: Owned | null = row ? { orgId: row.r.orgId, orgPath: row.orgPath } : null;
  authorize(actor, owner, { what: '评查轮次', write: !!need.write, permission: need.write });
  if (need.write && row!.r.status === 'closed') throw conflict('本轮评查已结束，案卷与评分不能再修改');
  return row!;
}

function detailOf(row: Awaited<ReturnType<typeof requireRound>>): RoundDetail {
  const rubric = row.r.rubric as RubricItem[];
  return {
    ...summariseRound(row.r, row.orgName, row),
    rubricVersion: row.r.rubricVersion,
    rubric,
    totalPoints: rubricTotal(rubric),
    closedAt: row.r.closedAt?.toISOString() ?? null,
  };
}

/** Opens a round in the actor's organisation with a copy of its current rubric. */
export async function createRound(db: Db, actor: Actor, input: CreateRoundInput): Promise<RoundDetail> {
  const own = await ownOrg(db, actor, { write: true });
  const rubric = await rubricOf(db, actor.orgPath);
  if (input.excellenceThreshold > rubricTotal(rubric.items))
    throw invalidField('excellenceThreshold', `优秀分数线不能高于评查标准总分${rubricTotal(rubric.items)}分`);
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(casefileReviewRounds)
      .values({
        orgId: own.orgId,
        year: input.year,
        name: input.name,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        excellenceThreshold: input.excellenceThreshold,
        rubric: rubric.items,
        rubricVersion: rubric.version,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: actor.orgId,
      action: 'casefileReviews.createRound',
      entityType: 'casefileReviewRound',
      entityId: row!.id,
      after: row,
    });
    return row!.id;
  });
  return getRound(db, actor, id);
}

export async function getRound(db: Db, actor: Actor, roundId: string): Promise<RoundDetail> {
  return detailOf(await requireRound(db, actor, roundId));
}

/** Rounds of the actor's subtree (or of one organisation's subtree within it), newest year first. */
export async function listRounds(
  db: Db,
  actor: Actor,
  query: RoundListQuery,
): Promise<{ items: RoundSummary[]; total: number }> {
  let orgPath = actor.orgPath;
  if (query.orgId) {
    const owner = await findOrgOwner(db, query.orgId);
    authorize(actor, owner, { what: '机构' });
    orgPath = owner.orgPath;
  }
  const where = and(
    inSubtree(casefileReviewRounds.orgId, { orgPath }),
    query.year ? eq(casefileReviewRounds.year, query.year) : undefined,
    query.status ? eq(casefileReviewRounds.status, query.status) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(casefileReviewRounds).where(where);
  const rows = await db
    .select({ r: casefileReviewRounds, orgName: orgs.name, ...fileCounts })
    .from(casefileReviewRounds)
    .innerJoin(orgs, eq(orgs.id, casefileReviewRounds.orgId))
    .where(where)
    .orderBy(
      desc(casefileReviewRounds.year),
      desc(casefileReviewRounds.createdAt),
      asc(casefileReviewRounds.id),
    )
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { total: total?.n ?? 0, items: rows.map((row) => summariseRound(row.r, row.orgName, row)) };
}

/** Ends a round: from then on its files and scores are read-only. */
export async function closeRound(db: Db, actor: Actor, roundId: string): Promise<RoundDetail> {
  const row = await requireRound(db, actor, roundId, { write: 'casefileReviews.manage' });
  await inTransaction(db, async (tx) => {
    // Compare-and-set on the status, so two people closing at once audit one close.
    const [closed] = await tx
      .update(casefileReviewRounds)
      .set({ status: 'closed', closedAt: new Date() })
      .where(and(eq(casefileReviewRounds.id, roundId), eq(casefileReviewRounds.status, 'open')))
      .returning();
    if (!closed) throw conflict('本轮评查已结束');
    await recordAudit(tx, {
      actor,
      orgId: row.r.orgId,
      action: 'casefileReviews.closeRound',
      entityType: 'casefileReviewRound',
      entityId: roundId,
      before: { status: 'open' },
      after: {
        status: 'closed',
        files: row.fileCount,
        scored: row.scoredCount,
        excellent: row.excellentCount,
      },
    });
  });
  return getRound(db, actor, roundId);
}

// ---- 案卷 ----

/** Closed or archived cases of the round organisation's subtree, closed within the round's period, not yet in it. */
function eligibleCases(round: RoundRow, orgPath: string) {
  return and(
    inSubtree(penaltyCases.orgId, { orgPath }),
    inArray(penaltyCases.state, reviewableStates),
    isNotNull(penaltyCases.closedOn),
    gte(penaltyCases.closedOn, round.periodFrom),
    lte(penaltyCases.closedOn, round.periodTo),
    notExists(
      sql`(select 1 from ${casefileReviewFiles} where ${casefileReviewFiles.roundId} = ${round.id} and ${casefileReviewFiles.caseId} = ${penaltyCases.id})`,
    ),
  );
}

export async function listCandidates(
  db: Db,
  actor: Actor,
  roundId: string,
  query: Page & { q?: string },
): Promise<{ items: CandidateCase[]; total: number }> {
  const { r, orgPath } = await requireRound(db, actor, roundId);
  const where = and(
    eligibleCases(r, orgPath),
    query.q
      ? or(ilike(penaltyCases.caseNumber, `%${query.q}%`), ilike(penaltyCases.title, `%${query.q}%`))
      : undefined,
  );
  const [total] = await db.select({ n: count() }).from(penaltyCases).where(where);
  const rows = await db
    .select({ c: penaltyCases, orgName: orgs.name })
    .from(penaltyCases)
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .where(where)
    .orderBy(desc(penaltyCases.closedOn), asc(penaltyCases.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return {
    total: total?.n ?? 0,
    items: rows.map(({ c, orgName }) => ({
      id: c.id,
      title: c.title,
      caseNumber: c.caseNumber,
      orgName,
      closedOn: c.closedOn,
      stateLabel: stateLabels[c.state] ?? c.state,
    })),
  };
}

async function insertFiles(
  tx: Db,
  actor: Actor,
  round: RoundRow,
  caseIds: string[],
  selection: { kind: 'manual' } | { kind: 'sample'; seed: string; size: number; eligible: number },
) {
  // The unique (round, case) index keeps a file to once per round even if two people add it at once.
  const inserted = await tx
    .insert(casefileReviewFiles)
    .values(
      caseIds.map((caseId) => ({
        roundId: round.id,
        orgId: round.orgId,
        caseId,
        selection: selection.kind,
        sampleSeed: selection.kind === 'sample' ? selection.seed : null,
        addedBy: actor.userId,
      })),
    )
    .onConflictDoNothing()
    .returning({ caseId: casefileReviewFiles.caseId });
  await recordAudit(tx, {
    actor,
    orgId: round.orgId,
    action: selection.kind === 'sample' ? 'casefileReviews.sampleFiles' : 'casefileReviews.addFiles',
    entityType: 'casefileReviewRound',
    entityId: round.id,
    after: { ...selection, caseIds: inserted.map((row) => row.caseId) },
  });
  return inserted.map((row) => row.caseId);
}

/** Adds hand-picked files; each must be a reviewable case of the round's subtree and period, not yet in it. */
export async function addFiles(db: Db, actor: Actor, roundId: string, caseIds: string[]) {
  const { r, orgPath } = await requireRound(db, actor, roundId, { write: 'casefileReviews.manage' });
  const unique = [...new Set(caseIds)];
  const eligible = new Set(
    (
      await db
        .select({ id: penaltyCases.id })
        .from(penaltyCases)
        .where(and(inArray(penaltyCases.id, unique), eligibleCases(r, orgPath)))
    ).map((row) => row.id),
  );
  unique.forEach((id) => {
    if (!eligible.has(id))
      throw invalidField(
        `caseIds.${caseIds.indexOf(id)}`,
        '案卷不可加入：须为本机构及下级在评查期间内已结案（或已归档）的案件，且尚未加入本轮',
      );
  });
  const added = await inTransaction(db, (tx) => insertFiles(tx, actor, r, unique, { kind: 'manual' }));
  return { added, eligible: eligible.size };
}

/** Draws `size` files at random among the eligible ones with a published seed (see shared/casefile-reviews/sample.ts). */
export async function sampleFiles(
  db: Db,
  actor: Actor,
  roundId: string,
  input: { size: number; seed: string },
) {
  const { r, orgPath } = await requireRound(db, actor, roundId, { write: 'casefileReviews.manage' });
  const candidates = (
    await db.select({ id: penaltyCases.id }).from(penaltyCases).where(eligibleCases(r, orgPath))
  ).map((row) => row.id);
  if (candidates.length === 0) throw invalidField('size', '本轮评查期间内没有可抽取的已结案案卷');
  const drawn = drawSample(candidates, input.size, input.seed);
  const added = await inTransaction(db, (tx) =>
    insertFiles(tx, actor, r, drawn, { kind: 'sample', ...input, eligible: candidates.length }),
  );
  return { added, eligible: candidates.length };
}

const fileColumns = {
  f: casefileReviewFiles,
  caseTitle: penaltyCases.title,
  caseNumber: penaltyCases.caseNumber,
  closedOn: penaltyCases.closedOn,
  caseOrgName: orgs.name,
  reviewerName: users.displayName,
};
type FileRow = {
  f: typeof casefileReviewFiles.$inferSelect;
  caseTitle: string;
  caseNumber: string | null;
  closedOn: string | null;
  caseOrgName: string;
  reviewerName: string | null;
};
const filesQuery = (db: Db) =>
  db
    .select(fileColumns)
    .from(casefileReviewFiles)
    .innerJoin(penaltyCases, eq(penaltyCases.id, casefileReviewFiles.caseId))
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .leftJoin(users, eq(users.id, casefileReviewFiles.reviewerId));

function toRoundFile(row: FileRow): RoundFile {
  return {
    id: row.f.id,
    roundId: row.f.roundId,
    caseId: row.f.caseId,
    caseTitle: row.caseTitle,
    caseNumber: row.caseNumber,
    caseOrgName: row.caseOrgName,
    closedOn: row.closedOn,
    selection: row.f.selection as RoundFile['selection'],
    sampleSeed: row.f.sampleSeed,
    totalScore: row.f.totalScore,
    isExcellent: row.f.isExcellent,
    reviewerName: row.reviewerName,
    scoredOn: row.f.scoredOn,
  };
}

export async function listRoundFiles(
  db: Db,
  actor: Actor,
  roundId: string,
  query: Page & { scored?: 'yes' | 'no' },
): Promise<{ items: RoundFile[]; total: number }> {
  await requireRound(db, actor, roundId);
  const where = and(
    eq(casefileReviewFiles.roundId, roundId),
    query.scored === 'yes' ? isNotNull(casefileReviewFiles.scoredOn) : undefined,
    query.scored === 'no' ? sql`${casefileReviewFiles.scoredOn} is null` : undefined,
  );
  const [total] = await db.select({ n: count() }).from(casefileReviewFiles).where(where);
  const rows = await filesQuery(db)
    .where(where)
    .orderBy(asc(casefileReviewFiles.addedAt), asc(casefileReviewFiles.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { total: total?.n ?? 0, items: rows.map(toRoundFile) };
}

/** The file's round (404 outside the actor's subtree) and the file row. */
async function requireFile(
  db: Db,
  actor: Actor,
  fileId: string,
  need: { write?: 'casefileReviews.manage' | 'casefileReviews.score' } = {},
) {
  const [file] = await db
    .select({ roundId: casefileReviewFiles.roundId })
    .from(casefileReviewFiles)
    .where(eq(casefileReviewFiles.id, fileId));
  if (!file) throw notFound('评查案卷');
  const round = await requireRound(db, actor, file.roundId, need);
  const [row] = await filesQuery(db).where(eq(casefileReviewFiles.id, fileId));
  return { round, row: row! };
}

/**
 * Takes an unscored file out of an open round (picked by mistake). A scored file stays: its review was done and
 * is counted; re-score it instead.
 */
export async function removeFile(db: Db, actor: Actor, fileId: string): Promise<{ ok: true }> {
  const { round } = await requireFile(db, actor, fileId, { write: 'casefileReviews.manage' });
  await inTransaction(db, async (tx) => {
    const [removed] = await tx
      .delete(casefileReviewFiles)
      .where(and(eq(casefileReviewFiles.id, fileId), sql`${casefileReviewFiles.scoredOn} is null`))
      .returning();
    if (!removed) throw conflict('案卷已评分，不能移出本轮评查；如需更正请重新评分');
    await recordAudit(tx, {
      actor,
      orgId: round.r.orgId,
      action: 'casefileReviews.removeFile',
      entityType: 'casefileReviewRound',
      entityId: round.r.id,
      before: removed,
    });
  });
  return { ok: true };
}

/** A file with its round and rubric, the scores so far and the case's 结案前自查 problems for the reviewer. */
export async function getFile(db: Db, actor: Actor, fileId: string): Promise<FileDetail> {
  const { round, row } = await requireFile(db, actor, fileId);
  return {
    ...toRoundFile(row),
    round: detailOf(round),
    deductions: row.f.deductions as Deduction[],
    summary: row.f.summary,
    selfCheck: await selfCheckCase(db, actor, row.f.caseId),
  };
}

/**
 * Scores a file item by item; the total is computed here, never taken from the client. Excellent only at or
 * above the round's threshold. Re-scoring an open round's file replaces the previous score (audited).
 */
export async function scoreFile(
  db: Db,
  actor: Actor,
  fileId: string,
  input: ScoreInput,
): Promise<FileDetail> {
  const { round, row } = await requireFile(db, actor, fileId, { write: 'casefileReviews.score' });
  const rubric = round.r.rubric as RubricItem[];
  const { total, problems } = scoreTotal(rubric, input.deductions);
  if (problems.length) throw validation(problems);
  const threshold = round.r.excellenceThreshold;
  if (input.excellent && total < threshold)
    throw unprocessable(`总分${total}分，低于本轮优秀案卷分数线${threshold}分，不能评为优秀案卷`, [
      { path: 'excellent', message: `总分须达到${threshold}分才能评为优秀案卷` },
    ]);
  // Items without points off need not be stored; what is kept is exactly what the total was computed from.
  const deductions = input.deductions.filter((d) => d.points > 0 || d.comment.trim());
  await inTransaction(db, async (tx) => {
    const after = {
      deductions,
      totalScore: total,
      summary: input.summary,
      isExcellent: input.excellent,
      reviewerId: actor.userId,
      scoredOn: chinaToday(),
    };
    await tx.update(casefileReviewFiles).set(after).where(eq(casefileReviewFiles.id, fileId));
    await recordAudit(tx, {
      actor,
      orgId: round.r.orgId,
      action: 'casefileReviews.scoreFile',
      entityType: 'casefileReviewFile',
      entityId: fileId,
      before: {
        deductions: row.f.deductions,
        totalScore: row.f.totalScore,
        summary: row.f.summary,
        isExcellent: row.f.isExcellent,
        reviewerId: row.f.reviewerId,
        scoredOn: row.f.scoredOn,
      },
      after: { ...after, caseId: row.f.caseId },
    });
  });
  return getFile(db, actor, fileId);
}
