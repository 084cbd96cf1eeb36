import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../platform/auth.tsx';
import { OrgSelect } from '../../platform/org-tree.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { errorMessage } from '../../api.ts';
import type { EligibleOfficers } from '../../../shared/platform/officers.ts';
import type { z } from 'zod';

type Eligible = z.infer<typeof EligibleOfficers>;
type Criteria = { orgId: string; date: Dayjs };

/** Who holds a valid, reviewed certificate on a date: the pool for inspections, draws and cases. */
export function EligibleOfficersPage() {
  const me = useMe();
  const [criteria, setCriteria] = useState<{ orgId: string; date: string }>({
    orgId: me.org.id,
    date: dayjs().format('YYYY-MM-DD'),
  });
  const { data, error, loading } = useQuery<Eligible>('/officers/eligible', criteria);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        可执法人员查询
      </Typography.Title>
      <Card size="small">
        <Form<Criteria>
          layout="inline"
          initialValues={{ orgId: me.org.id, date: dayjs() }}
          onFinish={(values) => setCriteria({ orgId: values.orgId, date: values.date.format('YYYY-MM-DD') })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="orgId" label="机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgSelect style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="date" label="执法日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form>
      </Card>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      {data && data.items.length < 2 && (
        <Alert
          type="warning"
          showIcon
          title={`${data.date} 可执法人员不足两名`}
          description="行政执法应当由两名以上持有效执法证的人员实施，请协调其他机构人员或补办执法证。"
        />
      )}
      <Card size="small" title={data ? `${data.date} 可执法人员（${data.items.length} 名）` : '可执法人员'}>
        <Table
          rowKey="userId"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'displayName',
              render: (_, officer) => (
                <Link to={`/officers/${encodeURIComponent(officer.userId)}`}>{officer.displayName}</Link>
              ),
            },
            { title: '执法证号', dataIndex: 'certificateNumber' },
            { title: '有效期至', dataIndex: 'validUntil' },
          ]}
        />
      </Card>
    </Space>
  );
}
