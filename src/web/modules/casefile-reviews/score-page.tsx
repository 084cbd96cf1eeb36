import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Skeleton,
  Space,
  Statistic,
  Switch,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { api, errorMessage, isApiRequestError } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useQuery } from '../../platform/use-query.ts';
import type { FileDetail } from '../../../shared/casefile-reviews/payloads.ts';
import type { RubricItem } from '../../../shared/casefile-reviews/rubric.ts';
import type { SelfCheckResult } from '../../../shared/cases/case-file.ts';
import { caseLink } from '../cases/case-list-page.tsx';
import { roundLink, RoundStatusTag } from './rounds-page.tsx';
import { ScoreTag } from './round-detail-page.tsx';
import { fieldOfServerPath, initialScoreValues, liveScore, type ScoreFormValues } from './score-form.ts';

type FieldData<V> = Parameters<FormInstance<V>['setFields']>[0][number];

/** Rubric items in their categories, in rubric order. */
function byCategory(items: readonly RubricItem[]): [string, RubricItem[]][] {
  const groups = new Map<string, RubricItem[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups];
}

/** 结案前自查 as the reviewer sees it: failures first. */
function SelfCheckList({ result }: { result: SelfCheckResult }) {
  const items = [...result.items].sort((a, b) => Number(a.passed) - Number(b.passed));
  return (
    <Card
      size="small"
      title="结案前自查"
      extra={result.ok ? <Tag color="success">全部通过</Tag> : <Tag color="error">发现问题</Tag>}
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '无自查项目' }}
        renderItem={(item) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space align="start">
              {item.passed ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="通过" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label="未通过" />
              )}
              <div>
                <Typography.Text strong={!item.passed}>{item.label}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.detail}
                  </Typography.Text>
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ScoreForm({ file, onSaved }: { file: FileDetail; onSaved: (saved: FileDetail) => void }) {
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<ScoreFormValues>();
  const [saving, setSaving] = useState(false);
  const rubric = file.round.rubric;
  const threshold = file.round.excellenceThreshold;
  const initial = useMemo(
    () => initialScoreValues(rubric, file.deductions, file.summary, file.isExcellent),
    [rubric, file],
  );
  const watched = Form.useWatch([], form) as ScoreFormValues | undefined;
  const { total, deductions, problemByItem } = liveScore(rubric, watched?.items ? watched : initial);
  const readOnly = file.round.status === 'closed' || !can('casefileReviews.score');
  const belowThreshold = total < threshold;

  async function save(values: ScoreFormValues) {
    setSaving(true);
    try {
      const saved = await api.put<FileDetail>(`/casefile-reviews/files/${file.id}/score`, {
        deductions,
        summary: values.summary ?? '',
        excellent: !!values.excellent && !belowThreshold,
      });
      message.success(`已保存评分：${saved.totalScore}分${saved.isExcellent ? '，评为优秀案卷' : ''}`);
      onSaved(saved);
    } catch (error) {
      if (isApiRequestError(error))
        form.setFields(
          error.fields.flatMap((field): FieldData<ScoreFormValues>[] => {
            if (field.path === 'excellent') return [{ name: ['excellent'], errors: [field.message] }];
            const name = fieldOfServerPath(deductions, field.path);
            return name ? [{ name, errors: [field.message] }] : [];
          }),
        );
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<ScoreFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      disabled={readOnly}
    >
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 2, marginBottom: 12 }}>
        <Flex wrap gap={16} align="center" justify="space-between">
          <Statistic
            title="总分（系统计算）"
            value={total}
            suffix={`/ ${file.round.totalPoints}`}
            styles={{ content: { color: belowThreshold ? undefined : '#d48806' } }}
          />
          <Typography.Text type="secondary">优秀分数线 {threshold} 分</Typography.Text>
        </Flex>
      </Card>
      {byCategory(rubric).map(([category, items]) => (
        <Card key={category} size="small" title={category} style={{ marginBottom: 12 }}>
          {items.map((item, index) => (
            <div key={item.id}>
              {index > 0 && <Divider style={{ margin: '8px 0 12px' }} />}
              <Typography.Text strong>
                {item.text}（{item.maxPoints}分）
              </Typography.Text>
              {item.guidance && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    扣分标准：{item.guidance}
                  </Typography.Text>
                </div>
              )}
              <Flex wrap gap={8} style={{ marginTop: 8 }}>
                <Form.Item
                  name={['items', item.id, 'points']}
                  label="扣分"
                  style={{ marginBottom: 0, width: 120 }}
                  validateStatus={problemByItem.has(item.id) ? 'error' : undefined}
                >
                  <InputNumber
                    min={0}
                    max={item.maxPoints}
                    step={0.5}
                    suffix="分"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item
                  name={['items', item.id, 'comment']}
                  label="扣分理由"
                  style={{ marginBottom: 0, flex: '1 1 200px', minWidth: 0 }}
                  help={problemByItem.get(item.id)}
                  validateStatus={problemByItem.has(item.id) ? 'error' : undefined}
                >
                  <Input maxLength={500} placeholder="扣分时须写明理由" />
                </Form.Item>
              </Flex>
            </div>
          ))}
        </Card>
      ))}
      <Card size="small" title="评查意见" style={{ marginBottom: 12 }}>
        <Form.Item name="summary" label="评查意见">
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="excellent"
          label="评为优秀案卷"
          valuePropName="checked"
          extra={
            belowThreshold
              ? watched?.excellent
                ? `总分已低于${threshold}分，保存时将取消优秀评定`
                : `总分达到${threshold}分方可评为优秀案卷`
              : undefined
          }
        >
          <Switch disabled={readOnly || belowThreshold} checkedChildren="优秀" unCheckedChildren="否" />
        </Form.Item>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={saving} block>
            保存评分
          </Button>
        )}
      </Card>
    </Form>
  );
}

/** 案卷评分: the round's rubric item by item, the total live, and the case's self-check alongside. */
export function ScorePage() {
  const { id = '' } = useParams();
  const { data, error, reload } = useQuery<FileDetail>(`/casefile-reviews/files/${encodeURIComponent(id)}`);
  const [saved, setSaved] = useState<FileDetail>();
  const file = saved && saved.id === data?.id ? saved : data;

  if (!file) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/casefile-reviews">← 案卷评查</Link>
        {error !== undefined ? (
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
        ) : (
          <Skeleton active />
        )}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={roundLink(file.roundId)}>← {file.round.name}</Link>
      <div>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {file.caseTitle}
          </Typography.Title>
          <ScoreTag file={file} />
          <RoundStatusTag status={file.round.status} />
        </Space>
        <div>
          <Typography.Text type="secondary">
            {file.caseNumber ?? '无案号'} · {file.caseOrgName} · 结案 {file.closedOn ?? '—'} ·{' '}
            <Link to={caseLink(file.caseId)}>查看案件</Link>
          </Typography.Text>
        </div>
        {file.reviewerName && (
          <Typography.Text type="secondary">
            评查人：{file.reviewerName}（{file.scoredOn}）
          </Typography.Text>
        )}
      </div>
      {file.round.status === 'closed' && <Alert type="info" showIcon title="本轮评查已结束，评分只读。" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <ScoreForm key={`${file.id}:${file.scoredOn ?? ''}`} file={file} onSaved={setSaved} />
        </Col>
        <Col xs={24} lg={9}>
          <SelfCheckList result={file.selfCheck} />
        </Col>
      </Row>
    </Space>
  );
}
