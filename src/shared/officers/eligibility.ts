import type { Ineligibility } from '../platform/officers.ts';

export type CertificateFacts = { validFrom: string; validUntil: string; status: 'valid' | 'suspended' | 'revoked' };

// 执法证年审: a certificate must pass its annual review within 12 months of issue or of the last review.
export const reviewIntervalMonths = 12;
export const certificateExpiryWarningDays = 60;

function addMonthsIso(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The date by which the next annual review must have passed (issue date or last passed review + 12 months). */
export function reviewDueOn(certificate: CertificateFacts, lastPassedReviewOn: string | null): string {
  const base = lastPassedReviewOn && lastPassedReviewOn > certificate.validFrom ? lastPassedReviewOn : certificate.validFrom;
  return addMonthsIso(base, reviewIntervalMonths);
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
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today's calendar date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
