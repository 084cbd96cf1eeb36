import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, isApiRequestError } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { showServerErrors } from '../../platform/form-errors.ts';
import { useQuery } from '../../platform/use-query.ts';
import type { Rubric } from '../../../shared/casefile-reviews/payloads.ts';
import {
  rubricCategories,
  rubricFullMarks,
  rubricTotal,
  type RubricItem,
} from '../../../shared/casefile-reviews/rubric.ts';

type RubricFormValues = { items: Partial<RubricItem>[] };
const categoryOptions = rubricCategories.map((value) => ({ value }));

function RubricForm({ rubric, onSaved }: { rubric: Rubric; onSaved: (saved: Rubric) => void }) {
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<RubricFormValues>();
  const [saving, setSaving] = useState(false);
  const readOnly = !can('casefileReviews.manage');
  const items = (Form.useWatch('items', form) ?? rubric.items) as Partial<RubricItem>[];
  const total = rubricTotal(items.map((item) => ({ maxPoints: item?.maxPoints ?? 0 })));

  async function save(values: RubricFormValues) {
    setSaving(true);
    try {
      const saved = await api.put<Rubric>('/casefile-reviews/rubric', {
        // A new row has no id yet: the server gives it one.
        items: values.items.map((item) => ({ ...item, id: item.id || undefined })),
      });
      message.success(`已保存评查标准（第${saved.version}版）`);
      onSaved(saved);
    } catch (error) {
      // The total is a problem of the whole list, shown as it is; item problems go under their fields.
      const ofWholeList = isApiRequestError(error) && error.fields.some((f) => f.path === 'items');
      message.error(ofWholeList ? errorMessage(error) : showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<RubricFormValues>
      form={form}
      layout="vertical"
      initialValues={{ items: rubric.items }}
      onFinish={save}
      disabled={readOnly}
    >
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={`第${index + 1}项`}
                extra={
                  !readOnly && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除第${index + 1}项`}
                      onClick={() => remove(field.name)}
                    />
                  )
                }
              >
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Flex wrap gap={8}>
                  <Form.Item
                    name={[field.name, 'category']}
                    label="评查类别"
                    rules={[{ required: true, message: '请填写评查类别' }]}
                    style={{ flex: '1 1 160px', marginBottom: 8 }}
                  >
                    <AutoComplete options={categoryOptions} maxLength={20} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'maxPoints']}
                    label="分值"
                    rules={[{ required: true, message: '请填写分值' }]}
                    style={{ width: 120, marginBottom: 8 }}
                  >
                    <InputNumber min={0.5} max={100} step={0.5} suffix="分" style={{ width: '100%' }} />
                  </Form.Item>
                </Flex>
                <Form.Item
                  name={[field.name, 'text']}
                  label="评查内容"
                  rules={[{ required: true, message: '请填写评查内容' }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'guidance']} label="扣分标准" style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={500} />
                </Form.Item>
              </Card>
            ))}
            {!readOnly && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ category: '', text: '', maxPoints: 5, guidance: '' })}
              >
                添加评查项目
              </Button>
            )}
          </Space>
        )}
      </Form.List>
      <Card size="small" style={{ position: 'sticky', bottom: 0, marginTop: 12, zIndex: 2 }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text>
            合计{' '}
            <Typography.Text strong type={total === rubricFullMarks ? undefined : 'danger'}>
              {total}
            </Typography.Text>{' '}
            分（应为{rubricFullMarks}分）
          </Typography.Text>
          {!readOnly && (
            <Button type="primary" htmlType="submit" loading={saving}>
              保存为新版本
            </Button>
          )}
        </Flex>
      </Card>
    </Form>
  );
}

/** 评查标准 of the user's organisation: items by category with points and deduction guidance. */
export function RubricPage() {
  const { data, error, reload } = useQuery<Rubric>('/casefile-reviews/rubric');
  const [saved, setSaved] = useState<Rubric>();
  const rubric = saved ?? data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/casefile-reviews">← 案卷评查</Link>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          案卷评查标准
        </Typography.Title>
        {rubric && (
          <Tag color={rubric.isDefault ? 'default' : 'blue'}>
            {rubric.isDefault
              ? '默认标准'
              : `${rubric.sourceOrgId === rubric.orgId ? '' : `${rubric.sourceOrgName}·`}第${rubric.version}版`}
          </Tag>
        )}
      </Space>
      {rubric?.isDefault && (
        <Alert
          type="info"
          showIcon
          title="本机构尚未制定评查标准，以下为参照常见行政处罚案卷评查标准拟定的默认标准，请结合本省现行标准修改后保存。"
        />
      )}
      {rubric && !rubric.isDefault && rubric.sourceOrgId !== rubric.orgId && (
        <Alert
          type="info"
          showIcon
          title={`本机构沿用上级机构「${rubric.sourceOrgName}」的评查标准；修改后保存即成为本机构自己的标准。`}
        />
      )}
      <Typography.Text type="secondary">
        新建评查轮次时复制当时的评查标准；修改标准不影响已开始的评查轮次。
      </Typography.Text>
      {error !== undefined && !rubric && <Alert type="error" showIcon title={errorMessage(error)} />}
      {!rubric && error === undefined && <Skeleton active />}
      {rubric && <RubricForm key={`${rubric.version}`} rubric={rubric} onSaved={setSaved} />}
      {error !== undefined && (
        <Button size="small" onClick={reload}>
          重试
        </Button>
      )}
    </Space>
  );
}
