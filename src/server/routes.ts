import type { App, RouteContext } from './platform/http.ts';
import { registerHealthRoutes } from './platform/health-routes.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { registerOrgRoutes } from './platform/orgs/routes.ts';
import { registerOfficerRoutes } from './platform/officers/routes.ts';
import { registerCalendarRoutes } from './platform/calendar/routes.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { registerFileRoutes } from './platform/files/routes.ts';
import { registerNumberingRoutes } from './platform/numbering/routes.ts';
import { registerProcedureRoutes } from './platform/procedure-engine/routes.ts';
import { registerCaseRoutes } from './modules/cases/routes.ts';
import { registerCaseFileRoutes } from './modules/cases/case-file-routes.ts';
import { registerCatalogRoutes } from './modules/cases/catalog-routes.ts';
import { registerMetricRoutes } from './platform/metrics/routes.ts';
import { registerCasefileReviewRoutes } from './modules/casefile-reviews/routes.ts';
import { registerEntityRoutes } from './modules/entities/routes.ts';
import { registerInspectionItemRoutes } from './modules/inspections/routes.ts';

/** Every route module, in one list: the app registers them and the access test walks them. */
export const routeModules: Array<(app: App, ctx: RouteContext) => void> = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerOrgRoutes,
  registerOfficerRoutes,
  registerCalendarRoutes,
  registerAuditRoutes,
  registerFileRoutes,
  registerNumberingRoutes,
  registerProcedureRoutes,
  registerCaseRoutes,
  registerCaseFileRoutes,
  registerCatalogRoutes,
  registerCasefileReviewRoutes,
  registerMetricRoutes,
  registerEntityRoutes,
  registerInspectionItemRoutes,
];
