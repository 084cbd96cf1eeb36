import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { api, errorMessage } from '../../api.ts';
import { useQuery } from '../../platform/use-query.ts';
import type { Role, RoleList, UpdateRoleInput } from '../../../shared/platform/orgs.ts';
import { roleIds, type WriteScope } from '../../../shared/platform/access.ts';
import type { z } from 'zod';

type RolesResponse = z.infer<typeof RoleList>;
type Draft = Record<string, { permissions: string[]; writeScope: WriteScope }>;
type MatrixRow = { key: string; label: string; kind: 'permission' | 'writeScope' };

const writeScopeOptions: { value: WriteScope; label: string }[] = [
  { value: 'own', label: '仅本机构' },
  { value: 'subtree', label: '本机构及下级' },
];

function toDraft(roles: Role[]): Draft {
  return Object.fromEntries(
    roles.map((role) => [role.id, { permissions: [...role.permissions], writeScope: role.writeScope }]),
  );
}

function isDirty(role: Role, draft: Draft[string] | undefined): boolean {
  if (!draft) return false;
  const a = [...role.permissions].sort().join(',');
  const b = [...draft.permissions].sort().join(',');
  return a !== b || role.writeScope !== draft.writeScope;
}

/** Permission matrix: one column per role, one row per permission, plus each role's write scope. */
export function RolesPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useQuery<RolesResponse>('/roles');
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data) setDraft(toDraft(data.items));
  }, [data]);

  // Columns in the catalogue's order (officer … systemAdmin), whatever order the server sends.
  const roles = [...(data?.items ?? [])].sort((a, b) => roleIds.indexOf(a.id) - roleIds.indexOf(b.id));
  const dirtyRoles = roles.filter((role) => isDirty(role, draft[role.id]));

  function toggle(roleId: string, permission: string, checked: boolean) {
    setDraft((current) => {
      const entry = current[roleId];
      if (!entry) return current;
      const permissions = checked
        ? [...new Set([...entry.permissions, permission])]
        : entry.permissions.filter((key) => key !== permission);
      return { ...current, [roleId]: { ...entry, permissions } };
    });
  }

  async function save() {
    setSaving(true);
    const failed: string[] = [];
    for (const role of dirtyRoles) {
      const entry = draft[role.id];
      if (!entry) continue;
      const body: UpdateRoleInput = { permissions: entry.permissions, writeScope: entry.writeScope };
      try {
        await api.put(`/roles/${encodeURIComponent(role.id)}`, body);
      } catch (caught) {
        failed.push(`${role.name}：${errorMessage(caught)}`);
      }
    }
    setSaving(false);
    if (failed.length > 0) message.error(`部分角色保存失败。${failed.join('；')}`);
    else message.success(`已保存 ${dirtyRoles.length} 个角色的权限`);
    reload();
  }

  const rows: MatrixRow[] = [
    ...(data?.permissions ?? []).map((permission) => ({ ...permission, kind: 'permission' as const })),
    { key: '__writeScope', label: '写入范围', kind: 'writeScope' },
  ];

  const columns: TableColumnsType<MatrixRow> = [
    {
      title: '权限',
      dataIndex: 'label',
      fixed: 'left',
      width: 200,
      render: (_, row) =>
        row.kind === 'writeScope' ? (
          <Typography.Text strong>写入范围</Typography.Text>
        ) : (
          <div>
            <div>{row.label}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.key}
            </Typography.Text>
          </div>
        ),
    },
    ...roles.map((role) => ({
      title: (
        <span>
          {role.name}
          {isDirty(role, draft[role.id]) && (
            <Tag color="orange" style={{ marginInlineStart: 4 }}>
              已修改
            </Tag>
          )}
        </span>
      ),
      key: role.id,
      align: 'center' as const,
      width: 130,
      render: (_: unknown, row: MatrixRow) => {
        const entry = draft[role.id];
        if (!entry) return null;
        if (row.kind === 'writeScope') {
          return (
            <Select<WriteScope>
              size="small"
              value={entry.writeScope}
              options={writeScopeOptions}
              popupMatchSelectWidth={false}
              onChange={(writeScope) =>
                setDraft((current) => ({ ...current, [role.id]: { ...entry, writeScope } }))
              }
            />
          );
        }
        return (
          <Checkbox
            aria-label={`${role.name}：${row.label}`}
            checked={entry.permissions.includes(row.key)}
            onChange={(event) => toggle(role.id, row.key, event.target.checked)}
          />
        );
      },
    })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        角色权限
      </Typography.Title>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Card
        size="small"
        title="权限矩阵"
        extra={
          <Space>
            <Button
              disabled={dirtyRoles.length === 0 || saving}
              onClick={() => data && setDraft(toDraft(data.items))}
            >
              撤销修改
            </Button>
            <Button
              type="primary"
              disabled={dirtyRoles.length === 0}
              loading={saving}
              onClick={() => void save()}
            >
              保存{dirtyRoles.length > 0 ? `（${dirtyRoles.length}个角色）` : ''}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          写入范围“仅本机构”表示该角色只能修改本机构的数据；“本机构及下级”表示还可修改所有下级机构的数据。查看范围始终为本机构及下级。
        </Typography.Paragraph>
        <Table<MatrixRow>
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          bordered
        />
      </Card>
    </Space>
  );
}
