import { useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../api.ts';
import { useQuery } from '../../platform/use-query.ts';
import { CalendarYearForm, type CalendarYearFormValues } from './calendar-year-form.tsx';
import { WorkingDayCalculator } from './working-day-calculator.tsx';
import { formatCalendarLines } from './calendar-dates.ts';
import type { CalendarYears } from '../../../shared/platform/calendar.ts';
import type { z } from 'zod';

type Years = z.infer<typeof CalendarYears>;
type Year = Years['items'][number];

function YearDays({ year }: { year: Year }) {
  return (
    <Table
      rowKey="date"
      size="small"
      pagination={false}
      dataSource={year.days}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '日期', dataIndex: 'date' },
        { title: '星期', key: 'weekday', render: (_, day) => dayjs(day.date).format('dddd') },
        {
          title: '类型',
          dataIndex: 'kind',
          render: (_, day) =>
            day.kind === 'rest' ? <Tag color="green">休</Tag> : <Tag color="orange">班（调休）</Tag>,
        },
        { title: '名称', dataIndex: 'name' },
      ]}
    />
  );
}

/** The official working-day calendar every statutory deadline is computed with. */
export function CalendarPage() {
  const { data, error, loading, reload } = useQuery<Years>('/calendar/years');
  const [formValues, setFormValues] = useState<Partial<CalendarYearFormValues>>({
    year: new Date().getFullYear() + 1,
  });
  const [formKey, setFormKey] = useState(0);
  const years = [...(data?.items ?? [])].sort((a, b) => b.year - a.year);

  function editYear(year: Year) {
    setFormValues({
      year: year.year,
      source: year.source,
      restText: formatCalendarLines(year.days, 'rest'),
      workText: formatCalendarLines(year.days, 'work'),
    });
    setFormKey((key) => key + 1);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        工作日历（节假日与调休）
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="以工作日计算的法定期限（如行政处罚法第六十四条的听证申请期限）按此处的放假与调休安排计算。每年国务院办公厅公布次年安排后，请及时录入。"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="已录入年度" loading={loading && !data}>
            {error !== undefined && (
              <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />
            )}
            {years.length === 0 ? (
              <Empty description="尚未录入任何年度" />
            ) : (
              <Collapse
                items={years.map((year) => ({
                  key: String(year.year),
                  label: (
                    <Space wrap size={[8, 0]}>
                      <Typography.Text strong>{year.year} 年</Typography.Text>
                      <Tag color="green">休 {year.days.filter((day) => day.kind === 'rest').length} 天</Tag>
                      <Tag color="orange">
                        调休上班 {year.days.filter((day) => day.kind === 'work').length} 天
                      </Tag>
                    </Space>
                  ),
                  extra: (
                    <Button
                      size="small"
                      onClick={(event) => {
                        event.stopPropagation();
                        editYear(year);
                      }}
                    >
                      修改
                    </Button>
                  ),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">依据：{year.source}</Typography.Paragraph>
                      <YearDays year={year} />
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="工作日计算器">
              <WorkingDayCalculator />
            </Card>
            <Card
              size="small"
              title={`录入年度安排${formValues.source ? `（修改 ${formValues.year} 年）` : ''}`}
            >
              <CalendarYearForm key={formKey} initialValues={formValues} onSaved={reload} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
