import { useMemo, useState, type ReactElement } from 'react';
import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Typography,
  type FormRule,
} from 'antd';
import type { z } from 'zod';
import { api, ApiRequestError, isApiRequestError } from '../../api.ts';
import { showServerErrors } from '../../platform/form-errors.ts';
import { timelinePath, type AllowedAction } from '../../platform/procedure-timeline.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  actionFields,
  checkFieldValue,
  initialActionValues,
  issuesToFieldErrors,
  toActionInput,
  type ActionField,
  type FieldValue,
} from './action-fields.ts';
import type { OfficerOption } from './use-eligible-officers.ts';

type Values = { note?: string; input?: Record<string, FieldValue> };

function rulesFor(field: ActionField): FormRule[] {
  const verb =
    field.kind === 'text' || field.kind === 'number' || field.kind === 'list' ? '请填写' : '请选择';
  const rules: FormRule[] = [];
  if (field.required && field.kind !== 'boolean')
    rules.push({ required: true, message: `${verb}${field.label}` });
  rules.push({
    validator: (_, value: FieldValue) => {
      const problem = checkFieldValue(field, value);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  });
  return rules;
}

/** The input for a field; called (not rendered as a component) so Form.Item injects id, value and onChange into it. */
function controlFor(field: ActionField, officerOptions: OfficerOption[]): ReactElement {
  switch (field.kind) {
    case 'text':
      return field.multiline ? (
        <Input.TextArea rows={3} maxLength={field.maxLength} showCount={field.maxLength !== undefined} />
      ) : (
        <Input maxLength={field.maxLength} />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'number':
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={field.min}
          max={field.max}
          precision={field.integer ? 0 : field.unit === 'fen' ? 2 : undefined}
          suffix={field.unit === 'fen' ? '元' : undefined}
        />
      );
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'enum':
      return (
        <Select
          mode={field.multiple ? 'multiple' : undefined}
          options={field.options}
          placeholder={`请选择${field.label}`}
          allowClear={!field.required}
        />
      );
    case 'list':
      return (
        <Select
          mode="tags"
          open={false}
          tokenSeparators={['、', '，', ',']}
          placeholder={`逐个输入${field.label}，以回车或顿号分隔`}
        />
      );
    case 'officers':
      return (
        <Select
          mode={field.multiple ? 'multiple' : undefined}
          options={officerOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={field.multiple ? '选择持有效执法证的人员' : '选择人员'}
          allowClear={!field.required}
        />
      );
  }
}

/** Server field paths may name the input's key alone (`summary`) or under `input`; the form keeps them under 'input'. */
function underInput(error: unknown): unknown {
  if (!isApiRequestError(error) || error.fields.length === 0) return error;
  const fields = error.fields.map((field) =>
    /^(input|note)([./[]|$)/.test(field.path)
      ? field
      : { ...field, path: `input.${field.path.replace(/^\//, '')}` },
  );
  return new ApiRequestError(error.status, error.code, error.message, fields);
}

export type ActionModalProps = {
  procedureId: string;
  recordId: string;
  /** The action being taken; undefined keeps the dialog closed. */
  action: AllowedAction | undefined;
  /** The action's input schema (ordinaryActionInputs[action]); undefined when it takes only a note. */
  schema: z.ZodType | undefined;
  /** Values the case already holds, used as defaults when a field has the same name. */
  known: Record<string, unknown>;
  officerOptions: OfficerOption[];
  onClose: () => void;
  onDone: () => void;
};

/** Takes one procedure action with the form its zod input schema describes, plus an optional 办理意见. */
export function ActionModal(props: ActionModalProps) {
  // Remounted per action so each form starts from its own defaults.
  return props.action ? <ActionForm key={props.action.action} {...props} action={props.action} /> : null;
}

function ActionForm({
  procedureId,
  recordId,
  action,
  schema,
  known,
  officerOptions,
  onClose,
  onDone,
}: ActionModalProps & { action: AllowedAction }) {
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const fields = useMemo(() => actionFields(schema), [schema]);
  const initialValues = useMemo<Values>(
    () => ({ input: initialActionValues(fields, known) }),
    [fields, known],
  );

  async function submit(values: Values) {
    setFailure(undefined);
    const input = toActionInput(fields, values.input ?? {});
    if (schema) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        form.setFields(issuesToFieldErrors(parsed.error, 'input'));
        return;
      }
    }
    const note = values.note?.trim();
    setSubmitting(true);
    try {
      await api.post(`${timelinePath(procedureId, recordId)}/actions/${encodeURIComponent(action.action)}`, {
        ...(note ? { note } : {}),
        ...(schema ? { input } : {}),
      });
      message.success(`已办理：${action.label}`);
      onDone();
    } catch (caught) {
      const text = showServerErrors(form, underInput(caught));
      // 403 wrong role, 409 moved on, 422 guard/document/certificate: the server's reason stays in view.
      setFailure(text);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={action.label}
      okText="确认办理"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      width={isPhone ? undefined : 560}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="action-error"
          />
        )}
        {fields.length === 0 && (
          <Typography.Paragraph type="secondary">此环节无需填写其他内容，确认后即办理。</Typography.Paragraph>
        )}
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={['input', field.name]}
            label={field.label}
            required={field.required && field.kind !== 'boolean'}
            rules={rulesFor(field)}
            valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
          >
            {controlFor(field, officerOptions)}
          </Form.Item>
        ))}
        <Form.Item
          name="note"
          label="办理意见（可选）"
          rules={[{ max: 2000, message: '办理意见不超过2000字' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
