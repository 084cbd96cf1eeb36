import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  roundStatusLabels,
  roundStatuses,
  type RoundDetail,
  type RoundSummary,
} from '../../../shared/casefile-reviews/payloads.ts';

export const roundLink = (id: string) => `/casefile-reviews/rounds/${encodeURIComponent(id)}`;

export function RoundStatusTag({ status }: { status: RoundSummary['status'] }) {
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
      {roundStatusLabels[status]}
    </Tag>
  );
}

function columnsFor(isPhone: boolean): TableColumnsType<RoundSummary> {
  return [
    { title: '年度', dataIndex: 'year', responsive: ['sm'] },
    {
      title: '评查轮次',
      dataIndex: 'name',
      render: (_, row) => (
        <div style={{ minWidth: isPhone ? 150 : 200, maxWidth: isPhone ? 190 : 320, whiteSpace: 'normal' }}>
          <Link to={roundLink(row.id)}>{row.name}</Link>
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.year}年 · {row.orgName}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: '组织机构', dataIndex: 'orgName', responsive: ['lg'] },
    {
      title: '结案期间',
      dataIndex: 'periodFrom',
      responsive: ['md'],
      render: (_, row) => `${row.periodFrom} 至 ${row.periodTo}`,
    },
    {
      title: '案卷（已评/优秀）',
      dataIndex: 'fileCount',
      render: (_, row) => `${row.fileCount}（${row.scoredCount}/${row.excellentCount}）`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: RoundSummary['status']) => <RoundStatusTag status={status} />,
    },
  ];
}

type NewRoundValues = {
  year: number;
  name: string;
  period: [Dayjs, Dayjs];
  excellenceThreshold: number;
};

function NewRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const year = new Date().getFullYear();
  return (
    <FormModal<NewRoundValues>
      title="新建评查轮次"
      open={open}
      onClose={onClose}
      okText="创建"
      successText="已创建评查轮次"
      initialValues={{ year, name: `${year}年度行政处罚案卷评查`, excellenceThreshold: 90 }}
      onSubmit={async (values) => {
        const round = await api.post<RoundDetail>('/casefile-reviews/rounds', {
          year: values.year,
          name: values.name,
          periodFrom: values.period?.[0]?.format('YYYY-MM-DD'),
          periodTo: values.period?.[1]?.format('YYYY-MM-DD'),
          excellenceThreshold: values.excellenceThreshold,
        });
        navigate(roundLink(round.id));
      }}
    >
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="name" label="轮次名称" rules={[{ required: true, message: '请填写轮次名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="period"
        label="纳入评查的结案日期"
        rules={[{ required: true, message: '请选择结案日期范围' }]}
        extra="本机构及下级在此期间已结案（或已归档）的行政处罚案件可加入本轮"
      >
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="excellenceThreshold"
        label="优秀案卷分数线"
        rules={[{ required: true, message: '请填写优秀案卷分数线' }]}
        extra="总分达到此分数（含）的案卷方可评为优秀案卷"
      >
        <InputNumber min={0} max={100} step={0.5} suffix="分" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 评查轮次 of the user's organisation and those below it, newest year first. */
export function RoundsPage() {
  const isPhone = useIsPhone();
  const { can } = useAuth();
  const [year, setYear] = useState<number>();
  const [status, setStatus] = useState<string>();
  const [creating, setCreating] = useState(false);
  const thisYear = new Date().getFullYear();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          案卷评查
        </Typography.Title>
        <Space wrap>
          <Link to="/casefile-reviews/rubric">
            <Button icon={<ProfileOutlined />}>评查标准</Button>
          </Link>
          {can('casefileReviews.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建评查轮次
            </Button>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="全部年度"
            value={year}
            onChange={setYear}
            options={Array.from({ length: 6 }, (_, i) => ({
              value: thisYear - i,
              label: `${thisYear - i}年`,
            }))}
            style={{ width: isPhone ? '100%' : 140 }}
            aria-label="年度"
          />
          <Select
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            options={roundStatuses.map((value) => ({ value, label: roundStatusLabels[value] }))}
            style={{ width: isPhone ? '100%' : 140 }}
            aria-label="状态"
          />
        </Flex>
        <RecordTable<RoundSummary>
          path="/casefile-reviews/rounds"
          query={{ year, status }}
          columns={columnsFor(isPhone)}
          rowKey="id"
          emptyText="暂无评查轮次"
        />
      </Card>
      <NewRoundModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
