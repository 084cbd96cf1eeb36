import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Checkbox, Input, Space, Typography, type TableColumnsType } from 'antd';
import { RecordTable } from '../../platform/record-table.tsx';
import { OrgSelect } from '../../platform/org-tree.tsx';
import { CertificateStatusTag, EligibilityTag, ExpiryTag, expiryWarningDays } from './certificate-tags.tsx';
import type { OfficerSummary } from '../../../shared/platform/officers.ts';

const columns: TableColumnsType<OfficerSummary> = [
  {
    title: '姓名',
    dataIndex: 'displayName',
    fixed: 'left',
    render: (_, officer) => (
      <Link to={`/officers/${encodeURIComponent(officer.userId)}`}>{officer.displayName}</Link>
    ),
  },
  { title: '所属机构', dataIndex: 'orgName', responsive: ['md'] },
  {
    title: '执法证号',
    key: 'number',
    render: (_, officer) => officer.certificate?.certificateNumber ?? '未持证',
  },
  {
    title: '有效期至',
    key: 'validUntil',
    render: (_, officer) =>
      officer.certificate ? (
        <Space size={4}>
          {officer.certificate.validUntil}
          <ExpiryTag expiresInDays={officer.expiresInDays} />
        </Space>
      ) : (
        '—'
      ),
  },
  {
    title: '证件状态',
    key: 'status',
    responsive: ['sm'],
    render: (_, officer) =>
      officer.certificate ? <CertificateStatusTag status={officer.certificate.status} /> : '—',
  },
  {
    title: '年审到期',
    dataIndex: 'reviewDueOn',
    responsive: ['lg'],
    render: (value: string | null) => value ?? '—',
  },
  { title: '本年培训学时', dataIndex: 'trainingHoursThisYear', responsive: ['lg'] },
  {
    title: '执法资格',
    dataIndex: 'ineligibility',
    render: (_, officer) => <EligibilityTag ineligibility={officer.ineligibility} />,
  },
];

export function OfficerListPage() {
  const [orgId, setOrgId] = useState<string>();
  const [q, setQ] = useState('');
  const [expiringOnly, setExpiringOnly] = useState(false);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        执法人员名录
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
            placeholder="按姓名查找"
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 220 }}
          />
          <Checkbox checked={expiringOnly} onChange={(event) => setExpiringOnly(event.target.checked)}>
            {expiryWarningDays}天内到期（含已过期）
          </Checkbox>
        </Space>
        <RecordTable<OfficerSummary>
          path="/officers"
          query={{ orgId, q, expiringWithinDays: expiringOnly ? expiryWarningDays : undefined }}
          columns={columns}
          rowKey="userId"
        />
      </Card>
    </Space>
  );
}
