import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  Pagination,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { errorMessage, type Page } from '../api.ts';
import { useQuery } from '../platform/use-query.ts';
import { useIsPhone } from '../platform/use-media-query.ts';
import type { PublishedDecision } from '../../shared/cases/publication.ts';

const emptyText = '暂无公示的行政处罚决定';

/** 当事人 as published: the (masked) name, and the 统一社会信用代码 of an organisation. */
function PartyCell({ party }: { party: PublishedDecision['party'] }) {
  const code = party.kind === 'organisation' ? party.uscc : party.idNumber;
  return (
    <div>
      <div>{party.name}</div>
      {code && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {code}
        </Typography.Text>
      )}
      {party.legalRepresentative && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            法定代表人：{party.legalRepresentative}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function LongText({ text, width }: { text: string; width: number | string }) {
  return (
    <Typography.Paragraph
      ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}
      style={{ width, margin: 0, whiteSpace: 'pre-wrap' }}
    >
      {text}
    </Typography.Paragraph>
  );
}

const columns: TableColumnsType<PublishedDecision> = [
  {
    title: '决定文号',
    dataIndex: 'decisionNumber',
    render: (value: string, row) => (
      <div style={{ minWidth: 150, maxWidth: 200, whiteSpace: 'normal' }}>
        <Typography.Text strong>{value}</Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.batchTitle}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  {
    title: '当事人',
    dataIndex: 'party',
    render: (_, row) => (
      <div style={{ minWidth: 120, maxWidth: 200, whiteSpace: 'normal' }}>
        <PartyCell party={row.party} />
      </div>
    ),
  },
  {
    title: '违法事实',
    dataIndex: 'facts',
    render: (value: string, row) => (
      <div style={{ whiteSpace: 'normal' }}>
        <LongText text={value} width={240} />
        {row.basis && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', maxWidth: 240 }}>
            依据：{row.basis}
          </Typography.Text>
        )}
      </div>
    ),
  },
  {
    title: '处罚内容',
    dataIndex: 'penalty',
    render: (value: string) => <LongText text={value} width={180} />,
  },
  {
    title: '作出机关',
    dataIndex: 'organ',
    render: (value: string) => <div style={{ maxWidth: 130, whiteSpace: 'normal' }}>{value}</div>,
  },
  { title: '决定日期', dataIndex: 'decidedOn', render: (value: string) => <span>{value}</span> },
  { title: '公示日期', dataIndex: 'publishedOn', render: (value: string) => <span>{value}</span> },
];

/** One decision as a card, for phones. */
function DecisionCard({ decision }: { decision: PublishedDecision }) {
  return (
    <Card size="small" data-testid="public-decision" title={decision.decisionNumber}>
      <Descriptions size="small" column={1} styles={{ label: { width: 72 } }}>
        <Descriptions.Item label="当事人">
          <PartyCell party={decision.party} />
        </Descriptions.Item>
        <Descriptions.Item label="违法事实">
          <LongText text={decision.facts} width="100%" />
        </Descriptions.Item>
        <Descriptions.Item label="处罚内容">{decision.penalty}</Descriptions.Item>
        <Descriptions.Item label="作出机关">{decision.organ}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{decision.decidedOn}</Descriptions.Item>
        <Descriptions.Item label="公示日期">{decision.publishedOn}</Descriptions.Item>
      </Descriptions>
      <Tag style={{ marginTop: 4, whiteSpace: 'normal' }}>{decision.batchTitle}</Tag>
    </Card>
  );
}

/** 行政执法公示: the published penalty decisions, open to everyone without logging in. */
export function PublicPenaltiesPage() {
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, error, loading, reload } = useQuery<Page<PublishedDecision>>('/public/penalty-decisions', {
    q,
    ...paging,
  });

  useEffect(() => {
    document.title = '行政处罚决定公示 - 法治';
  }, []);

  const items = data?.items ?? [];
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !isPhone,
    pageSizeOptions: [10, 20, 50],
    showTotal: (total: number) => `共 ${total} 条`,
    size: isPhone ? ('small' as const) : undefined,
    onChange: (page: number, pageSize: number) =>
      setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      <header style={{ background: '#b91c1c', color: '#fff', padding: isPhone ? '14px 16px' : '20px 32px' }}>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Typography.Title level={isPhone ? 4 : 3} style={{ color: '#fff', margin: 0 }}>
            行政执法公示 · 行政处罚决定
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
            卫生健康委 · 卫生监督所 · 依法公开行政处罚决定信息
          </Typography.Text>
        </div>
      </header>
      <main style={{ maxWidth: 1280, margin: '0 auto', padding: isPhone ? 12 : 24 }}>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center" justify="space-between">
            <Input.Search
              allowClear
              enterButton="查询"
              placeholder="文号、当事人、机关"
              aria-label="查询公示信息"
              maxLength={50}
              onSearch={(value) => {
                setQ(value.trim());
                setPaging((current) => ({ ...current, page: 1 }));
              }}
              style={{ width: isPhone ? '100%' : 420 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              自然人当事人的姓名与证件号码已按规定作去标识化处理
            </Typography.Text>
          </Flex>
        </Card>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(error)}
            action={
              <Button size="small" onClick={reload}>
                重试
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
        )}
        {isPhone ? (
          <Spin spinning={loading}>
            <Flex vertical gap={12}>
              {items.length === 0 && !loading ? (
                <Card size="small">
                  <Empty description={emptyText} />
                </Card>
              ) : (
                items.map((decision) => <DecisionCard key={decision.id} decision={decision} />)
              )}
              {(data?.total ?? 0) > 0 && <Pagination align="center" {...pagination} />}
            </Flex>
          </Spin>
        ) : (
          <Card size="small">
            <Table<PublishedDecision>
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={loading}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              pagination={pagination}
            />
          </Card>
        )}
        <div style={{ textAlign: 'center', marginTop: 24 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Link to="/login">工作人员登录</Link>
          </Typography.Text>
        </div>
      </main>
    </div>
  );
}
