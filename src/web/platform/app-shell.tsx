import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useMe } from './auth.tsx';
import { findMenuEntry, visibleMenu, type MenuEntry } from './menu.ts';
import { NotificationBell } from './notification-bell.tsx';
import { useIsPhone } from './use-media-query.ts';
import { Logo } from './logo.tsx';

type MenuItems = NonNullable<MenuProps['items']>;

function toMenuItems(entries: MenuEntry[]): MenuItems {
  return entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: entry.label,
    children: entry.children ? toMenuItems(entry.children) : undefined,
  }));
}

function findByKey(entries: MenuEntry[], key: string): MenuEntry | undefined {
  for (const entry of entries) {
    if (entry.key === key) return entry;
    const found = entry.children ? findByKey(entry.children, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The signed-in frame: header, side menu (a drawer on phones) and the routed page. */
export function AppShell({ menu }: { menu: MenuEntry[] }) {
  const me = useMe();
  const { logout } = useAuth();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const entries = useMemo(() => visibleMenu(menu, me), [menu, me]);
  const current = findMenuEntry(entries, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(current?.parents ?? []);

  const currentParents = current?.parents.join('|') ?? '';
  useEffect(() => {
    // Opening a page from a link (not the menu) should still reveal its group.
    if (currentParents) setOpenKeys((keys) => [...new Set([...keys, ...currentParents.split('|')])]);
  }, [currentParents]);

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menuElement = (
    <Menu
      mode="inline"
      items={toMenuItems(entries)}
      selectedKeys={current ? [current.entry.key] : []}
      openKeys={collapsed && !isPhone ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        const path = findByKey(entries, key)?.path;
        if (path) navigate(path);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userItems: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ lineHeight: 1.4 }}>
          <div style={{ color: '#1f2937' }}>{me.displayName}</div>
          <div style={{ fontSize: 12 }}>{me.roles.map((role) => role.name).join('、') || '无角色'}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          display: 'flex',
          alignItems: 'center',
          gap: isPhone ? 8 : 16,
          padding: isPhone ? '0 8px' : '0 24px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        {isPhone && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <a
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
          aria-label="法治 工作台"
          style={{ display: 'inline-flex', alignItems: 'center' }}
        >
          <Logo compact={isPhone} />
        </a>
        <div style={{ flex: 1 }} />
        {!isPhone && (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }} data-testid="org-name">
            {me.org.name}
          </Typography.Text>
        )}
        <NotificationBell />
        <Dropdown
          trigger={['click']}
          menu={{
            items: userItems,
            onClick: ({ key }) => {
              if (key === 'password') navigate('/change-password');
              if (key === 'logout') void logout();
            },
          }}
        >
          <Button type="text" aria-label="用户菜单" style={{ paddingInline: 4 }}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
            {!isPhone && <span>{me.displayName}</span>}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider
            theme="light"
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{ borderInlineEnd: '1px solid #f0f0f0' }}
          >
            <nav aria-label="主菜单">{menuElement}</nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          {isPhone && (
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} ellipsis>
              {me.org.name}
            </Typography.Text>
          )}
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Logo compact />}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label="主菜单">{menuElement}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
