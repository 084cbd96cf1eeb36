import { Tag, Tooltip, Typography } from 'antd';
import type { Deadline } from '../../shared/platform/work.ts';

type DeadlineStatus = Deadline['status'];

/** Exhaustive: every clock status has its label and colour. */
export const deadlineStatusDisplay: Record<DeadlineStatus, { label: string; color: string }> = {
  open: { label: '计时中', color: 'processing' },
  dueSoon: { label: '即将到期', color: 'warning' },
  overdue: { label: '已逾期', color: 'error' },
  stopped: { label: '已办结', color: 'success' },
  paused: { label: '已中止计时', color: 'default' },
  undetermined: { label: '暂无法计算', color: 'magenta' },
};

export function DeadlineBadge({ status }: { status: DeadlineStatus }) {
  const display = deadlineStatusDisplay[status];
  return <Tag color={display.color}>{display.label}</Tag>;
}

/** `剩余N天`, `今日到期` or `逾期N天`; null once the clock no longer runs. */
export function countdownText(deadline: Pick<Deadline, 'status' | 'daysLeft'>): string | null {
  if (deadline.status === 'stopped' || deadline.status === 'paused' || deadline.daysLeft === null) return null;
  if (deadline.daysLeft < 0) return `逾期${-deadline.daysLeft}天`;
  if (deadline.daysLeft === 0) return '今日到期';
  return `剩余${deadline.daysLeft}天`;
}

export function DeadlineCountdown({ deadline }: { deadline: Pick<Deadline, 'status' | 'daysLeft' | 'dueDate'> }) {
  const text = countdownText(deadline);
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  const type = (deadline.daysLeft ?? 0) < 0 || deadline.status === 'overdue' ? 'danger' : deadline.status === 'dueSoon' ? 'warning' : undefined;
  return (
    <Tooltip title={`期限届满日：${deadline.dueDate}`}>
      <Typography.Text type={type} strong={type !== undefined} data-testid="deadline-countdown" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
