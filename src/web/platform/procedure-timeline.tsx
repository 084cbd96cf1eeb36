import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { BookOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage } from '../api.ts';
import { useQuery } from './use-query.ts';
import { showServerErrors } from './form-errors.ts';
import { DeadlineBadge, DeadlineCountdown } from './deadline-badge.tsx';
import type { Timeline as TimelineData } from '../../shared/platform/work.ts';

export type AllowedAction = TimelineData['allowedActions'][number];

export function timelinePath(procedureId: string, recordId: string): string {
  return `/procedures/${encodeURIComponent(procedureId)}/records/${encodeURIComponent(recordId)}`;
}

function DeadlineList({ deadlines }: { deadlines: TimelineData['deadlines'] }) {
  if (deadlines.length === 0) return <Typography.Text type="secondary">当前环节没有法定期限</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      {deadlines.map((deadline) => (
        <Card key={deadline.id} size="small" data-testid="timeline-deadline">
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{deadline.clockLabel}</Typography.Text>
            <DeadlineBadge status={deadline.status} />
            {deadline.dueDate && <span>届满日 {deadline.dueDate}</span>}
            <DeadlineCountdown deadline={deadline} />
          </Space>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">
              <BookOutlined /> {deadline.citation}（起算日 {deadline.startedOn}）
            </Typography.Text>
          </div>
          {deadline.error && <Alert type="error" showIcon title={deadline.error} style={{ marginTop: 8 }} />}
          {deadline.warning && (
            <Alert type="warning" showIcon title={deadline.warning} style={{ marginTop: 8 }} />
          )}
        </Card>
      ))}
    </Space>
  );
}

/**
 * The case-style view of any procedure record: steps, running clocks and the actions the server allows.
 * Buttons come only from `allowedActions`; a blocked one stays visible with the server's reason.
 */
export function ProcedureTimeline({
  procedureId,
  recordId,
  onChanged,
  onAction,
  refreshKey,
  showBlockedReasons = false,
}: {
  procedureId: string;
  recordId: string;
  onChanged?: () => void;
  /**
   * Takes over an allowed action's button: the caller asks for the action's input in its own form and
   * posts it, then changes `refreshKey`. Without it the button opens the built-in 办理意见 dialog.
   */
  onAction?: (action: AllowedAction) => void;
  /** Change this value to refetch the timeline (after the caller took an action or generated a document). */
  refreshKey?: unknown;
  /** Also list each blocked action's reason under the buttons (a phone cannot hover for the tooltip). */
  showBlockedReasons?: boolean;
}) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useQuery<TimelineData>(
    `${timelinePath(procedureId, recordId)}/timeline`,
  );
  const lastRefreshKey = useRef(refreshKey);
  useEffect(() => {
    if (Object.is(lastRefreshKey.current, refreshKey)) return;
    lastRefreshKey.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  const [pending, setPending] = useState<AllowedAction>();
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();

  async function perform(values: { note?: string }) {
    if (!pending) return;
    setSubmitting(true);
    try {
      const note = values.note?.trim();
      await api.post(
        `${timelinePath(procedureId, recordId)}/actions/${encodeURIComponent(pending.action)}`,
        note ? { note } : {},
      );
      message.success(`已${pending.label}`);
      setPending(undefined);
      form.resetFields();
      reload();
      onChanged?.();
    } catch (caught) {
      message.error(showServerErrors(form, caught));
      // A 409 means someone else moved the record first: show its real state.
      reload();
    } finally {
      setSubmitting(false);
    }
  }

  if (error !== undefined && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(error)}
        action={
          <Button size="small" onClick={reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (!data) return <Skeleton active />;

  const items = data.steps.map((step) => ({
    key: step.id,
    color: 'blue',
    title: dayjs(step.at).format('YYYY-MM-DD HH:mm'),
    content: (
      <div>
        <Typography.Text strong>{step.actionLabel}</Typography.Text>
        <Typography.Text type="secondary"> → {step.toStateLabel}</Typography.Text>
        <div>办理人：{step.actorName}</div>
        {step.note && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            意见：{step.note}
          </Typography.Paragraph>
        )}
      </div>
    ),
  }));
  items.push({
    key: 'current',
    color: data.allowedActions.length > 0 ? 'gray' : 'green',
    title: '当前',
    content: <Tag color="blue">{data.stateLabel}</Tag>,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="procedure-timeline">
      <Space wrap>
        <Typography.Text type="secondary">{data.procedureLabel}</Typography.Text>
        <span>
          当前状态：<Tag color="blue">{data.stateLabel}</Tag>
        </span>
        {loading && <Typography.Text type="secondary">刷新中…</Typography.Text>}
      </Space>

      <div>
        <Typography.Title level={5}>法定期限</Typography.Title>
        <DeadlineList deadlines={data.deadlines} />
      </div>

      <div>
        <Typography.Title level={5}>可办理</Typography.Title>
        {data.allowedActions.length === 0 ? (
          <Typography.Text type="secondary">当前状态下没有可办理的操作</Typography.Text>
        ) : (
          <Space wrap>
            {data.allowedActions.map((action) =>
              action.blockedBy ? (
                <Tooltip key={action.action} title={action.blockedBy}>
                  {/* A disabled button swallows mouse events; the span lets the tooltip show. */}
                  <span data-blocked-by={action.blockedBy}>
                    <Button disabled>{action.label}</Button>
                  </span>
                </Tooltip>
              ) : (
                <Button
                  key={action.action}
                  type="primary"
                  ghost
                  onClick={() => (onAction ? onAction(action) : setPending(action))}
                >
                  {action.label}
                </Button>
              ),
            )}
          </Space>
        )}
        {showBlockedReasons && data.allowedActions.some((action) => action.blockedBy) && (
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid="blocked-reasons">
            {data.allowedActions
              .filter((action) => action.blockedBy)
              .map((action) => (
                <li key={action.action}>
                  <Typography.Text type="secondary">
                    {action.label}：{action.blockedBy}
                  </Typography.Text>
                </li>
              ))}
          </ul>
        )}
      </div>

      <div>
        <Typography.Title level={5}>办理过程</Typography.Title>
        {data.steps.length === 0 ? <Empty description="尚无办理记录" /> : <Timeline items={items} />}
      </div>

      <Modal
        title={pending ? `确认${pending.label}` : ''}
        open={pending !== undefined}
        onCancel={() => {
          setPending(undefined);
          form.resetFields();
        }}
        onOk={() => form.submit()}
        okText="确认"
        confirmLoading={submitting}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={perform}>
          <Form.Item
            name="note"
            label="办理意见（可选）"
            rules={[{ max: 500, message: '办理意见不超过500字' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
