import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FilterOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Page } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { OrgSelect } from '../../platform/org-tree.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import { partyKindLabels } from '../../../shared/cases/parties.ts';
import type { CaseSummary } from '../../../shared/cases/records.ts';
import type { OfficerSummary } from '../../../shared/platform/officers.ts';
import { dueSoonThresholdDays } from '../../../shared/procedure/clocks.ts';
import { daysUntil, dueText, stateColor, stateOptions } from './case-labels.ts';
import { CreateCaseModal } from './create-case-modal.tsx';
import { OnSpotPenaltyModal } from './on-spot-penalty-modal.tsx';

export function caseLink(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}

export function StateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={stateColor(state)} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

/** The next statutory due date with its countdown; orange when due soon, red once overdue. */
export function NextDue({
  dueDate,
  overdue,
  compact = false,
}: {
  dueDate: string | null;
  overdue: boolean;
  /** Only the countdown, with the date in a tooltip (narrow cells). */
  compact?: boolean;
}) {
  if (!dueDate) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = dueText(dueDate);
  const daysLeft = daysUntil(dueDate);
  const late = overdue || daysLeft < 0;
  const soon = !late && daysLeft <= dueSoonThresholdDays;
  return (
    <span
      style={{ whiteSpace: 'nowrap', fontSize: compact ? 12 : undefined }}
      data-testid="case-next-due"
      title={dueDate}
    >
      {!compact && `${dueDate} `}
      <Typography.Text
        type={late ? 'danger' : soon ? 'warning' : undefined}
        strong={late || soon}
        style={{ fontSize: 'inherit' }}
      >
        {text}
      </Typography.Text>
    </span>
  );
}

function columnsFor(isPhone: boolean): TableColumnsType<CaseSummary> {
  return [
    {
      title: '案号',
      dataIndex: 'caseNumber',
      responsive: ['md'],
      render: (value: string | null) => value ?? <Typography.Text type="secondary">未立案</Typography.Text>,
    },
    {
      title: '案件名称',
      dataIndex: 'title',
      render: (_, row) => (
        <div style={{ minWidth: isPhone ? 150 : 200, maxWidth: isPhone ? 190 : 300, whiteSpace: 'normal' }}>
          <Link to={caseLink(row.id)}>{row.title}</Link>
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.caseNumber ?? '未立案'} · {row.partyName}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: '当事人',
      dataIndex: 'partyName',
      responsive: ['md'],
      render: (_, row) => (
        <Space size={4}>
          {row.partyName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.partyKind === 'person' ? partyKindLabels.person : '单位'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      render: (_, row) =>
        isPhone && row.nextDueDate ? (
          // The 下一期限 column is hidden on a phone: its countdown rides under the state.
          <Space orientation="vertical" size={2}>
            <StateTag state={row.state} label={row.stateLabel} />
            <NextDue dueDate={row.nextDueDate} overdue={row.isOverdue} compact />
          </Space>
        ) : (
          <StateTag state={row.state} label={row.stateLabel} />
        ),
    },
    {
      title: '主办人员',
      dataIndex: 'assigneeName',
      responsive: ['lg'],
      render: (value: string | null) => value ?? '—',
    },
    {
      title: '下一期限',
      dataIndex: 'nextDueDate',
      responsive: ['sm'],
      render: (_, row) => <NextDue dueDate={row.nextDueDate} overdue={row.isOverdue} />,
    },
    { title: '机构', dataIndex: 'orgName', responsive: ['xl'] },
  ];
}

export function CaseListPage() {
  const isPhone = useIsPhone();
  const { can } = useAuth();
  const [state, setState] = useState<string>();
  const [orgId, setOrgId] = useState<string>();
  const [officerId, setOfficerId] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [decidingOnSpot, setDecidingOnSpot] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const officers = useQuery<Page<OfficerSummary>>(can('officers.read') ? '/officers' : null, {
    pageSize: 200,
  });

  const columns = useMemo(() => columnsFor(isPhone), [isPhone]);
  const filterWidth = isPhone ? '100%' : 200;
  // On a phone the filters fold behind one button; its label counts those in use.
  const activeFilters = [state, orgId, officerId, range?.[0], overdue || undefined].filter(Boolean).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          行政处罚案件
        </Typography.Title>
        <Space wrap>
          <Button icon={<ThunderboltOutlined />} onClick={() => setDecidingOnSpot(true)}>
            当场处罚（简易程序）
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记线索
          </Button>
        </Space>
      </Space>
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Flex gap={8} style={{ width: isPhone ? '100%' : 280 }}>
            <Input.Search
              allowClear
              placeholder="案号、当事人或统一社会信用代码"
              onSearch={(value) => setQ(value.trim())}
              style={{ flex: 1, minWidth: 0 }}
              aria-label="快速查找"
            />
            {isPhone && (
              <Button
                icon={<FilterOutlined />}
                onClick={() => setShowFilters((shown) => !shown)}
                aria-expanded={showFilters}
              >
                筛选{activeFilters > 0 ? `（${activeFilters}）` : ''}
              </Button>
            )}
          </Flex>
          {(!isPhone || showFilters) && (
            <>
              <Select
                allowClear
                placeholder="全部状态"
                value={state}
                onChange={setState}
                options={stateOptions}
                style={{ width: filterWidth }}
                aria-label="状态"
              />
              <OrgSelect
                allowClear
                value={orgId}
                onChange={setOrgId}
                placeholder="全部机构"
                style={{ width: filterWidth }}
              />
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部承办人员"
                value={officerId}
                onChange={setOfficerId}
                loading={officers.loading}
                options={(officers.data?.items ?? []).map((officer) => ({
                  value: officer.userId,
                  label: officer.displayName,
                }))}
                style={{ width: filterWidth }}
                aria-label="承办人员"
              />
              <DatePicker.RangePicker
                value={range}
                onChange={(value) => setRange(value)}
                placeholder={['登记日期起', '登记日期止']}
                style={{ width: isPhone ? '100%' : 260 }}
              />
              <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
                只看逾期
              </Checkbox>
            </>
          )}
        </Flex>
        <RecordTable<CaseSummary>
          path="/cases"
          query={{
            q,
            state,
            orgId,
            officerId,
            overdue: overdue ? true : undefined,
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          }}
          columns={columns}
          rowKey="id"
          refreshKey={refreshKey}
          emptyText="暂无案件"
        />
      </Card>
      <CreateCaseModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => setRefreshKey((key) => key + 1)}
      />
      <OnSpotPenaltyModal open={decidingOnSpot} onClose={() => setDecidingOnSpot(false)} />
    </Space>
  );
}
