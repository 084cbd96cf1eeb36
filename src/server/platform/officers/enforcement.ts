import { and, asc, eq, gte, inArray, like, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { certificateIneligibility } from '../../../shared/officers/eligibility.ts';
import {
  ineligibilityLabels,
  type Certificate,
  type Ineligibility,
} from '../../../shared/platform/officers.ts';
import { orgs, users } from '../orgs/tables.ts';
import { officerCertificates } from './tables.ts';
import { AppError } from '../errors.ts';
import { lastPassedReviews } from './service.ts';

// Who may enforce on a given day (行政处罚法第四十二条): the checks later modules call before assigning officers.

export type EligibleOfficer = {
  userId: string;
  displayName: string;
  certificateNumber: string;
  validUntil: string;
};

/** Officers of an organisation (and its subtree) who may enforce on `date`: later modules assign only these. */
export async function eligibleOfficers(db: Db, orgPath: string, date: string): Promise<EligibleOfficer[]> {
  const rows = await db
    .select({ user: users, certificate: officerCertificates })
    .from(officerCertificates)
    .innerJoin(users, eq(users.id, officerCertificates.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        like(orgs.path, `${orgPath}%`),
        eq(officerCertificates.isCurrent, true),
        eq(users.isActive, true),
        lte(officerCertificates.validFrom, date),
        gte(officerCertificates.validUntil, date),
      ),
    )
    .orderBy(asc(users.displayName));
  const reviews = await lastPassedReviews(
    db,
    rows.map((r) => r.certificate.id),
  );
  return rows
    .filter(
      (r) =>
        certificateIneligibility(
          { ...r.certificate, status: r.certificate.status as Certificate['status'] },
          reviews.get(r.certificate.id) ?? null,
          date,
        ) === null,
    )
    .map((r) => ({
      userId: r.user.id,
      displayName: r.user.displayName,
      certificateNumber: r.certificate.certificateNumber,
      validUntil: r.certificate.validUntil,
    }));
}

/** Each user's reason not to enforce on `date` (null = may enforce), for the engine and assignment checks. */
export async function enforcementIneligibility(
  db: Db,
  userIds: string[],
  date: string,
): Promise<Map<string, { displayName: string; why: Ineligibility | null }>> {
  const distinct = [...new Set(userIds)];
  const rows = distinct.length
    ? await db
        .select({ user: users, certificate: officerCertificates })
        .from(users)
        .leftJoin(
          officerCertificates,
          and(eq(officerCertificates.userId, users.id), eq(officerCertificates.isCurrent, true)),
        )
        .where(inArray(users.id, distinct))
    : [];
  const reviews = await lastPassedReviews(
    db,
    rows.flatMap((r) => (r.certificate ? [r.certificate.id] : [])),
  );
  return new Map(
    rows.map((r) => {
      const facts = r.certificate
        ? { ...r.certificate, status: r.certificate.status as Certificate['status'] }
        : null;
      const why = r.user.isActive
        ? certificateIneligibility(
            facts,
            r.certificate ? (reviews.get(r.certificate.id) ?? null) : null,
            date,
          )
        : 'noCertificate';
      return [r.user.id, { displayName: r.user.displayName, why }];
    }),
  );
}

/** Refuses unless at least `minimum` distinct officers hold a valid certificate on `date` (行政处罚法第四十二条). */
export async function assertCertifiedOfficers(
  db: Db,
  userIds: string[],
  date: string,
  minimum = 2,
): Promise<void> {
  const status = await enforcementIneligibility(db, userIds, date);
  const problems = [...status.values()].flatMap((s) =>
    s.why ? [`${s.displayName}：${ineligibilityLabels[s.why]}`] : [],
  );
  if (problems.length > 0)
    throw new AppError(422, 'UNPROCESSABLE', `执法人员不具备执法资格（${problems.join('；')}）`, [
      { path: 'officerIds', message: problems.join('；') },
    ]);
  if (status.size < minimum) {
    throw new AppError(422, 'UNPROCESSABLE', `执法人员不得少于${minimum}人（行政处罚法第四十二条）`, [
      { path: 'officerIds', message: `至少需要${minimum}名持有效执法证的执法人员` },
    ]);
  }
}
