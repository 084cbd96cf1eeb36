import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';

/** 行政处罚: the case register, lead registration and each case's procedure, documents and evidence. */
// The procedure ids are spelled here, not imported, so the case pages stay out of the first bundle.
export const casesModule: WebModule = {
  menu: [
    {
      key: 'cases',
      label: '行政处罚',
      icon: <AuditOutlined />,
      path: '/cases',
      permission: 'procedures.act',
    },
  ],
  routes: [
    {
      path: '/cases',
      permission: 'procedures.act',
      page: lazyPage(() => import('./case-list-page.tsx'), 'CaseListPage'),
    },
    {
      path: '/cases/:id',
      permission: 'procedures.act',
      title: '案件详情',
      page: lazyPage(() => import('./case-detail-page.tsx'), 'CaseDetailPage'),
    },
  ],
  actionForms: [
    {
      procedureIds: ['penaltyCase.ordinary', 'penaltyCase.simple'],
      form: lazy(() =>
        import('./case-action-modal.tsx').then((loaded) => ({ default: loaded.CaseActionModal })),
      ),
    },
  ],
};
