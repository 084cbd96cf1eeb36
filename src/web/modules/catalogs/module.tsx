import { BookOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';
import type { PermissionRequirement } from '../../platform/auth.tsx';

/** Officers read the catalogs while deciding a penalty; 'catalogs.manage' also imports them. */
export const catalogsReadPermission: PermissionRequirement = ['procedures.act', 'catalogs.manage'];

/** 裁量基准 and 减免清单: the catalogs that bind the organisation, and their CSV import. */
export const catalogsModule: WebModule = {
  menu: [
    {
      key: 'catalogs',
      label: '裁量基准',
      icon: <BookOutlined />,
      path: '/catalogs',
      permission: catalogsReadPermission,
    },
  ],
  routes: [
    {
      path: '/catalogs',
      permission: catalogsReadPermission,
      page: lazyPage(() => import('./catalogs-page.tsx'), 'CatalogsPage'),
    },
  ],
};
