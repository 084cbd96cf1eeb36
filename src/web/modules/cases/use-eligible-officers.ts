import { useMemo } from 'react';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { useMe } from '../../platform/auth.tsx';
import { useQuery } from '../../platform/use-query.ts';
import type { EligibleOfficers } from '../../../shared/platform/officers.ts';

export type EligibleOfficer = z.infer<typeof EligibleOfficers>['items'][number];
export type OfficerOption = { value: string; label: string };

/**
 * The officers of the user's organisation holding a valid certificate today: the only people a case,
 * an investigation or a hearing may be assigned to (行政处罚法第四十二条).
 */
export function useEligibleOfficers() {
  const me = useMe();
  const { data, error, loading } = useQuery<z.infer<typeof EligibleOfficers>>('/officers/eligible', {
    orgId: me.org.id,
    date: dayjs().format('YYYY-MM-DD'),
  });
  const officerOptions = useMemo<OfficerOption[]>(
    () =>
      (data?.items ?? []).map((officer) => ({
        value: officer.userId,
        label: `${officer.displayName}（${officer.certificateNumber}）`,
      })),
    [data],
  );
  return { officers: data?.items ?? [], officerOptions, error, loading };
}
