import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { api } from '../../api.ts';
import { showServerErrors } from '../../platform/form-errors.ts';
import { mergeCalendarDays, parseCalendarLines } from './calendar-dates.ts';
import type { PutCalendarYearInput } from '../../../shared/platform/calendar.ts';

export type CalendarYearFormValues = { year: number; source: string; restText: string; workText: string };

/** Loads (or replaces) one year's rest days and 调休 working days, pasted from the State Council notice. */
export function CalendarYearForm({
  initialValues,
  onSaved,
}: {
  initialValues: Partial<CalendarYearFormValues>;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CalendarYearFormValues>();
  const [saving, setSaving] = useState(false);
  const year = Form.useWatch('year', form) ?? initialValues.year ?? new Date().getFullYear() + 1;
  const restText = Form.useWatch('restText', form) ?? '';
  const workText = Form.useWatch('workText', form) ?? '';

  const parsed = useMemo(
    () =>
      mergeCalendarDays(
        parseCalendarLines(restText, 'rest', year, '法定节假日'),
        parseCalendarLines(workText, 'work', year, '调休上班'),
      ),
    [restText, workText, year],
  );
  const restCount = parsed.days.filter((day) => day.kind === 'rest').length;
  const workCount = parsed.days.length - restCount;

  async function save(values: CalendarYearFormValues) {
    if (parsed.errors.length > 0 || parsed.days.length === 0) {
      message.error(parsed.days.length === 0 ? '至少录入一天' : '请先修正日期中的错误');
      return;
    }
    setSaving(true);
    try {
      const body: PutCalendarYearInput = { source: values.source.trim(), days: parsed.days };
      await api.put(`/calendar/years/${values.year}`, body);
      message.success(`${values.year} 年节假日安排已保存`);
      onSaved();
    } catch (error) {
      message.error(showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<CalendarYearFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={save}>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请输入年份' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item
            name="source"
            label="依据"
            rules={[
              {
                required: true,
                whitespace: true,
                min: 4,
                message: '请填写依据（国务院办公厅通知文号或标题）',
              },
            ]}
          >
            <Input placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="restText"
            label="放假日期"
            extra="每行一个日期或区间，可带名称，如：2027-02-06~2027-02-12 春节"
          >
            <Input.TextArea rows={8} placeholder={'2027-01-01 元旦\n2027-02-06~2027-02-12 春节'} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="workText" label="调休上班日期" extra="周末上班的日期，如：2027-02-13 春节调休">
            <Input.TextArea rows={8} placeholder={'2027-02-13 春节调休'} />
          </Form.Item>
        </Col>
      </Row>
      {parsed.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="日期有误"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {parsed.errors.slice(0, 10).map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Space wrap>
        <Typography.Text type="secondary">
          已识别：放假 {restCount} 天，调休上班 {workCount} 天
        </Typography.Text>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存该年度安排
        </Button>
      </Space>
    </Form>
  );
}
