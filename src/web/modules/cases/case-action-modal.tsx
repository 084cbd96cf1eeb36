import { useMemo } from 'react';
import type { z } from 'zod';
import type { RecordActionFormProps } from '../../platform/menu.ts';
import { useQuery } from '../../platform/use-query.ts';
import { ordinaryActionInputs, simpleActionInputs } from '../../../shared/cases/procedure.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';
import { ActionModal } from './action-modal.tsx';
import { useEligibleOfficers, type OfficerOption } from './use-eligible-officers.ts';

function inputSchemaFor(procedureId: string, action: string): z.ZodType | undefined {
  const inputs: Partial<Record<string, z.ZodType>> =
    procedureId === 'penaltyCase.simple' ? simpleActionInputs : ordinaryActionInputs;
  return Object.hasOwn(inputs, action) ? inputs[action] : undefined;
}

/** What the case already says, offered as the starting values of an action's form. */
function knownValues(detail: CaseDetail | undefined, action: string): Record<string, unknown> {
  if (!detail) return {};
  const officerIds = detail.officers.map((officer) => officer.userId);
  const known: Record<string, unknown> = { source: detail.source, officerIds, caseOfficerIds: officerIds };
  if (action === 'registerLead' && detail.facts) known.summary = detail.facts;
  if (action === 'file') known.cause = detail.title;
  return known;
}

/** The eligible officers, plus the case's own officers who are not eligible today (shown, not pickable). */
function officerChoices(
  eligible: OfficerOption[],
  detail: CaseDetail | undefined,
): (OfficerOption & { disabled?: boolean })[] {
  const known = new Set(eligible.map((option) => option.value));
  const missing = (detail?.officers ?? [])
    .filter((officer) => !known.has(officer.userId))
    .map((officer) => ({
      value: officer.userId,
      label: `${officer.displayName}（今日无有效执法证）`,
      disabled: true,
    }));
  return [...eligible, ...missing];
}

/**
 * One action of a penalty case with the form its input schema describes, wherever it is taken: the case
 * page passes the case it holds; the workbench drawer passes none and the case is fetched here.
 */
export function CaseActionModal({
  procedureId,
  recordId,
  action,
  detail,
  onClose,
  onDone,
}: RecordActionFormProps & { detail?: CaseDetail }) {
  const fetched = useQuery<CaseDetail>(detail || !action ? null : `/cases/${encodeURIComponent(recordId)}`);
  const current = detail ?? fetched.data;
  const { officerOptions } = useEligibleOfficers();
  const choices = useMemo(() => officerChoices(officerOptions, current), [officerOptions, current]);
  const known = useMemo(() => (action ? knownValues(current, action.action) : {}), [current, action]);
  // Wait for the case so the form starts from what it already holds (the form reads defaults once).
  const ready = detail !== undefined || fetched.data !== undefined || fetched.error !== undefined;
  return (
    <ActionModal
      procedureId={procedureId}
      recordId={recordId}
      action={ready ? action : undefined}
      schema={action ? inputSchemaFor(procedureId, action.action) : undefined}
      known={known}
      officerOptions={choices}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
