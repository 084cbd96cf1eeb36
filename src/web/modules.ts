import { platformModule } from './platform/module.tsx';
import { officersModule } from './modules/officers/module.tsx';
import { adminModule } from './modules/admin/module.tsx';
import { casesModule } from './modules/cases/module.tsx';
import { catalogsModule } from './modules/catalogs/module.tsx';
import { entitiesModule } from './modules/entities/module.tsx';
import { inspectionsModule } from './modules/inspections/module.tsx';
import type { MenuEntry, PageRoute, WebModule } from './platform/menu.ts';

/**
 * Every feature module of the web app, in menu order. A new module writes `modules/<name>/module.tsx`
 * exporting a `WebModule` and adds it here; nothing else changes.
 */
export const webModules: WebModule[] = [
  platformModule,
  casesModule,
  catalogsModule,
  entitiesModule,
  inspectionsModule,
  officersModule,
  adminModule,
];

export const menuEntries: MenuEntry[] = webModules.flatMap((module) => module.menu);
export const pageRoutes: PageRoute[] = webModules.flatMap((module) => module.routes);
