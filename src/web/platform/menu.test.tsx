import { describe, expect, it } from 'vitest';
import { findMenuEntry, visibleMenu, type MenuEntry } from './menu.ts';
import type { Me } from '../../shared/platform/auth.ts';

const menu: MenuEntry[] = [
  { key: 'workbench', label: '工作台', path: '/' },
  {
    key: 'officers',
    label: '执法人员',
    permission: 'officers.read',
    children: [
      { key: 'officers.list', label: '名录', path: '/officers' },
      { key: 'officers.eligible', label: '可执法', path: '/officers/eligible' },
    ],
  },
  {
    key: 'admin',
    label: '系统管理',
    children: [
      { key: 'admin.users', label: '用户', path: '/admin/users', permission: 'admin.users' },
      { key: 'admin.audit', label: '审计', path: '/admin/audit', permission: ['audit.read', 'audit.verify'] },
    ],
  },
];

function user(permissions: string[]): Me {
  return {
    id: 'u',
    username: 'u',
    displayName: 'U',
    org: { id: 'o', name: '机构', kind: 'institute' },
    roles: [],
    permissions,
    mustChangePassword: false,
  };
}

describe('visibleMenu', () => {
  it('hides entries without permission and groups with no visible child', () => {
    expect(visibleMenu(menu, user([])).map((entry) => entry.key)).toEqual(['workbench']);
  });

  it('shows a group with only the children the user may open', () => {
    const visible = visibleMenu(menu, user(['audit.verify']));
    expect(visible.map((entry) => entry.key)).toEqual(['workbench', 'admin']);
    expect(visible[1]?.children?.map((entry) => entry.key)).toEqual(['admin.audit']);
  });
});

describe('findMenuEntry', () => {
  it('selects the longest matching path and reports its groups', () => {
    expect(findMenuEntry(menu, '/officers/eligible')?.entry.key).toBe('officers.eligible');
    expect(findMenuEntry(menu, '/officers/123')).toMatchObject({
      entry: { key: 'officers.list' },
      parents: ['officers'],
    });
  });

  it('matches / only for the home page', () => {
    expect(findMenuEntry(menu, '/')?.entry.key).toBe('workbench');
    expect(findMenuEntry(menu, '/nowhere')).toBeUndefined();
  });
});
