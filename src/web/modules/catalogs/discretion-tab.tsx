import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { z } from 'zod';
import { api, errorMessage, type Query } from '../../api.ts';
import { showServerErrors } from '../../platform/form-errors.ts';
import { useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type { AdoptDiscretionInput, DiscretionAdvice } from '../../../shared/cases/catalogs.ts';

type Advice = z.infer<typeof DiscretionAdvice>;
type Mitigation = Advice['mitigations'][number];
type Answer = 'true' | 'false' | 'unknown';

type FormValues = {
  illegalIncomeYuan?: number | null;
  isFirstOffence: Answer;
  correctedInTime: Answer;
  harm: 'none' | 'minor' | 'serious' | 'unknown';
  hasSubjectiveFault: Answer;
  proposedFineYuan?: number | null;
};

const initialValues: FormValues = {
  isFirstOffence: 'unknown',
  correctedInTime: 'unknown',
  harm: 'unknown',
  hasSubjectiveFault: 'unknown',
};

const yesNo = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
  { value: 'unknown', label: '待确认' },
];
const harmOptions = [
  { value: 'none', label: '无' },
  { value: 'minor', label: '轻微' },
  { value: 'serious', label: '严重' },
  { value: 'unknown', label: '待确认' },
];

const statusTags: Record<Mitigation['status'], { color: string; label: string }> = {
  met: { color: 'success', label: '符合' },
  unmet: { color: 'default', label: '不符合' },
  unknown: { color: 'warning', label: '待确认' },
};

/** The form's answers as the query: unanswered questions are left out so the server treats them as unknown. */
function toQuery(values: FormValues): Query {
  const answer = (value: Answer) => (value === 'unknown' ? undefined : value);
  return {
    illegalIncomeYuan: values.illegalIncomeYuan ?? undefined,
    isFirstOffence: answer(values.isFirstOffence),
    correctedInTime: answer(values.correctedInTime),
    harm: values.harm === 'unknown' ? undefined : values.harm,
    hasSubjectiveFault: answer(values.hasSubjectiveFault),
    proposedFineYuan: values.proposedFineYuan ?? undefined,
  };
}

/** The same answers as JSON for 采用: booleans instead of query strings, unanswered ones left out. */
function toAdoptBody(values: FormValues): AdoptDiscretionInput {
  const answer = (value: Answer) => (value === 'unknown' ? undefined : value === 'true');
  return {
    illegalIncomeYuan: values.illegalIncomeYuan ?? undefined,
    isFirstOffence: answer(values.isFirstOffence),
    correctedInTime: answer(values.correctedInTime),
    harm: values.harm === 'unknown' ? undefined : values.harm,
    hasSubjectiveFault: answer(values.hasSubjectiveFault),
    proposedFineYuan: values.proposedFineYuan ?? undefined,
  };
}

function yuan(value: number | null): string {
  return value === null ? '不限' : `${value.toLocaleString('zh-CN')} 元`;
}

const mitigationColumns: TableColumnsType<Mitigation> = [
  {
    title: '状态',
    dataIndex: 'status',
    render: (status: Mitigation['status']) => (
      <Tag color={statusTags[status].color} style={{ marginInlineEnd: 0 }}>
        {statusTags[status].label}
      </Tag>
    ),
  },
  {
    title: '事项',
    dataIndex: 'matter',
    render: (value: string) => (
      <div style={{ minWidth: 200, maxWidth: 360, whiteSpace: 'normal' }}>{value}</div>
    ),
  },
  {
    title: '依据',
    dataIndex: 'basis',
    responsive: ['md'],
    render: (value: string) => (
      <Typography.Paragraph
        ellipsis={{ rows: 2, expandable: 'collapsible' }}
        style={{ width: 320, margin: 0 }}
      >
        {value}
      </Typography.Paragraph>
    ),
  },
];

function ProposalCard({ advice }: { advice: Advice }) {
  const { proposal, check } = advice;
  if (!advice.violationTypeId) {
    return (
      <Alert
        type="info"
        showIcon
        title="本案尚未对应裁量基准中的违法行为"
        description="请在案件信息中确认违法行为，或由管理员导入适用的裁量基准。"
      />
    );
  }
  if (!proposal) {
    return <Alert type="info" showIcon title="填写左侧的裁量情节后，将给出建议的裁量阶次与幅度" />;
  }
  return (
    <Flex vertical gap={12}>
      {check && (check.needsReason || check.flagForLegalReview) && (
        <Alert
          type="warning"
          showIcon
          data-testid="discretion-warning"
          title="超出裁量幅度，须书面说明理由并提交法制审核"
        />
      )}
      {check && check.within && !check.needsReason && !check.flagForLegalReview && (
        <Alert type="success" showIcon title="拟罚款数额在建议的裁量幅度内" />
      )}
      <Descriptions size="small" column={1} bordered data-testid="discretion-proposal">
        <Descriptions.Item label="建议阶次">
          <Tag color="blue">{proposal.tierLabel || proposal.tier}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="罚款幅度">
          {proposal.minYuan === null && proposal.maxYuan === null
            ? '—'
            : `${yuan(proposal.minYuan)} 至 ${yuan(proposal.maxYuan)}`}
        </Descriptions.Item>
        <Descriptions.Item label="裁量标准">
          <span style={{ whiteSpace: 'pre-wrap' }}>{proposal.standard || '—'}</span>
        </Descriptions.Item>
        {proposal.reasons.length > 0 && (
          <Descriptions.Item label="理由">
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {proposal.reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Flex>
  );
}

type AdoptValues = { outOfRangeReason?: string; mitigationRuleCode?: string };

/** 采用: stores the advice on the case — a fine outside the range with its reason, and the 减免 rule relied on. */
function AdoptCard({
  caseId,
  advice,
  circumstances,
  onAdopted,
}: {
  caseId: string;
  advice: Advice;
  circumstances: () => FormValues;
  onAdopted: () => void;
}) {
  const [form] = Form.useForm<AdoptValues>();
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string>();
  const usable = advice.mitigations.filter((m) => m.status !== 'unmet');
  const adopted = advice.adopted;
  const adopt = async (values: AdoptValues) => {
    setSaving(true);
    setMessage(undefined);
    try {
      await api.put(`/cases/${encodeURIComponent(caseId)}/discretion`, {
        ...toAdoptBody(circumstances()),
        ...values,
      });
      onAdopted();
    } catch (error) {
      setMessage(showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="采用裁量" data-testid="discretion-adopt">
      {adopted && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="已采用阶次">
            <Tag color="blue">{adopted.tierLabel}</Tag>
            {adopted.minYuan !== null || adopted.maxYuan !== null
              ? `${yuan(adopted.minYuan)} 至 ${yuan(adopted.maxYuan)}`
              : ''}
          </Descriptions.Item>
          {adopted.outOfRangeReason && (
            <Descriptions.Item label="超出幅度理由">
              {adopted.outOfRangeReason}（须经法制审核）
            </Descriptions.Item>
          )}
          {adopted.mitigationRuleLabel && (
            <Descriptions.Item label="适用减免情形">
              {adopted.mitigationRuleLabel}
              {adopted.waiverBaselineYuan !== null && `，基准下限 ${yuan(adopted.waiverBaselineYuan)}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} />}
      <Form<AdoptValues> form={form} layout="vertical" onFinish={adopt} requiredMark={false}>
        {advice.check?.needsReason && (
          <Form.Item
            name="outOfRangeReason"
            label="超出裁量幅度的理由"
            rules={[{ required: true, message: '拟罚款超出裁量基准幅度，须书面说明理由' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item name="mitigationRuleCode" label="适用的减免情形（可选）">
          <Select
            allowClear
            placeholder={usable.length ? '不适用减免' : '没有符合或待确认的减免情形'}
            options={usable.map((m) => ({
              value: m.code,
              label: `${statusTags[m.status].label}：${m.matter}`,
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!advice.proposal}>
          采用本建议
        </Button>
      </Form>
    </Card>
  );
}

/** 裁量建议: the tier and fine range for the case's circumstances, and the 减免清单 items that may apply. */
export function DiscretionTab({ caseId }: { caseId: string }) {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const [query, setQuery] = useState<Query>({});
  const { data, error, loading, reload } = useQuery<Advice>(
    `/cases/${encodeURIComponent(caseId)}/discretion`,
    query,
  );

  const formCard = (
    <Card size="small" title="裁量情节" style={{ flex: isPhone ? undefined : '0 0 340px' }}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => setQuery(toQuery(values))}
        requiredMark={false}
      >
        <Form.Item name="illegalIncomeYuan" label="违法所得（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder="无则留空" />
        </Form.Item>
        <Form.Item name="isFirstOffence" label="首次违法">
          <Radio.Group options={yesNo} optionType="button" />
        </Form.Item>
        <Form.Item name="correctedInTime" label="及时改正">
          <Radio.Group options={yesNo} optionType="button" />
        </Form.Item>
        <Form.Item name="harm" label="危害后果">
          <Radio.Group options={harmOptions} optionType="button" />
        </Form.Item>
        <Form.Item name="hasSubjectiveFault" label="有主观过错">
          <Radio.Group options={yesNo} optionType="button" />
        </Form.Item>
        <Form.Item name="proposedFineYuan" label="拟罚款数额（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder="用于核对是否在幅度内" />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={loading}>
            计算建议
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setQuery({});
            }}
          >
            重置
          </Button>
        </Flex>
      </Form>
    </Card>
  );

  return (
    <Flex vertical={isPhone} gap={16} align="flex-start" data-testid="discretion-tab">
      {formCard}
      <Flex vertical gap={16} style={{ flex: 1, minWidth: 0, width: isPhone ? '100%' : undefined }}>
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
          />
        )}
        <Card size="small" title="建议裁量阶次与幅度">
          {data ? <ProposalCard advice={data} /> : loading ? <Skeleton active /> : null}
        </Card>
        {data && (
          <AdoptCard
            caseId={caseId}
            advice={data}
            circumstances={() => form.getFieldsValue(true)}
            onAdopted={reload}
          />
        )}
        <Card size="small" title="减免清单">
          <Table<Mitigation>
            size="small"
            rowKey="code"
            columns={mitigationColumns}
            dataSource={data?.mitigations ?? []}
            loading={loading}
            scroll={{ x: 'max-content' }}
            pagination={(data?.mitigations.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
            locale={{ emptyText: <Empty description="无适用的减免清单事项" /> }}
          />
        </Card>
      </Flex>
    </Flex>
  );
}
