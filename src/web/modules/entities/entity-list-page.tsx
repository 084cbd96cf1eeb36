import { useCallback, useState } from 'react';
import {
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useAuth } from '../../platform/auth.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  creditLevelLabels,
  entityStatusLabels,
  riskLevelLabels,
  type Entity,
} from '../../../shared/entities/payloads.ts';
import { EntityFormModal } from './entity-form-modal.tsx';
import { EntityImportModal } from './entity-import-modal.tsx';
import { EntityCases, EntityDetails, entityLink } from './entity-details.tsx';
import { categoryOptions, creditOptions, labelOf, riskOptions, statusOptions } from './entity-labels.ts';

const riskColors: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };

function columns(isPhone: boolean): TableColumnsType<Entity> {
  return [
    {
      title: '单位名称',
      dataIndex: 'name',
      render: (name: string, row) => (
        <div style={{ minWidth: isPhone ? 150 : 200, whiteSpace: 'normal' }}>
          {name}
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.category} · {row.uscc}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', responsive: ['md'] },
    { title: '类别', dataIndex: 'category', responsive: ['sm'] },
    { title: '区划', dataIndex: 'areaCode', responsive: ['lg'] },
    {
      title: '风险',
      dataIndex: 'riskLevel',
      render: (value: Entity['riskLevel']) =>
        value ? <Tag color={riskColors[value]}>{riskLevelLabels[value]}</Tag> : '未评定',
    },
    {
      title: '信用',
      dataIndex: 'creditLevel',
      responsive: ['md'],
      render: (value: Entity['creditLevel']) => labelOf(creditLevelLabels, value),
    },
    {
      title: '状态',
      dataIndex: 'status',
      responsive: ['sm'],
      render: (value: Entity['status']) => entityStatusLabels[value],
    },
    { title: '所属机构', dataIndex: 'orgName', responsive: ['xl'] },
  ];
}

type Filters = {
  q?: string;
  category?: string;
  riskLevel?: string;
  creditLevel?: string;
  status?: string;
  areaCode?: string;
};

/** 检查对象名录库: the directory of the user's organisation and those below it, filtered and searched on the server. */
export function EntityListPage() {
  const { can } = useAuth();
  const canManage = can('entities.manage');
  const isPhone = useIsPhone();
  const [filters, setFilters] = useState<Filters>({});
  const [refreshKey, setRefreshKey] = useState(0);
  const [selected, setSelected] = useState<Entity>();
  const [editing, setEditing] = useState<{ entity?: Entity }>();
  const [importing, setImporting] = useState(false);
  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  const setFilter = (key: keyof Filters) => (value: string | undefined) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));
  const selectStyle = { width: isPhone ? '100%' : 150 };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          检查对象名录库
        </Typography.Title>
        {canManage && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
              登记
            </Button>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
          </Space>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} vertical={isPhone}>
          <Input.Search
            placeholder="单位名称或统一社会信用代码"
            allowClear
            onSearch={(value) => setFilter('q')(value.trim())}
            style={{ width: isPhone ? '100%' : 260 }}
            aria-label="查找检查对象"
          />
          <Select
            placeholder="类别"
            allowClear
            options={categoryOptions}
            onChange={setFilter('category')}
            style={selectStyle}
          />
          <Select
            placeholder="风险等级"
            allowClear
            options={riskOptions}
            onChange={setFilter('riskLevel')}
            style={selectStyle}
          />
          <Select
            placeholder="信用等级"
            allowClear
            options={creditOptions}
            onChange={setFilter('creditLevel')}
            style={selectStyle}
          />
          <Select
            placeholder="状态"
            allowClear
            options={statusOptions}
            onChange={setFilter('status')}
            style={selectStyle}
          />
          <Input.Search
            placeholder="区划代码前缀，如 3301"
            allowClear
            inputMode="numeric"
            maxLength={6}
            onSearch={(value) => setFilter('areaCode')(/^\d{2,6}$/.test(value) ? value : undefined)}
            style={{ width: isPhone ? '100%' : 200 }}
            aria-label="按行政区划筛选"
          />
        </Flex>
      </Card>
      <RecordTable<Entity>
        path="/entities"
        query={filters}
        columns={columns(isPhone)}
        rowKey="id"
        refreshKey={refreshKey}
        emptyText="没有符合条件的检查对象"
        onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
      />
      <Drawer
        open={selected !== undefined}
        title={selected?.name}
        onClose={() => setSelected(undefined)}
        size={isPhone ? '100%' : 560}
        extra={
          canManage &&
          selected && (
            <Button icon={<EditOutlined />} onClick={() => setEditing({ entity: selected })}>
              修改
            </Button>
          )
        }
      >
        {selected && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <EntityDetails entity={selected} />
            <Link to={entityLink(selected.id)}>打开检查对象页面</Link>
            {can('procedures.act') && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  行政处罚案件
                </Typography.Title>
                <EntityCases entityId={selected.id} />
              </>
            )}
          </Space>
        )}
      </Drawer>
      {canManage && (
        <EntityFormModal
          open={editing !== undefined}
          entity={editing?.entity}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setSelected(undefined);
            refresh();
          }}
        />
      )}
      {canManage && (
        <EntityImportModal open={importing} onClose={() => setImporting(false)} onImported={refresh} />
      )}
    </Space>
  );
}
