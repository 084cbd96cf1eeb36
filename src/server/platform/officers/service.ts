import { and, asc, count, desc, eq, gte, ilike, inArray, like, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  certificateIneligibility,
  chinaToday,
  daysUntil,
  reviewDueOn,
} from '../../../shared/officers/eligibility.ts';
import {
  type Certificate,
  type IssueCertificateInput,
  type OfficerDetail,
  type OfficerSummary,
} from '../../../shared/platform/officers.ts';
import { orgs, userRoles, users } from '../orgs/tables.ts';
import { certificateReviews, officerCertificates, officerExams, officerTrainings } from './tables.ts';
import { type Actor, authorize, requirePermission } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { findOrgOwner } from '../orgs/service.ts';
import { conflict, invalidField, notFound } from '../errors.ts';

type CertificateRow = typeof officerCertificates.$inferSelect;

const toCertificate = (c: CertificateRow): Certificate => ({
  id: c.id,
  userId: c.userId,
  orgId: c.orgId,
  certificateNumber: c.certificateNumber,
  issuingBody: c.issuingBody,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  status: c.status as Certificate['status'],
  lawAreas: c.lawAreas,
});

export async function lastPassedReviews(db: Db, certificateIds: string[]): Promise<Map<string, string>> {
  if (certificateIds.length === 0) return new Map();
  const rows = await db
    .select({
      certificateId: certificateReviews.certificateId,
      last: sql<string>`max(${certificateReviews.reviewedOn})::text`,
    })
    .from(certificateReviews)
    .where(
      and(inArray(certificateReviews.certificateId, certificateIds), eq(certificateReviews.passed, true)),
    )
    .groupBy(certificateReviews.certificateId);
  return new Map(rows.map((r) => [r.certificateId, r.last]));
}

/** Officers (users with the officer role or a certificate) in the actor's subtree, one page. */
export async function listOfficers(
  db: Db,
  actor: Actor,
  query: { page: number; pageSize: number; orgId?: string; expiringWithinDays?: number; q?: string },
  today = chinaToday(),
): Promise<{ items: OfficerSummary[]; total: number }> {
  requirePermission(actor, 'officers.read');
  let scopePath = actor.orgPath;
  if (query.orgId) {
    const owner = await findOrgOwner(db, query.orgId);
    authorize(actor, owner, { what: '机构' });
    scopePath = owner.orgPath;
  }
  const limitDate =
    query.expiringWithinDays === undefined
      ? null
      : new Date(Date.parse(`${today}T00:00:00Z`) + query.expiringWithinDays * 86_400_000)
          .toISOString()
          .slice(0, 10);
  // Officers are the users with the officer role (issuing a certificate grants it): one indexed semi-join.
  const isOfficer = sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.roleId} = 'officer')`;
  const where = and(
    like(orgs.path, `${scopePath}%`),
    isOfficer,
    query.q
      ? or(
          ilike(users.displayName, `%${query.q}%`),
          ilike(officerCertificates.certificateNumber, `%${query.q}%`),
        )
      : undefined,
    limitDate ? lte(officerCertificates.validUntil, limitDate) : undefined,
  );
  const base = db
    .select({ user: users, orgName: orgs.name, orgPath: orgs.path, certificate: officerCertificates })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(
      officerCertificates,
      and(eq(officerCertificates.userId, users.id), eq(officerCertificates.isCurrent, true)),
    );
  const [total] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(
      officerCertificates,
      and(eq(officerCertificates.userId, users.id), eq(officerCertificates.isCurrent, true)),
    )
    .where(where);
  const rows = await base
    .where(where)
    .orderBy(limitDate ? asc(officerCertificates.validUntil) : asc(orgs.path), asc(users.displayName))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const userIds = rows.map((r) => r.user.id);
  const reviews = await lastPassedReviews(
    db,
    rows.flatMap((r) => (r.certificate ? [r.certificate.id] : [])),
  );
  const year = today.slice(0, 4);
  const hours = userIds.length
    ? await db
        .select({
          userId: officerTrainings.userId,
          hours: sql<number>`coalesce(sum(${officerTrainings.hours}), 0)`.mapWith(Number),
        })
        .from(officerTrainings)
        .where(
          and(
            inArray(officerTrainings.userId, userIds),
            gte(officerTrainings.trainedOn, `${year}-01-01`),
            lte(officerTrainings.trainedOn, `${year}-12-31`),
          ),
        )
        .groupBy(officerTrainings.userId)
    : [];
  const hoursByUser = new Map(hours.map((h) => [h.userId, h.hours]));
  return {
    total: total?.n ?? 0,
    items: rows.map((r) =>
      summarise(
        r.user,
        r.orgName,
        r.certificate,
        r.certificate ? (reviews.get(r.certificate.id) ?? null) : null,
        hoursByUser.get(r.user.id) ?? 0,
        today,
      ),
    ),
  };
}

function summarise(
  user: typeof users.$inferSelect,
  orgName: string,
  certificate: CertificateRow | null,
  lastReviewOn: string | null,
  trainingHoursThisYear: number,
  today: string,
): OfficerSummary {
  const facts = certificate
    ? {
        validFrom: certificate.validFrom,
        validUntil: certificate.validUntil,
        status: certificate.status as Certificate['status'],
      }
    : null;
  return {
    userId: user.id,
    displayName: user.displayName,
    orgId: user.orgId,
    orgName,
    certificate: certificate ? toCertificate(certificate) : null,
    lastReviewOn,
    reviewDueOn: facts ? reviewDueOn(facts, lastReviewOn) : null,
    trainingHoursThisYear,
    expiresInDays: certificate ? daysUntil(today, certificate.validUntil) : null,
    ineligibility: certificateIneligibility(facts, lastReviewOn, today),
  };
}

async function loadOfficer(db: Db, actor: Actor, userId: string, need: { write?: boolean }) {
  const [row] = await db
    .select({ user: users, orgName: orgs.name, orgPath: orgs.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, userId));
  authorize(actor, row ? { orgId: row.user.orgId, orgPath: row.orgPath } : null, {
    what: '执法人员',
    permission: need.write ? 'officers.manage' : 'officers.read',
    write: need.write,
  });
  const [certificate] = await db
    .select()
    .from(officerCertificates)
    .where(and(eq(officerCertificates.userId, userId), eq(officerCertificates.isCurrent, true)));
  return { ...row!, certificate: certificate ?? null };
}

export async function getOfficer(
  db: Db,
  actor: Actor,
  userId: string,
  today = chinaToday(),
): Promise<OfficerDetail> {
  const { user, orgName, certificate } = await loadOfficer(db, actor, userId, {});
  const reviews = certificate
    ? await db
        .select()
        .from(certificateReviews)
        .where(eq(certificateReviews.certificateId, certificate.id))
        .orderBy(desc(certificateReviews.reviewedOn))
    : [];
  const trainings = await db
    .select()
    .from(officerTrainings)
    .where(eq(officerTrainings.userId, userId))
    .orderBy(desc(officerTrainings.trainedOn));
  const exams = await db
    .select()
    .from(officerExams)
    .where(eq(officerExams.userId, userId))
    .orderBy(desc(officerExams.takenOn));
  const lastReviewOn = reviews.find((r) => r.passed)?.reviewedOn ?? null;
  const year = today.slice(0, 4);
  const hours = trainings.filter((t) => t.trainedOn.startsWith(year)).reduce((sum, t) => sum + t.hours, 0);
  return {
    ...summarise(user, orgName, certificate, lastReviewOn, hours, today),
    reviews: reviews.map((r) => ({ id: r.id, reviewedOn: r.reviewedOn, passed: r.passed, note: r.note })),
    trainings: trainings.map((t) => ({ id: t.id, trainedOn: t.trainedOn, course: t.course, hours: t.hours })),
    exams: exams.map((e) => ({
      id: e.id,
      takenOn: e.takenOn,
      subject: e.subject,
      score: e.score,
      passed: e.passed,
    })),
  };
}

/** Issues a certificate (a previous one is kept but no longer current). */
export async function issueCertificate(
  db: Db,
  actor: Actor,
  userId: string,
  input: IssueCertificateInput,
): Promise<Certificate> {
  const { user, certificate: previous } = await loadOfficer(db, actor, userId, { write: true });
  const [taken] = await db
    .select({ id: officerCertificates.id })
    .from(officerCertificates)
    .where(eq(officerCertificates.certificateNumber, input.certificateNumber));
  if (taken) throw conflict(`执法证号「${input.certificateNumber}」已登记`);
  return inTransaction(db, async (tx) => {
    if (previous)
      await tx
        .update(officerCertificates)
        .set({ isCurrent: false })
        .where(eq(officerCertificates.id, previous.id));
    const [row] = await tx
      .insert(officerCertificates)
      .values({
        userId,
        orgId: user.orgId,
        certificateNumber: input.certificateNumber,
        issuingBody: input.issuingBody,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        lawAreas: input.lawAreas ?? null,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: user.orgId,
      action: 'officers.issueCertificate',
      entityType: 'certificate',
      entityId: row!.id,
      before: previous,
      after: row,
    });
    return toCertificate(row!);
  });
}

export async function setCertificateStatus(
  db: Db,
  actor: Actor,
  userId: string,
  input: { status: Certificate['status']; reason: string },
): Promise<Certificate> {
  const { user, certificate } = await loadOfficer(db, actor, userId, { write: true });
  if (!certificate) throw notFound('执法证');
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .update(officerCertificates)
      .set({ status: input.status })
      .where(eq(officerCertificates.id, certificate.id))
      .returning();
    await recordAudit(tx, {
      actor,
      orgId: user.orgId,
      action: 'officers.setCertificateStatus',
      entityType: 'certificate',
      entityId: certificate.id,
      before: certificate,
      after: { ...row, reason: input.reason },
    });
    return toCertificate(row!);
  });
}

type OfficerRecordKind = 'review' | 'training' | 'exam';

/** Adds a 年审, training or exam record to an officer's file. */
export async function addOfficerRecord(
  db: Db,
  actor: Actor,
  userId: string,
  kind: OfficerRecordKind,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const { user, certificate } = await loadOfficer(db, actor, userId, { write: true });
  if (kind === 'review' && !certificate) throw invalidField('reviewedOn', '该人员没有执法证，无法登记年审');
  return inTransaction(db, async (tx) => {
    const base = { orgId: user.orgId };
    const [row] =
      kind === 'review'
        ? await tx
            .insert(certificateReviews)
            .values({
              ...base,
              certificateId: certificate!.id,
              ...(input as { reviewedOn: string; passed: boolean; note?: string | null }),
            })
            .returning({ id: certificateReviews.id })
        : kind === 'training'
          ? await tx
              .insert(officerTrainings)
              .values({ ...base, userId, ...(input as { trainedOn: string; course: string; hours: number }) })
              .returning({ id: officerTrainings.id })
          : await tx
              .insert(officerExams)
              .values({
                ...base,
                userId,
                ...(input as { takenOn: string; subject: string; score: number; passed: boolean }),
              })
              .returning({ id: officerExams.id });
    await recordAudit(tx, {
      actor,
      orgId: user.orgId,
      action: `officers.add${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      entityType: kind,
      entityId: row!.id,
      after: { userId, ...input },
    });
    return row!;
  });
}
