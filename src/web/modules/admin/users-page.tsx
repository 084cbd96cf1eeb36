import { useState } from 'react';
import { Button, Card, Input, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RecordTable } from '../../platform/record-table.tsx';
import { OrgSelect } from '../../platform/org-tree.tsx';
import { UserFormModal } from './user-form-modal.tsx';
import { roleLabels } from '../../../shared/platform/access.ts';
import type { User } from '../../../shared/platform/orgs.ts';

export function UsersPage() {
  const [orgId, setOrgId] = useState<string>();
  const [q, setQ] = useState('');
  // The user stays in state while the modal animates closed, so its title does not flicker.
  const [modal, setModal] = useState<{ open: boolean; user?: User }>({ open: false });
  const [refreshKey, setRefreshKey] = useState(0);

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '所属机构', dataIndex: 'orgName', responsive: ['md'] },
    {
      title: '角色',
      dataIndex: 'roleIds',
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roleIds.map((id) => (
            <Tag key={id}>{roleLabels[id]}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'isActive',
      render: (_, user) => (user.isActive ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
    },
    {
      title: '手机号',
      dataIndex: 'phone',
      responsive: ['lg'],
      render: (phone: string | null) => phone ?? '—',
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Button
          type="link"
          size="small"
          onClick={() => setModal({ open: true, user })}
          style={{ paddingInline: 0 }}
        >
          编辑
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        用户管理
      </Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <OrgSelect
            allowClear
            value={orgId}
            onChange={setOrgId}
            style={{ width: 240 }}
            placeholder="全部机构"
          />
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 220 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true })}>
            新增用户
          </Button>
        </Space>
        <RecordTable<User>
          path="/users"
          query={{ orgId, q }}
          columns={columns}
          rowKey="id"
          refreshKey={refreshKey}
        />
      </Card>
      <UserFormModal
        open={modal.open}
        user={modal.user}
        onClose={() => setModal((current) => ({ ...current, open: false }))}
        onSaved={() => setRefreshKey((key) => key + 1)}
      />
    </Space>
  );
}
