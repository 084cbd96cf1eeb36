// One officer's file: current (and sometimes a replaced) 执法证, 年审 records, trainings and exams.
import { addCalendarDays, addCalendarMonths } from '../../src/shared/law/calendar.ts';
import type {
  certificateReviews,
  officerCertificates,
  officerExams,
  officerTrainings,
} from '../../src/server/db/tables.ts';
import type { Random } from '../lib/random.ts';

/** What an officer's current certificate looks like today; the mix is set per institute by `certificateMix`. */
export type CertificateOutlook =
  'valid' | 'expiringSoon' | 'expired' | 'suspended' | 'revoked' | 'reviewOverdue' | 'none';

/** Shares of each outlook among officers (the rest are 'valid'); expiring and expired are at least one per institute. */
export const certificateMix: Record<Exclude<CertificateOutlook, 'valid'>, number> = {
  expiringSoon: 0.06,
  expired: 0.04,
  reviewOverdue: 0.02,
  suspended: 0.015,
  revoked: 0.005,
  none: 0.02,
};

/** A 执法证 runs five years from issue. */
const validityMonths = 60;

/** The outlooks of an institute's `n` officers, shuffled. */
export function outlooksFor(random: Random, n: number): CertificateOutlook[] {
  const out: CertificateOutlook[] = [];
  for (const [outlook, share] of Object.entries(certificateMix) as Array<[CertificateOutlook, number]>) {
    const atLeastOne = (outlook === 'expiringSoon' || outlook === 'expired') && n >= 10;
    const count = Math.max(atLeastOne ? 1 : 0, Math.floor(n * share + random.next()));
    for (let i = 0; i < count && out.length < n; i++) out.push(outlook);
  }
  while (out.length < n) out.push('valid');
  return random.shuffle(out);
}

export type OfficerFileRows = {
  certificates: Array<typeof officerCertificates.$inferInsert>;
  reviews: Array<typeof certificateReviews.$inferInsert>;
  trainings: Array<typeof officerTrainings.$inferInsert>;
  exams: Array<typeof officerExams.$inferInsert>;
};

export type OfficerFileInput = {
  userId: string;
  orgId: string;
  outlook: CertificateOutlook;
  today: string;
  issuingBody: string;
  /** Returns the next unique certificate number for an issue year. */
  nextCertificateNumber: (year: string) => string;
};

const courses = [
  '行政处罚法专题培训',
  '卫生健康行政执法文书规范培训',
  '医疗机构依法执业监督培训',
  '传染病防治监督执法培训',
  '职业卫生与放射卫生监督培训',
  '公共场所卫生监督培训',
  '生活饮用水卫生监督培训',
  '行政执法“三项制度”专题培训',
  '执法全过程记录规范培训',
  '法治政府建设专题讲座',
  '医疗美容专项整治执法培训',
];
const failedReviewNotes = [
  '年审不合格：年度培训学时不足',
  '年审不合格：执法案卷评查不合格',
  '年审不合格：未参加年度执法考试',
];
const lawAreas = ['卫生健康', '医疗卫生、公共卫生', '公共卫生、职业卫生、放射卫生', '医疗卫生、传染病防治'];

/** The rows of one officer's file, dated around `today`. */
export function planOfficerFile(random: Random, input: OfficerFileInput): OfficerFileRows {
  const { userId, orgId, today } = input;
  const rows: OfficerFileRows = { certificates: [], reviews: [], trainings: [], exams: [] };
  const year = Number(today.slice(0, 4));
  planTrainings(random, rows, input, year);
  if (input.outlook === 'none') {
    // A new recruit: passed the qualification exam and awaits the certificate, failed it, or has not sat it yet.
    const exam = random.weighted([
      ['passed', 5],
      ['failed', 3],
      ['notYet', 2],
    ] as const);
    if (exam !== 'notYet') {
      const passed = exam === 'passed';
      const score = passed ? random.int(60, 95) : random.int(38, 59);
      rows.exams.push({
        id: random.uuid(),
        userId,
        orgId,
        takenOn: addCalendarDays(today, -random.int(10, 90)),
        subject: '行政执法资格考试',
        score,
        passed,
      });
    }
    return rows;
  }

  const daysLeft = {
    valid: () => random.int(61, 1790),
    expiringSoon: () => random.int(0, 60),
    expired: () => -random.int(1, 365),
    suspended: () => random.int(61, 1790),
    revoked: () => random.int(61, 1790),
    // Issued more than 13 months ago, so at least one 年审 has fallen due.
    reviewOverdue: () => random.int(61, 1390),
  }[input.outlook]();
  const validUntil = addCalendarDays(today, daysLeft);
  const validFrom = addCalendarMonths(addCalendarDays(validUntil, 1), -validityMonths);
  const status = input.outlook === 'suspended' || input.outlook === 'revoked' ? input.outlook : 'valid';
  const area = random.pick(lawAreas);
  const current = {
    id: random.uuid(),
    userId,
    orgId,
    issuingBody: input.issuingBody,
    validFrom,
    validUntil,
    status,
    lawAreas: area,
    isCurrent: true,
  };

  // About a third of officers certified in the last three years hold a replaced certificate too.
  let firstIssued = validFrom;
  if (validFrom > addCalendarMonths(today, -36) && random.chance(0.35)) {
    const previousFrom = addCalendarMonths(validFrom, -validityMonths);
    const previous = {
      id: random.uuid(),
      userId,
      orgId,
      issuingBody: input.issuingBody,
      validFrom: previousFrom,
      validUntil: addCalendarDays(validFrom, -1),
      status: 'valid',
      lawAreas: area,
      isCurrent: false,
    };
    rows.certificates.push({
      ...previous,
      certificateNumber: input.nextCertificateNumber(previousFrom.slice(0, 4)),
    });
    planReviews(random, rows, previous, today, false);
    firstIssued = previousFrom;
  }
  rows.certificates.push({
    ...current,
    certificateNumber: input.nextCertificateNumber(validFrom.slice(0, 4)),
  });
  planReviews(random, rows, current, today, input.outlook === 'reviewOverdue');

  // The qualification exam came before the first certificate; some needed a second attempt.
  const examOn = addCalendarDays(firstIssued, -random.int(30, 120));
  if (random.chance(0.1)) {
    rows.exams.push({
      id: random.uuid(),
      userId,
      orgId,
      takenOn: addCalendarMonths(examOn, -6),
      subject: '行政执法资格考试',
      score: random.int(35, 59),
      passed: false,
    });
  }
  rows.exams.push({
    id: random.uuid(),
    userId,
    orgId,
    takenOn: examOn,
    subject: '行政执法资格考试',
    score: random.int(60, 98),
    passed: true,
  });
  if (random.chance(0.5)) {
    const score = random.int(52, 99);
    rows.exams.push({
      id: random.uuid(),
      userId,
      orgId,
      takenOn: `${year - 1}-${String(random.int(9, 12)).padStart(2, '0')}-15`,
      subject: '年度执法能力测试',
      score,
      passed: score >= 60,
    });
  }
  return rows;
}

/**
 * 年审 once a year before each anniversary of issue, at a fixed offset, so a certificate whose reviews are
 * all done is never overdue; `skipLatest` leaves out the latest due one (the 'reviewOverdue' outlook).
 */
function planReviews(
  random: Random,
  rows: OfficerFileRows,
  certificate: { id: string; orgId: string; validFrom: string; validUntil: string },
  today: string,
  skipLatest: boolean,
): void {
  const offsetDays = random.int(5, 45);
  const due: string[] = [];
  for (let k = 1; ; k++) {
    const anniversary = addCalendarMonths(certificate.validFrom, 12 * k);
    const reviewedOn = addCalendarDays(anniversary, -offsetDays);
    if (reviewedOn > today || anniversary > certificate.validUntil) break;
    due.push(reviewedOn);
  }
  if (skipLatest) due.pop();
  for (const reviewedOn of due) {
    const base = { certificateId: certificate.id, orgId: certificate.orgId };
    if (random.chance(0.03)) {
      rows.reviews.push({
        id: random.uuid(),
        ...base,
        reviewedOn,
        passed: false,
        note: random.pick(failedReviewNotes),
      });
      const again = addCalendarDays(reviewedOn, random.int(15, 30));
      if (again <= today)
        rows.reviews.push({ id: random.uuid(), ...base, reviewedOn: again, passed: true, note: '补审合格' });
    } else {
      rows.reviews.push({ id: random.uuid(), ...base, reviewedOn, passed: true, note: '年审合格' });
    }
  }
}

/** Two to four courses last year and a share of that so far this year; new recruits take the induction course. */
function planTrainings(random: Random, rows: OfficerFileRows, input: OfficerFileInput, year: number): void {
  const { userId, orgId, today } = input;
  const dayOfYear = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  const dateIn = (y: number, maxDay: number) =>
    addCalendarDays(`${y}-01-01`, random.int(0, Math.max(0, maxDay)));
  const add = (trainedOn: string, course: string, hours: number) =>
    rows.trainings.push({ id: random.uuid(), userId, orgId, trainedOn, course, hours });
  if (input.outlook === 'none') {
    add(addCalendarDays(today, -random.int(0, 120)), '新任行政执法人员岗前培训', 40);
    return;
  }
  const lastYear = random.int(2, 4);
  for (let i = 0; i < lastYear; i++)
    add(dateIn(year - 1, 364), random.pick(courses), random.pick([4, 6, 8, 12, 16, 24, 32]));
  const thisYear = Math.round(random.int(2, 4) * (dayOfYear / 365));
  for (let i = 0; i < thisYear; i++)
    add(dateIn(year, dayOfYear), random.pick(courses), random.pick([4, 6, 8, 12, 16, 24, 32, 7.5]));
}
