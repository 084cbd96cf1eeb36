import { addCalendarMonths, daysBetween } from '../law/calendar.ts';
import { shanghaiDate } from '../procedure/clocks.ts';
import type { Ineligibility } from '../platform/officers.ts';

export type CertificateFacts = {
  validFrom: string;
  validUntil: string;
  status: 'valid' | 'suspended' | 'revoked';
};

// 执法证年审: a certificate must pass its annual review within 12 months of issue or of the last review.
export const reviewIntervalMonths = 12;
export const certificateExpiryWarningDays = 60;

/** The date by which the next annual review must have passed (issue date or last passed review + 12 months). */
export function reviewDueOn(certificate: CertificateFacts, lastPassedReviewOn: string | null): string {
  const base =
    lastPassedReviewOn && lastPassedReviewOn > certificate.validFrom
      ? lastPassedReviewOn
      : certificate.validFrom;
  return addCalendarMonths(base, reviewIntervalMonths);
}

/** Why the holder may not enforce on `date` (行政处罚法第四十二条: only certified officers), or null. */
export function certificateIneligibility(
  certificate: CertificateFacts | null,
  lastPassedReviewOn: string | null,
  date: string,
): Ineligibility | null {
  if (!certificate) return 'noCertificate';
  if (certificate.status === 'revoked') return 'revoked';
  if (certificate.status === 'suspended') return 'suspended';
  if (date < certificate.validFrom) return 'notYetValid';
  if (date > certificate.validUntil) return 'expired';
  if (date > reviewDueOn(certificate, lastPassedReviewOn)) return 'reviewOverdue';
  return null;
}

/** Natural days from `today` to the last valid day (negative once expired). */
export const daysUntil = (today: string, date: string): number => daysBetween(today, date);

/** Today's calendar date in China, whatever the server's time zone. */
export const chinaToday = (now: Date = new Date()): string => shanghaiDate(now.toISOString());
