import { useState } from 'react';
import { Button, Card, Result, Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useAction } from '../../platform/use-query.ts';
import { RecordTable } from '../../platform/record-table.tsx';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/platform/records.ts';
import type { z } from 'zod';

type Entry = z.infer<typeof AuditEntry>;
type Verify = z.infer<typeof AuditVerifyResult>;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">（无）</Typography.Text>;
  return (
    <pre
      style={{ margin: 0, maxHeight: 300, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

const columns: TableColumnsType<Entry> = [
  { title: '序号', dataIndex: 'id', width: 80 },
  { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
  { title: '操作人', dataIndex: 'actorName', render: (name: string | null) => name ?? '系统' },
  { title: '操作', dataIndex: 'action' },
  {
    title: '对象',
    key: 'entity',
    render: (_, entry) => (
      <span>
        {entry.entityType}
        {entry.entityId && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {entry.entityId.slice(0, 8)}
          </Typography.Text>
        )}
      </span>
    ),
  },
  {
    title: '哈希',
    dataIndex: 'hash',
    responsive: ['md'],
    render: (hash: string) => (
      <Tooltip title={hash}>
        <Typography.Text code copyable={{ text: hash }}>
          {hash.slice(0, 12)}
        </Typography.Text>
      </Tooltip>
    ),
  },
];

/** The append-only, hash-chained audit log and its integrity check. */
export function AuditPage() {
  const { can } = useAuth();
  const [verify, setVerify] = useState<Verify | { failed: string }>();
  const [runVerify, verifying] = useAction(
    async () => setVerify(await api.get<Verify>('/audit/verify')),
    (error) => setVerify({ failed: errorMessage(error) }),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        审计日志
      </Typography.Title>
      {can('audit.verify') && (
        <Card size="small">
          <Space wrap>
            <Button
              type="primary"
              icon={<SafetyOutlined />}
              loading={verifying}
              onClick={() => void runVerify()}
            >
              校验完整性
            </Button>
            <Typography.Text type="secondary">逐条重算哈希链，确认日志未被删改。</Typography.Text>
          </Space>
          {verify && 'failed' in verify && (
            <Result status="warning" title="校验未能完成" subTitle={verify.failed} />
          )}
          {verify && 'ok' in verify && verify.ok && (
            <Result
              status="success"
              title="审计日志完整"
              subTitle={`已校验 ${verify.checked} 条记录，哈希链连续，未发现删改。`}
            />
          )}
          {verify && 'ok' in verify && !verify.ok && (
            <Result
              status="error"
              title="审计日志完整性校验未通过"
              subTitle={`哈希链在序号 ${verify.firstBroken ?? '未知'} 处断裂（已校验 ${verify.checked} 条），该条及其后的记录可能被篡改，请立即报告。`}
            />
          )}
        </Card>
      )}
      {can('audit.read') && (
        <Card size="small">
          <RecordTable<Entry>
            path="/audit"
            columns={columns}
            rowKey="id"
            expandable={{
              expandedRowRender: (entry) => (
                <Space align="start" wrap style={{ width: '100%' }}>
                  <div style={{ minWidth: 260 }}>
                    <Typography.Text strong>修改前</Typography.Text>
                    <Json value={entry.before} />
                  </div>
                  <div style={{ minWidth: 260 }}>
                    <Typography.Text strong>修改后</Typography.Text>
                    <Json value={entry.after} />
                  </div>
                </Space>
              ),
            }}
          />
        </Card>
      )}
    </Space>
  );
}
