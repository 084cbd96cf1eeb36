import { useState } from 'react';
import { Button, DatePicker, Form, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api.ts';
import { useAction } from '../../platform/use-query.ts';

type Answer = { kind: 'result'; text: string } | { kind: 'error'; text: string };

/** "起算日 + N 个工作日" and "是否工作日", answered by the server's calendar (the one deadlines use). */
export function WorkingDayCalculator() {
  const [from, setFrom] = useState<Dayjs | null>(dayjs());
  const [days, setDays] = useState<number | null>(5);
  const [answer, setAnswer] = useState<Answer>();
  const showError = (error: unknown) => setAnswer({ kind: 'error', text: errorMessage(error) });

  const [add, adding] = useAction(async () => {
    if (!from || days === null) return;
    const { date } = await api.get<{ date: string }>('/calendar/add-working-days', {
      from: from.format('YYYY-MM-DD'),
      days,
    });
    setAnswer({
      kind: 'result',
      text: `${from.format('YYYY-MM-DD')} 起 ${days} 个工作日：${date}（${dayjs(date).format('dddd')}）`,
    });
  }, showError);

  const [check, checking] = useAction(async () => {
    if (!from) return;
    const { workingDay } = await api.get<{ workingDay: boolean }>('/calendar/is-working-day', {
      date: from.format('YYYY-MM-DD'),
    });
    setAnswer({
      kind: 'result',
      text: `${from.format('YYYY-MM-DD')}（${from.format('dddd')}）${workingDay ? '是工作日' : '是休息日'}`,
    });
  }, showError);

  return (
    <Form layout="vertical">
      <Space wrap align="end">
        <Form.Item label="起算日（不计入）" style={{ marginBottom: 0 }}>
          <DatePicker value={from} onChange={setFrom} allowClear={false} />
        </Form.Item>
        <Form.Item label="工作日数" style={{ marginBottom: 0 }}>
          <InputNumber
            min={0}
            max={1000}
            precision={0}
            value={days}
            onChange={setDays}
            suffix="个工作日"
            style={{ width: 160 }}
          />
        </Form.Item>
        <Button type="primary" loading={adding} onClick={() => void add()}>
          计算届满日
        </Button>
        <Button loading={checking} onClick={() => void check()}>
          是否工作日
        </Button>
      </Space>
      {answer && (
        <div style={{ marginTop: 12 }} data-testid="working-day-answer">
          {answer.kind === 'result' ? (
            <Tag color="blue" style={{ fontSize: 14, padding: '4px 8px' }}>
              {answer.text}
            </Tag>
          ) : (
            <Typography.Text type="danger">{answer.text}</Typography.Text>
          )}
        </div>
      )}
    </Form>
  );
}
