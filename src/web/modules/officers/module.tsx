import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';

/** 执法人员: certificates, 年审, training and exams, and who may enforce on a given day. */
export const officersModule: WebModule = {
  menu: [
    {
      key: 'officers',
      label: '执法人员',
      icon: <SafetyCertificateOutlined />,
      permission: 'officers.read',
      children: [
        { key: 'officers.list', label: '执法人员名录', path: '/officers', permission: 'officers.read' },
        {
          key: 'officers.eligible',
          label: '可执法人员查询',
          path: '/officers/eligible',
          permission: 'officers.read',
        },
      ],
    },
  ],
  routes: [
    {
      path: '/officers',
      permission: 'officers.read',
      page: lazyPage(() => import('./officer-list-page.tsx'), 'OfficerListPage'),
    },
    {
      path: '/officers/eligible',
      permission: 'officers.read',
      page: lazyPage(() => import('./eligible-officers-page.tsx'), 'EligibleOfficersPage'),
    },
    {
      path: '/officers/:userId',
      permission: 'officers.read',
      title: '执法人员详情',
      page: lazyPage(() => import('./officer-detail-page.tsx'), 'OfficerDetailPage'),
    },
  ],
};
