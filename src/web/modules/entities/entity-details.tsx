import { Descriptions, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { RecordTable } from '../../platform/record-table.tsx';
import type { CaseSummary } from '../../../shared/cases/records.ts';
import {
  creditLevelLabels,
  entityStatusLabels,
  riskLevelLabels,
  type Entity,
} from '../../../shared/entities/payloads.ts';
import { labelOf } from './entity-labels.ts';

export function entityLink(id: string): string {
  return `/entities/${encodeURIComponent(id)}`;
}

/** One entity's registered facts, as the list's drawer and the entity page show them. */
export function EntityDetails({ entity }: { entity: Entity }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="统一社会信用代码">{entity.uscc}</Descriptions.Item>
      <Descriptions.Item label="类别">{entity.category}</Descriptions.Item>
      <Descriptions.Item label="行政区划代码">{entity.areaCode}</Descriptions.Item>
      <Descriptions.Item label="地址">{entity.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="法定代表人（负责人）">{entity.legalRepresentative ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="风险等级">{labelOf(riskLevelLabels, entity.riskLevel)}</Descriptions.Item>
      <Descriptions.Item label="信用等级">{labelOf(creditLevelLabels, entity.creditLevel)}</Descriptions.Item>
      <Descriptions.Item label="状态">{entityStatusLabels[entity.status]}</Descriptions.Item>
      <Descriptions.Item label="所属机构">{entity.orgName}</Descriptions.Item>
      <Descriptions.Item label="更新时间">
        {new Date(entity.updatedAt).toLocaleString('zh-CN')}
      </Descriptions.Item>
    </Descriptions>
  );
}

const caseColumns: TableColumnsType<CaseSummary> = [
  {
    title: '案件',
    dataIndex: 'title',
    render: (title: string, row) => (
      <div style={{ minWidth: 160, whiteSpace: 'normal' }}>
        <Link to={`/cases/${encodeURIComponent(row.id)}`}>{title}</Link>
        {row.caseNumber && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.caseNumber}
            </Typography.Text>
          </div>
        )}
      </div>
    ),
  },
  { title: '状态', dataIndex: 'stateLabel' },
  { title: '办案机构', dataIndex: 'orgName', responsive: ['lg'] },
  {
    title: '登记日期',
    dataIndex: 'createdAt',
    responsive: ['sm'],
    render: (value: string) => new Date(value).toLocaleDateString('zh-CN'),
  },
];

/** 行政处罚案件 whose party is linked to this entity (GET /api/cases?entityId=…, paged on the server). */
export function EntityCases({ entityId }: { entityId: string }) {
  return (
    <RecordTable<CaseSummary>
      path="/cases"
      query={{ entityId }}
      columns={caseColumns}
      rowKey="id"
      defaultPageSize={5}
      emptyText="暂无关联的行政处罚案件"
    />
  );
}
