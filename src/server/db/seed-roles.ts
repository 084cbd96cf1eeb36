import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import {
  allPermissions,
  roleLabels,
  type Permission,
  type RoleId,
  type WriteScope,
} from '../../shared/platform/access.ts';
import { roles } from './tables.ts';

// 案卷评查 is done by the legal office and the leaders, never by the officers whose files are reviewed.
const reviewWork: Permission[] = ['casefileReviews.manage', 'casefileReviews.score'];
const everyDayWork: Permission[] = [
  'procedures.act',
  'files.upload',
  'documents.number',
  'documents.generate',
  'officers.read',
];

/** The roles of domain.md with their starting permissions; admins edit them afterwards. */
export const defaultRoles: Record<RoleId, { permissions: Permission[]; writeScope: WriteScope }> = {
  systemAdmin: { permissions: allPermissions, writeScope: 'subtree' },
  principal: {
    permissions: [...everyDayWork, ...reviewWork, 'audit.read', 'entities.manage'],
    writeScope: 'subtree',
  },
  deputyHead: {
    permissions: [...everyDayWork, ...reviewWork, 'audit.read', 'entities.manage'],
    writeScope: 'subtree',
  },
  // The section that plans inspections keeps the directory and the item list of its organisation.
  sectionHead: {
    permissions: [...everyDayWork, 'casefileReviews.score', 'entities.manage', 'inspectionItems.manage'],
    writeScope: 'own',
  },
  officer: { permissions: everyDayWork, writeScope: 'own' },
  legalReviewer: { permissions: [...everyDayWork, ...reviewWork], writeScope: 'subtree' },
  counsel: { permissions: ['files.upload'], writeScope: 'own' },
  complaintHandler: {
    permissions: ['procedures.act', 'files.upload', 'documents.number'],
    writeScope: 'own',
  },
  publicityCoordinator: { permissions: ['files.upload'], writeScope: 'own' },
};

/** Inserts missing roles; never overwrites permissions an admin has edited. */
export async function seedRoles(db: Db): Promise<void> {
  await db
    .insert(roles)
    .values(
      Object.entries(defaultRoles).map(([id, r]) => ({
        id,
        name: roleLabels[id as RoleId],
        permissions: r.permissions,
        writeScope: r.writeScope,
      })),
    )
    .onConflictDoNothing();
  // Keep the labels in step with the code; they are not admin data.
  for (const [id, name] of Object.entries(roleLabels)) {
    await db
      .update(roles)
      .set({ name })
      .where(sql`${roles.id} = ${id} and ${roles.name} <> ${name}`);
  }
}
