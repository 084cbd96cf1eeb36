import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, Drawer, Row, Segmented, Space, Statistic, Tabs, Tooltip, Typography } from 'antd';
import {
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import type { Page } from '../api.ts';
import { useMe } from './auth.tsx';
import { useQuery } from './use-query.ts';
import { RecordTable } from './record-table.tsx';
import { DeadlineBadge, DeadlineCountdown } from './deadline-badge.tsx';
import { ProcedureTimeline, type AllowedAction } from './procedure-timeline.tsx';
import { useIsPhone } from './use-media-query.ts';
import type { Deadline } from '../../shared/platform/work.ts';
import { actionFormFor } from '../modules.ts';

type Scope = 'mine' | 'org';
type StatusFilter = 'active' | 'dueSoon' | 'overdue';

const statusOptions: { label: string; value: StatusFilter }[] = [
  { label: '全部', value: 'active' },
  { label: '即将到期', value: 'dueSoon' },
  { label: '已逾期', value: 'overdue' },
];

function useDeadlineCount(scope: Scope, status: StatusFilter, refreshKey: number): number | undefined {
  // pageSize 1: only `total` is needed.
  const { data, reload } = useQuery<Page<Deadline>>('/deadlines', { scope, status, page: 1, pageSize: 1 });
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  return data?.total;
}

function DeadlinePanel({ scope }: { scope: Scope }) {
  const isPhone = useIsPhone();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [opened, setOpened] = useState<Deadline>();
  const [refreshKey, setRefreshKey] = useState(0);
  const [pendingAction, setPendingAction] = useState<AllowedAction>();
  // The module's own action dialog, so an action taken from the drawer asks for the same input as on its page.
  const ActionForm = opened ? actionFormFor(opened.procedureId) : undefined;
  const dueSoon = useDeadlineCount(scope, 'dueSoon', refreshKey);
  const overdue = useDeadlineCount(scope, 'overdue', refreshKey);
  const active = useDeadlineCount(scope, 'active', refreshKey);

  const columns: TableColumnsType<Deadline> = [
    {
      title: '状态',
      dataIndex: 'status',
      width: 96,
      // On a phone the countdown rides under the badge, so it never scrolls out of view.
      render: (_, row) => (
        <Space orientation="vertical" size={2}>
          <DeadlineBadge status={row.status} />
          {isPhone && <DeadlineCountdown deadline={row} />}
        </Space>
      ),
    },
    {
      title: '事项',
      dataIndex: 'recordTitle',
      render: (_, row) => (
        <div style={{ minWidth: 160, maxWidth: 320 }}>
          <Link to={row.link}>{row.recordTitle}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.procedureLabel} · {row.clockLabel}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '届满日',
      dataIndex: 'dueDate',
      width: 110,
      responsive: ['md'],
      render: (dueDate: string | null) => dueDate ?? '—',
    },
    ...(isPhone
      ? []
      : [
          {
            title: '倒计时',
            dataIndex: 'daysLeft',
            width: 100,
            render: (_: unknown, row: Deadline) => <DeadlineCountdown deadline={row} />,
          },
        ]),
    {
      title: '依据',
      dataIndex: 'citation',
      responsive: ['lg'],
      render: (_, row) => (
        <Space size={4}>
          <Typography.Text type="secondary">{row.citation}</Typography.Text>
          {[row.error, row.warning].map(
            (text) =>
              text && (
                <Tooltip key={text} title={text}>
                  <WarningOutlined
                    style={{ color: text === row.error ? '#cf1322' : '#fa8c16' }}
                    aria-label={text}
                  />
                </Tooltip>
              ),
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpened(row)} style={{ paddingInline: 0 }}>
          办理进程
        </Button>
      ),
    },
  ];

  const cards: {
    key: StatusFilter;
    title: string;
    value: number | undefined;
    color: string;
    icon: ReactNode;
  }[] = [
    { key: 'dueSoon', title: '即将到期', value: dueSoon, color: '#fa8c16', icon: <ClockCircleOutlined /> },
    {
      key: 'overdue',
      title: '已逾期',
      value: overdue,
      color: '#cf1322',
      icon: <ExclamationCircleOutlined />,
    },
    { key: 'active', title: '计时中', value: active, color: '#1677ff', icon: <FieldTimeOutlined /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {cards.map((card) => (
          <Col key={card.key} xs={8} md={6}>
            <Card
              size="small"
              hoverable
              onClick={() => setStatus(card.key)}
              style={{ borderColor: status === card.key ? card.color : undefined }}
              data-testid={`deadline-count-${card.key}`}
            >
              <Statistic
                title={card.title}
                value={card.value ?? '—'}
                prefix={isPhone ? undefined : card.icon}
                styles={{ content: { color: card.color } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={
          <Typography.Title level={5} style={{ margin: 0 }}>
            待办期限
          </Typography.Title>
        }
        extra={
          isPhone ? undefined : <Segmented options={statusOptions} value={status} onChange={setStatus} />
        }
        data-testid={`deadline-list-${scope}`}
      >
        {isPhone && (
          <Segmented
            block
            size="small"
            options={statusOptions}
            value={status}
            onChange={setStatus}
            style={{ marginBottom: 8 }}
          />
        )}
        <RecordTable<Deadline>
          path="/deadlines"
          query={{ scope, status }}
          columns={columns}
          rowKey="id"
          refreshKey={refreshKey}
          emptyText={status === 'active' ? '暂无计时中的期限' : '暂无此类期限'}
        />
      </Card>
      <Drawer
        open={opened !== undefined}
        onClose={() => {
          setOpened(undefined);
          setPendingAction(undefined);
        }}
        title={opened?.recordTitle}
        size={isPhone ? '100%' : 560}
        destroyOnHidden
      >
        {opened && (
          <>
            <Link to={opened.link}>打开详情页</Link>
            <div style={{ marginTop: 12 }}>
              <ProcedureTimeline
                procedureId={opened.procedureId}
                recordId={opened.recordId}
                refreshKey={refreshKey}
                showBlockedReasons
                onChanged={() => setRefreshKey((key) => key + 1)}
                onAction={ActionForm ? setPendingAction : undefined}
              />
            </div>
            {ActionForm && (
              <Suspense fallback={null}>
                <ActionForm
                  procedureId={opened.procedureId}
                  recordId={opened.recordId}
                  action={pendingAction}
                  onClose={() => setPendingAction(undefined)}
                  onDone={() => {
                    setPendingAction(undefined);
                    setRefreshKey((key) => key + 1);
                  }}
                />
              </Suspense>
            )}
          </>
        )}
      </Drawer>
    </Space>
  );
}

export function WorkbenchPage() {
  const me = useMe();
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        您好，{me.displayName}。以下是按法定期限计算的待办事项，期限已按工作日与调休安排计算。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'mine', label: '我的待办', children: <DeadlinePanel scope="mine" /> },
          { key: 'org', label: `本机构（${me.org.name}）`, children: <DeadlinePanel scope="org" /> },
        ]}
        destroyOnHidden
      />
    </div>
  );
}
