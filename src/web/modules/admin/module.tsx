import { SettingOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';

/** 系统管理: organisations, accounts, roles, the working-day calendar and the audit log. */
export const adminModule: WebModule = {
  menu: [
    {
      key: 'admin',
      label: '系统管理',
      icon: <SettingOutlined />,
      children: [
        { key: 'admin.orgs', label: '组织机构', path: '/admin/orgs', permission: 'admin.orgs' },
        { key: 'admin.users', label: '用户管理', path: '/admin/users', permission: 'admin.users' },
        { key: 'admin.roles', label: '角色权限', path: '/admin/roles', permission: 'admin.roles' },
        { key: 'admin.calendar', label: '工作日历', path: '/admin/calendar', permission: 'admin.calendar' },
        {
          key: 'admin.audit',
          label: '审计日志',
          path: '/admin/audit',
          permission: ['audit.read', 'audit.verify'],
        },
      ],
    },
  ],
  routes: [
    {
      path: '/admin/orgs',
      permission: 'admin.orgs',
      page: lazyPage(() => import('./orgs-page.tsx'), 'OrgsPage'),
    },
    {
      path: '/admin/users',
      permission: 'admin.users',
      page: lazyPage(() => import('./users-page.tsx'), 'UsersPage'),
    },
    {
      path: '/admin/roles',
      permission: 'admin.roles',
      page: lazyPage(() => import('./roles-page.tsx'), 'RolesPage'),
    },
    {
      path: '/admin/calendar',
      permission: 'admin.calendar',
      page: lazyPage(() => import('./calendar-page.tsx'), 'CalendarPage'),
    },
    {
      path: '/admin/audit',
      permission: ['audit.read', 'audit.verify'],
      page: lazyPage(() => import('./audit-page.tsx'), 'AuditPage'),
    },
  ],
};
