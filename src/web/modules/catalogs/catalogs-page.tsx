import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, ImportOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { useAuth } from '../../platform/auth.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type { MitigationRuleSummary, ViolationTypeSummary } from '../../../shared/cases/catalogs.ts';
import { mitigationListKindLabels } from '../../../shared/cases/mitigation.ts';
import { ImportCsvModal } from './import-csv-modal.tsx';
import { MitigationRuleEditDrawer, ViolationTypeEditDrawer } from './catalog-edit-drawers.tsx';
import { PenaltySettingsTab } from './penalty-settings-tab.tsx';

type ViolationType = z.infer<typeof ViolationTypeSummary>;
type Tier = ViolationType['tiers'][number];
type MitigationRule = z.infer<typeof MitigationRuleSummary>;

const benchmarkColumnsHint =
  'source_id, 文件, 专业, 序号, 违法行为, 法律依据与处罚依据, 裁量阶次, 适用情形, 裁量标准或罚款幅度';
const mitigationColumnsHint =
  'source_id, 文件, 清单类型, 序号, 事项或违法行为, 处罚依据或实施依据, 情形, 适用条件, 配套监管措施';

function listKindLabel(kind: string): string {
  return Object.hasOwn(mitigationListKindLabels, kind)
    ? mitigationListKindLabels[kind as keyof typeof mitigationListKindLabels]
    : kind;
}

/** Long legal text folded to a few lines, expandable in place. */
function Folded({ text, width, rows = 2 }: { text: string; width: number; rows?: number }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph
      ellipsis={{ rows, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}
      style={{ width, margin: 0, whiteSpace: 'pre-wrap' }}
    >
      {text}
    </Typography.Paragraph>
  );
}

const tierColumns: TableColumnsType<Tier> = [
  {
    title: '阶次',
    dataIndex: 'label',
    render: (_, tier) => <Tag color="blue">{tier.label || tier.tier}</Tag>,
  },
  {
    title: '适用情形',
    dataIndex: 'circumstances',
    render: (value: string) => (
      <div style={{ minWidth: 200, maxWidth: 400, whiteSpace: 'pre-wrap' }}>{value || '—'}</div>
    ),
  },
  {
    title: '裁量标准',
    dataIndex: 'standard',
    render: (value: string) => (
      <div style={{ minWidth: 200, maxWidth: 400, whiteSpace: 'pre-wrap' }}>{value || '—'}</div>
    ),
  },
];

function TierTable({ tiers }: { tiers: Tier[] }) {
  return (
    <div data-testid="violation-tiers">
      <Table<Tier>
        size="small"
        rowKey={(tier) => tier.tier}
        columns={tierColumns}
        dataSource={tiers}
        pagination={false}
      />
    </div>
  );
}

/** 编辑 for a row the user's organisation adopted (a catalog adopted above is edited there). */
function editColumn<T extends { orgId?: string }>(
  canEdit: (row: T) => boolean,
  onEdit: (row: T) => void,
): TableColumnsType<T>[number] {
  return {
    title: '操作',
    key: 'actions',
    fixed: 'right',
    render: (_, row) =>
      canEdit(row) ? (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(row)}>
          编辑
        </Button>
      ) : null,
  };
}

function violationColumns(isPhone: boolean): TableColumnsType<ViolationType> {
  return [
    { title: '编号', dataIndex: 'code', responsive: ['lg'] },
    { title: '专业', dataIndex: 'specialty', responsive: ['md'] },
    {
      title: '违法行为',
      dataIndex: 'title',
      render: (value: string, row) => (
        <div style={{ minWidth: isPhone ? 160 : 220, maxWidth: isPhone ? 200 : 280, whiteSpace: 'normal' }}>
          {value}
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.specialty} · {row.tiers.length} 个阶次
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: '法律依据与处罚依据',
      dataIndex: 'legalBasis',
      responsive: ['md'],
      render: (value: string) => <Folded text={value} width={300} />,
    },
    {
      title: '阶次',
      dataIndex: 'tiers',
      responsive: ['sm'],
      render: (tiers: Tier[]) => `${tiers.length} 个`,
    },
    {
      title: '来源',
      dataIndex: 'source',
      responsive: ['xxl'],
      render: (value: string) => <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{value}</div>,
    },
  ];
}

function mitigationColumns(isPhone: boolean): TableColumnsType<MitigationRule> {
  return [
    { title: '编号', dataIndex: 'code', responsive: ['lg'] },
    {
      title: '清单类型',
      dataIndex: 'listKind',
      responsive: ['md'],
      render: (value: string) => <Tag>{listKindLabel(value)}</Tag>,
    },
    {
      title: '事项',
      dataIndex: 'matter',
      render: (value: string, row) => (
        <div style={{ minWidth: isPhone ? 160 : 220, maxWidth: isPhone ? 200 : 300, whiteSpace: 'normal' }}>
          {value}
          {row.isActive === false && (
            <Tag color="default" style={{ marginInlineStart: 6 }}>
              已停用
            </Tag>
          )}
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {listKindLabel(row.listKind)}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: '依据',
      dataIndex: 'basis',
      responsive: ['md'],
      render: (value: string) => <Folded text={value} width={280} />,
    },
    {
      title: '适用条件',
      dataIndex: 'conditions',
      responsive: ['sm'],
      render: (conditions: string[]) =>
        conditions.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <ol
            style={{ margin: 0, paddingInlineStart: 18, minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }}
          >
            {conditions.map((condition, index) => (
              <li key={index}>{condition}</li>
            ))}
          </ol>
        ),
    },
    {
      title: '来源',
      dataIndex: 'source',
      responsive: ['xxl'],
      render: (value: string) => <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{value}</div>,
    },
  ];
}

type CatalogTabProps = {
  canImport: boolean;
  canEdit: (row: { orgId?: string }) => boolean;
  onEdited: () => void;
  onImport: () => void;
  refreshKey: number;
};

function Toolbar({
  placeholder,
  onSearch,
  canImport,
  onImport,
}: {
  placeholder: string;
  onSearch: (q: string) => void;
  canImport: boolean;
  onImport: () => void;
}) {
  const isPhone = useIsPhone();
  return (
    <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={placeholder}
        aria-label="按名称查找"
        maxLength={50}
        onSearch={(value) => onSearch(value.trim())}
        style={{ width: isPhone ? '100%' : 300 }}
      />
      {canImport && (
        <Button icon={<ImportOutlined />} onClick={onImport}>
          导入 CSV
        </Button>
      )}
    </Flex>
  );
}

function ViolationTypesTab({ canImport, canEdit, onImport, onEdited, refreshKey }: CatalogTabProps) {
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<ViolationType>();
  return (
    <>
      <Toolbar placeholder="违法行为名称" onSearch={setQ} canImport={canImport} onImport={onImport} />
      <RecordTable<ViolationType>
        path="/catalogs/violation-types"
        query={{ q }}
        columns={[...violationColumns(isPhone), editColumn<ViolationType>(canEdit, setEditing)]}
        rowKey="id"
        refreshKey={refreshKey}
        emptyText="本机构尚无适用的裁量基准"
        expandable={{
          expandedRowRender: (row) => <TierTable tiers={row.tiers} />,
          rowExpandable: (row) => row.tiers.length > 0,
        }}
      />
      <ViolationTypeEditDrawer
        row={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          onEdited();
        }}
      />
    </>
  );
}

function MitigationRulesTab({ canImport, canEdit, onImport, onEdited, refreshKey }: CatalogTabProps) {
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<MitigationRule>();
  return (
    <>
      <Toolbar placeholder="事项名称" onSearch={setQ} canImport={canImport} onImport={onImport} />
      <RecordTable<MitigationRule>
        path="/catalogs/mitigation-rules"
        query={{ q, includeInactive: canImport ? true : undefined }}
        columns={[...mitigationColumns(isPhone), editColumn<MitigationRule>(canEdit, setEditing)]}
        rowKey="id"
        refreshKey={refreshKey}
        emptyText="本机构尚无适用的减免清单"
      />
      <MitigationRuleEditDrawer
        row={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          onEdited();
        }}
      />
    </>
  );
}

type ImportKind = 'benchmarks' | 'mitigations';
type CatalogTab = ImportKind | 'settings';

/** 裁量基准 and 减免清单 that apply to the user's organisation (its own and those adopted from above). */
export function CatalogsPage() {
  const { can, me } = useAuth();
  const canImport = can('catalogs.manage');
  const canEdit = (row: { orgId?: string }) =>
    canImport && row.orgId !== undefined && row.orgId === me?.org.id;
  const refresh = (kind: ImportKind) => setRefreshKeys((keys) => ({ ...keys, [kind]: keys[kind] + 1 }));
  const [tab, setTab] = useState<CatalogTab>('benchmarks');
  const [importing, setImporting] = useState<ImportKind>();
  const [refreshKeys, setRefreshKeys] = useState({ benchmarks: 0, mitigations: 0 });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        裁量基准与减免清单
      </Typography.Title>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key === 'mitigations' || key === 'settings' ? key : 'benchmarks')}
          items={[
            {
              key: 'benchmarks',
              label: '裁量基准',
              children: (
                <ViolationTypesTab
                  canImport={canImport}
                  canEdit={canEdit}
                  onEdited={() => refresh('benchmarks')}
                  onImport={() => setImporting('benchmarks')}
                  refreshKey={refreshKeys.benchmarks}
                />
              ),
            },
            {
              key: 'mitigations',
              label: '减免清单',
              children: (
                <MitigationRulesTab
                  canImport={canImport}
                  canEdit={canEdit}
                  onEdited={() => refresh('mitigations')}
                  onImport={() => setImporting('mitigations')}
                  refreshKey={refreshKeys.mitigations}
                />
              ),
            },
            {
              key: 'settings',
              label: '处罚标准',
              children: <PenaltySettingsTab canEdit={canImport} />,
            },
          ]}
        />
      </Card>
      {canImport && (
        <ImportCsvModal
          open={importing !== undefined}
          title={importing === 'mitigations' ? '导入减免清单' : '导入裁量基准'}
          path={
            importing === 'mitigations'
              ? '/catalogs/mitigation-rules/import'
              : '/catalogs/violation-types/import'
          }
          columnsHint={importing === 'mitigations' ? mitigationColumnsHint : benchmarkColumnsHint}
          onClose={() => setImporting(undefined)}
          onImported={() => {
            const kind = importing ?? 'benchmarks';
            setRefreshKeys((keys) => ({ ...keys, [kind]: keys[kind] + 1 }));
          }}
        />
      )}
    </Space>
  );
}
