import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { api } from '../../api.ts';
import { showServerErrors } from '../../platform/form-errors.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type {
  MitigationRuleSummary,
  UpdateMitigationRuleInput,
  UpdateViolationTypeInput,
  ViolationTypeSummary,
} from '../../../shared/cases/catalogs.ts';
import { discretionTierLabels, type DiscretionTierKind } from '../../../shared/cases/discretion.ts';

type ViolationType = z.infer<typeof ViolationTypeSummary>;
type MitigationRule = z.infer<typeof MitigationRuleSummary>;

const tierOptions = Object.entries(discretionTierLabels).map(([value, label]) => ({ value, label }));
const isTierKind = (value: string): value is DiscretionTierKind => Object.hasOwn(discretionTierLabels, value);

type DrawerProps<T> = { row: T | undefined; onClose: () => void; onSaved: () => void };

/** The drawer's save and cancel buttons, and the one line of error the fields did not take. */
function useSave<V>(form: ReturnType<typeof Form.useForm<V>>[0], onSaved: () => void) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (send: () => Promise<unknown>) => {
    setSaving(true);
    setError(undefined);
    try {
      await send();
      message.success('已保存');
      onSaved();
    } catch (caught) {
      setError(showServerErrors(form, caught));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save, clearError: () => setError(undefined) };
}

/** The drawer both editors share: full width on a phone, 取消/保存 at the top, the error the fields did not take. */
function EditDrawer(props: {
  open: boolean;
  title: string;
  width: number;
  saving: boolean;
  error: string | undefined;
  onClose: () => void;
  onSave: () => void;
  children: ReactNode;
}) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      size={isPhone ? '100%' : props.width}
      forceRender
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={props.saving} onClick={props.onSave}>
            保存
          </Button>
        </Space>
      }
    >
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} />}
      {props.children}
    </Drawer>
  );
}

/** 编辑裁量基准: a violation type's title, bases and tiers; the server reads each tier's fine range again. */
export function ViolationTypeEditDrawer({ row, onClose, onSaved }: DrawerProps<ViolationType>) {
  const [form] = Form.useForm<UpdateViolationTypeInput>();
  const { saving, error, save, clearError } = useSave(form, onSaved);
  useEffect(() => {
    if (!row) return;
    clearError();
    form.resetFields();
    form.setFieldsValue({
      title: row.title,
      legalBasis: row.legalBasis,
      penaltyBasis: row.penaltyBasis ?? '',
      tiers: row.tiers.map((tier) => ({ ...tier, tier: isTierKind(tier.tier) ? tier.tier : 'ordinary' })),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row, form]);

  return (
    <EditDrawer
      open={row !== undefined}
      title="编辑裁量基准"
      width={720}
      saving={saving}
      error={error}
      onClose={onClose}
      onSave={() => form.submit()}
    >
      <Form<UpdateViolationTypeInput>
        form={form}
        layout="vertical"
        onFinish={(values) => save(() => api.patch(`/catalogs/violation-types/${row!.id}`, values))}
      >
        <Form.Item name="title" label="违法行为" rules={[{ required: true, message: '请填写违法行为' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律依据">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="penaltyBasis" label="处罚依据">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Typography.Text strong>裁量阶次</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          罚款幅度按“裁量标准”重新识别，如“处5000元以上1万元以下罚款”“处违法所得1倍以上3倍以下罚款”；不予、免予处罚的阶次可不填。
        </Typography.Paragraph>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`阶次 ${index + 1}`}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        aria-label={`删除阶次 ${index + 1}`}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <Space wrap style={{ width: '100%' }}>
                    <Form.Item
                      name={[field.name, 'tier']}
                      label="阶次"
                      rules={[{ required: true, message: '请选择阶次' }]}
                    >
                      <Select options={tierOptions} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label']}
                      label="阶次名称"
                      rules={[{ required: true, message: '请填写阶次名称' }]}
                    >
                      <Input maxLength={50} style={{ width: 200 }} />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[field.name, 'circumstances']} label="适用情形">
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'standard']}
                    label="裁量标准或罚款幅度"
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                block
                onClick={() => add({ tier: 'ordinary', label: '一般', circumstances: '', standard: '' })}
              >
                添加阶次
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </EditDrawer>
  );
}

/** 编辑减免清单事项: matter, basis, conditions, and 停用 (a rule no longer offered, kept for the record). */
export function MitigationRuleEditDrawer({ row, onClose, onSaved }: DrawerProps<MitigationRule>) {
  const [form] = Form.useForm<UpdateMitigationRuleInput>();
  const { saving, error, save, clearError } = useSave(form, onSaved);
  useEffect(() => {
    if (!row) return;
    clearError();
    form.resetFields();
    form.setFieldsValue({
      matter: row.matter,
      basis: row.basis,
      conditions: row.conditions,
      isActive: row.isActive ?? true,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row, form]);

  return (
    <EditDrawer
      open={row !== undefined}
      title="编辑减免清单事项"
      width={560}
      saving={saving}
      error={error}
      onClose={onClose}
      onSave={() => form.submit()}
    >
      <Form<UpdateMitigationRuleInput>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save(() =>
            api.patch(`/catalogs/mitigation-rules/${row!.id}`, {
              ...values,
              conditions: (values.conditions ?? []).filter((condition) => condition.trim() !== ''),
            }),
          )
        }
      >
        <Form.Item name="matter" label="事项" rules={[{ required: true, message: '请填写事项' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="basis" label="依据">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="适用条件" required={false}>
          <Form.List name="conditions">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ width: '100%' }}>
                    <Form.Item name={field.name} style={{ marginBottom: 0, flex: 1, minWidth: 280 }}>
                      <Input aria-label={`适用条件 ${index + 1}`} maxLength={1000} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={`删除适用条件 ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  添加条件
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="isActive"
          label="是否有效"
          valuePropName="checked"
          extra="停用后，该事项不再出现在案件的裁量建议中，记录仍保留。"
        >
          <Switch checkedChildren="有效" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
