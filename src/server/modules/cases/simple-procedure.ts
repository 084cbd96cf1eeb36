import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isSimpleProcedureAllowed } from '../../../shared/cases/penalties.ts';
import type { CaseDetail, CreateSimpleCaseInput } from '../../../shared/cases/records.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { transition } from '../../platform/procedure-engine/engine.ts';
import { createCase, getCase } from './service.ts';
import { generateCaseDocument } from './documents.ts';
import './procedures.ts';

/**
 * 当场处罚 (简易程序): refused above 行政处罚法第五十一条's thresholds before anything is written; then the case,
 * its numbered 当场行政处罚决定书 and the recorded decision (which starts the 15-day payment clock).
 */
export async function createSimpleCase(
  db: Db,
  actor: Actor,
  filesDir: string,
  input: CreateSimpleCaseInput,
): Promise<CaseDetail> {
  const facts = { partyKind: input.party.kind, penaltyKinds: input.penaltyKinds, fineFen: input.fineFen };
  const allowed = isSimpleProcedureAllowed(facts);
  if (allowed !== true)
    throw new AppError(422, 'UNPROCESSABLE', allowed, [{ path: 'fineFen', message: allowed }]);
  const created = await createCase(
    db,
    actor,
    {
      title: input.title,
      source: 'inspection',
      party: input.party,
      facts: input.facts,
      assigneeId: actor.userId,
      officerIds: input.officerIds,
    },
    { procedure: 'simple', actDate: input.decidedOn },
  );
  await generateCaseDocument(db, actor, filesDir, created.id, 'simplePenaltyDecision');
  await inTransaction(db, (tx) =>
    transition(tx, {
      procedureId: 'penaltyCase.simple',
      recordId: created.id,
      action: 'recordOnSpotDecision',
      actor,
      input: { ...facts, decidedOn: input.decidedOn, place: input.place, officerIds: input.officerIds },
    }),
  );
  return getCase(db, actor, created.id);
}
