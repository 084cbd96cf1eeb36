import { DesktopOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from './menu.ts';

/** The platform's own pages: the workbench and the generic procedure record view. */
export const platformModule: WebModule = {
  menu: [{ key: 'workbench', label: '工作台', icon: <DesktopOutlined />, path: '/' }],
  routes: [
    { path: '/', page: lazyPage(() => import('./workbench-page.tsx'), 'WorkbenchPage') },
    {
      path: '/procedures/:procedureId/records/:recordId',
      title: '办理进程',
      page: lazyPage(() => import('./procedure-record-page.tsx'), 'ProcedureRecordPage'),
    },
  ],
};
