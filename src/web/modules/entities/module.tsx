import { ShopOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';

/** 检查对象名录库: every user reads the directory of their subtree; 'entities.manage' registers, edits and imports. */
export const entitiesModule: WebModule = {
  menu: [{ key: 'entities', label: '检查对象名录库', icon: <ShopOutlined />, path: '/entities' }],
  routes: [
    { path: '/entities', page: lazyPage(() => import('./entity-list-page.tsx'), 'EntityListPage') },
    {
      path: '/entities/:id',
      title: '检查对象',
      page: lazyPage(() => import('./entity-detail-page.tsx'), 'EntityDetailPage'),
    },
  ],
};
