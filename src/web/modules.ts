import { platformModule } from './platform/module.tsx';
import { officersModule } from './modules/officers/module.tsx';
import { adminModule } from './modules/admin/module.tsx';
import { casesModule } from './modules/cases/module.tsx';
import { catalogsModule } from './modules/catalogs/module.tsx';
import { casefileReviewsModule } from './modules/casefile-reviews/module.tsx';
import { entitiesModule } from './modules/entities/module.tsx';
import { inspectionsModule } from './modules/inspections/module.tsx';
import type { MenuEntry, PageRoute, RecordActionForm, WebModule } from './platform/menu.ts';

/**
 * Every feature module of the web app, in menu order. A new module writes `modules/<name>/module.tsx`
 * exporting a `WebModule` and adds it here; nothing else changes.
 */
export const webModules: WebModule[] = [
  platformModule,
  casesModule,
  catalogsModule,
  casefileReviewsModule,
  entitiesModule,
  inspectionsModule,
  officersModule,
  adminModule,
];

export const menuEntries: MenuEntry[] = webModules.flatMap((module) => module.menu);
export const pageRoutes: PageRoute[] = webModules.flatMap((module) => module.routes);

const actionForms: RecordActionForm[] = webModules.flatMap((module) => module.actionForms ?? []);

/** The module's dialog for an action of this procedure; undefined when no module declares one. */
export function actionFormFor(procedureId: string): RecordActionForm['form'] | undefined {
  return actionForms.find((entry) => entry.procedureIds.includes(procedureId))?.form;
}
