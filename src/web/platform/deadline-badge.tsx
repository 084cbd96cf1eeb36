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
  if (deadline.status === 'stopped' || deadline.status === 'paused' || deadline.daysLeft === null)
    return null;
  if (deadline.daysLeft < 0) return `逾期${-deadline.daysLeft}天`;
  if (deadline.daysLeft === 0) return '今日到期';
  return `剩余${deadline.daysLeft}天`;
}

export function DeadlineCountdown({
  deadline,
}: {
  deadline: Pick<Deadline, 'status' | 'daysLeft' | 'dueDate' | 'error'>;
}) {
  const text = countdownText(deadline);
  if (!text) {
    // An undetermined clock (e.g. that year's holidays not yet loaded) says why instead of a number.
    return deadline.error ? (
      <Tooltip title={deadline.error}>
        <Typography.Text type="danger" data-testid="deadline-countdown" style={{ whiteSpace: 'nowrap' }}>
          无法计算
        </Typography.Text>
      </Tooltip>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  const overdue = (deadline.daysLeft ?? 0) < 0 || deadline.status === 'overdue';
  const type = overdue ? 'danger' : deadline.status === 'dueSoon' ? 'warning' : undefined;
  return (
    <Tooltip title={deadline.dueDate ? `期限届满日：${deadline.dueDate}` : undefined}>
      <Typography.Text
        type={type}
        strong={type !== undefined}
        data-testid="deadline-countdown"
        style={{ whiteSpace: 'nowrap' }}
      >
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
