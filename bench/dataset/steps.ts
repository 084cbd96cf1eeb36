// The registered dataset steps, run in this order in one transaction. A new capability adds its file here.
import type { DatasetStep } from './context.ts';
import { orgsAndOfficers } from './orgs-and-officers.ts';
import { penaltyCases } from './penalty-cases.ts';

export const datasetSteps: DatasetStep[] = [
  orgsAndOfficers,
  // Later steps draw orgs and officers from ctx.world.
  penaltyCases,
];
