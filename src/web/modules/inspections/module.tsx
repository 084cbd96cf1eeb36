import { UnorderedListOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';

/** 检查事项清单: the items that bind the user's organisation (its own and those adopted above it). */
export const inspectionsModule: WebModule = {
  menu: [
    {
      key: 'inspection-items',
      label: '检查事项清单',
      icon: <UnorderedListOutlined />,
      path: '/inspection-items',
    },
  ],
  routes: [
    {
      path: '/inspection-items',
      page: lazyPage(() => import('./inspection-items-page.tsx'), 'InspectionItemsPage'),
    },
  ],
};
