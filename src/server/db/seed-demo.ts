import { count } from 'drizzle-orm';
import type { Db } from './client.ts';
import { inTransaction } from './transaction.ts';
import { orgs } from './tables.ts';
import { certificateReviews, officerCertificates, officerExams, officerTrainings } from './tables.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { provisionOrg, provisionUser, type ProvisionedUser } from '../platform/orgs/provisioning.ts';
import { recordAudit } from '../platform/audit/audit-log.ts';
import type { RoleId } from '../../shared/platform/access.ts';
import { chinaToday } from '../../shared/officers/eligibility.ts';
import { seedDemoCases } from './seed-demo-cases.ts';
import { seedDemoInspectionData } from './seed-demo-entities.ts';

export type DemoLogin = { username: string; displayName: string; role: string; org: string };

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo city of domain.md: 清河市卫生健康委 with two counties, each with a 卫生监督所, and the users the
 * README lists. Certificates are dated from today so the 60-day expiry warning always has something to show.
 */
export async function seedDemoData(
  db: Db,
  password: string,
  filesDir: string,
  today = chinaToday(),
  options: { withCases: boolean } = { withCases: true },
): Promise<DemoLogin[] | null> {
  const [existing] = await db.select({ n: count() }).from(orgs);
  if ((existing?.n ?? 0) > 0) return null;
  const passwordHash = await hashPassword(password);
  const result = await inTransaction(db, async (tx) => {
    const city = await provisionOrg(tx, {
      parent: null,
      name: '清河市卫生健康委员会',
      kind: 'commission',
      region: '清河',
      code: '11330100MB0000001X',
    });
    const legalSection = await provisionOrg(tx, {
      parent: city,
      name: '政策法规科',
      kind: 'section',
      region: '清河',
    });
    const cityInstitute = await provisionOrg(tx, {
      parent: city,
      name: '清河市卫生健康综合监督执法支队',
      kind: 'institute',
      region: '清河',
    });
    const countyA = await provisionOrg(tx, {
      parent: city,
      name: '东川县卫生健康局',
      kind: 'bureau',
      region: '东川',
    });
    const instituteA = await provisionOrg(tx, {
      parent: countyA,
      name: '东川县卫生监督所',
      kind: 'institute',
      region: '东川',
    });
    const countyB = await provisionOrg(tx, {
      parent: city,
      name: '西岭县卫生健康局',
      kind: 'bureau',
      region: '西岭',
    });
    const instituteB = await provisionOrg(tx, {
      parent: countyB,
      name: '西岭县卫生监督所',
      kind: 'institute',
      region: '西岭',
    });

    const people: Array<[string, string, RoleId[], typeof city]> = [
      ['admin', '系统管理员', ['systemAdmin'], city],
      ['leader', '王建国', ['principal'], city],
      ['legal', '李法审', ['legalReviewer'], legalSection],
      // The county's own reviewer: 法制审核 of 东川's cases (the city's section does not see the county's records).
      ['legalA', '钱审核', ['legalReviewer'], countyA],
      ['cityofficer', '陈支队', ['officer'], cityInstitute],
      ['head1', '赵科长', ['sectionHead', 'officer'], instituteA],
      ['officer1', '张明', ['officer'], instituteA],
      ['officer2', '刘芳', ['officer'], instituteA],
      ['officer3', '孙磊', ['officer'], instituteB],
      ['officer4', '周静', ['officer'], instituteB],
    ];
    const users: Record<string, ProvisionedUser> = {};
    for (const [username, displayName, roleIds, org] of people) {
      users[username] = await provisionUser(tx, { org, username, displayName, roleIds, passwordHash });
    }

    // [user, certificate number, valid from, valid until]: officer2's expires within 60 days, cityofficer's has lapsed.
    const certificates: Array<[string, string, string, string]> = [
      ['cityofficer', '33010020200001', shiftDays(today, -1850), shiftDays(today, -5)],
      ['head1', '33010320220015', shiftDays(today, -900), shiftDays(today, 800)],
      ['officer1', '33010320240021', shiftDays(today, -300), shiftDays(today, 1500)],
      ['officer2', '33010320210007', shiftDays(today, -1780), shiftDays(today, 40)],
      ['officer3', '33010420230033', shiftDays(today, -500), shiftDays(today, 1300)],
      ['officer4', '33010420230009', shiftDays(today, -400), shiftDays(today, 1400)],
    ];
    for (const [username, number, validFrom, validUntil] of certificates) {
      const user = users[username]!;
      const [cert] = await tx
        .insert(officerCertificates)
        .values({
          userId: user.id,
          orgId: user.orgId,
          certificateNumber: number,
          issuingBody: '清河市人民政府',
          validFrom,
          validUntil,
          lawAreas: '卫生健康',
        })
        .returning();
      await tx.insert(certificateReviews).values({
        certificateId: cert!.id,
        orgId: user.orgId,
        reviewedOn: shiftDays(today, -120),
        passed: true,
        note: '年审合格',
      });
      await tx.insert(officerTrainings).values({
        userId: user.id,
        orgId: user.orgId,
        trainedOn: shiftDays(today, -60),
        course: '行政处罚法与卫生健康行政处罚程序规定专题培训',
        hours: 16,
      });
      await tx.insert(officerExams).values({
        userId: user.id,
        orgId: user.orgId,
        takenOn: shiftDays(today, -90),
        subject: '行政执法资格考试',
        score: 86,
        passed: true,
      });
      await recordAudit(tx, {
        actor: null,
        orgId: user.orgId,
        action: 'officers.issueCertificate',
        entityType: 'certificate',
        entityId: cert!.id,
        after: cert,
      });
    }

    const orgName = (u: ProvisionedUser) =>
      [city, legalSection, cityInstitute, countyA, instituteA, countyB, instituteB].find(
        (o) => o.id === u.orgId,
      )!.name;
    const logins = people.map(([username, displayName, roleIds]) => ({
      username,
      displayName,
      role: roleIds.join(','),
      org: orgName(users[username]!),
    }));
    return { logins, users, cityOrgId: city.id, instituteAId: instituteA.id, instituteBId: instituteB.id };
  });
  if (options.withCases)
    await seedDemoCases(
      db,
      result.users as unknown as Parameters<typeof seedDemoCases>[1],
      filesDir,
      result.cityOrgId,
    );
  await seedDemoInspectionData(db, result.cityOrgId, [
    { orgId: result.instituteAId, areaCode: '330122', place: '东川县' },
    { orgId: result.instituteBId, areaCode: '330127', place: '西岭县' },
  ]);
  return result.logins;
}
