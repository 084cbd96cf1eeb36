import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { useAuth } from '../../platform/auth.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type { InspectionItemSummary } from '../../../shared/inspections/items.ts';
import { entityCategories } from '../../../shared/entities/payloads.ts';
import { ImportCsvModal } from '../catalogs/import-csv-modal.tsx';

type Item = z.infer<typeof InspectionItemSummary>;

const columnsHint =
  'source_id, 序号, 抽查类别或领域, 抽查事项或检查内容, 检查对象, 抽查依据, 抽查主体或发起部门, 配合部门, 抽查方式, 抽查比例或数量, 抽查频次或检查时间, 事项类别或层级, completeness';

/** Long text folded to a few lines, expandable in place. */
function Folded({ text, width }: { text: string; width: number }) {
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph
      ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}
      style={{ width, margin: 0, whiteSpace: 'pre-wrap' }}
    >
      {text}
    </Typography.Paragraph>
  );
}

function columns(isPhone: boolean): TableColumnsType<Item> {
  return [
    { title: '编号', dataIndex: 'code', responsive: ['lg'] },
    {
      title: '检查事项',
      dataIndex: 'title',
      render: (title: string, item) => (
        <div style={{ minWidth: isPhone ? 160 : 200, maxWidth: 260, whiteSpace: 'normal' }}>
          {title}
          {!item.isComplete && (
            <Tag color="orange" style={{ marginInlineStart: 4 }}>
              来源不完整
            </Tag>
          )}
          <div>
            {item.entityCategories.map((c) => (
              <Tag key={c} style={{ marginTop: 4 }}>
                {c}
              </Tag>
            ))}
          </div>
        </div>
      ),
    },
    {
      title: '检查内容',
      dataIndex: 'content',
      responsive: ['md'],
      render: (value: string) => <Folded text={value} width={320} />,
    },
    {
      title: '检查对象',
      dataIndex: 'targets',
      responsive: ['sm'],
      render: (value: string) => <Folded text={value} width={180} />,
    },
    {
      title: '依据',
      dataIndex: 'legalBasis',
      responsive: ['md'],
      render: (value: string) => <Folded text={value} width={220} />,
    },
    {
      title: '抽查比例',
      dataIndex: 'ratio',
      responsive: ['xl'],
      render: (v: string) => <Folded text={v} width={200} />,
    },
    { title: '频次', dataIndex: 'frequency', responsive: ['lg'] },
    { title: '实施主体', dataIndex: 'initiator', responsive: ['xl'] },
    { title: '配合部门', dataIndex: 'partners', responsive: ['xxl'] },
  ];
}

/** 检查事项清单 (随机抽查事项清单): search and filter by the directory category the item applies to. */
export function InspectionItemsPage() {
  const { can } = useAuth();
  const canImport = can('inspectionItems.manage');
  const isPhone = useIsPhone();
  const [q, setQ] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          检查事项清单
        </Typography.Title>
        {canImport && (
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入清单
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} vertical={isPhone}>
          <Input.Search
            placeholder="事项名称或检查内容"
            allowClear
            onSearch={(value) => setQ(value.trim() || undefined)}
            style={{ width: isPhone ? '100%' : 260 }}
            aria-label="查找检查事项"
          />
          <Select
            placeholder="适用的检查对象类别"
            allowClear
            options={entityCategories.map((c) => ({ value: c, label: c }))}
            onChange={(value?: string) => setCategory(value)}
            style={{ width: isPhone ? '100%' : 200 }}
          />
        </Flex>
      </Card>
      <RecordTable<Item>
        path="/inspection-items"
        query={{ q, category }}
        columns={columns(isPhone)}
        rowKey="id"
        refreshKey={refreshKey}
        emptyText="尚未导入检查事项清单"
      />
      {canImport && (
        <ImportCsvModal
          open={importing}
          title="导入检查事项清单"
          path="/inspection-items/import"
          columnsHint={columnsHint}
          onClose={() => setImporting(false)}
          onImported={() => setRefreshKey((key) => key + 1)}
        />
      )}
    </Space>
  );
}
