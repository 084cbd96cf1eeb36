import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormProps } from 'antd';
import { showServerErrors } from './form-errors.ts';

export type FormModalProps<V> = {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the values; a thrown ApiRequestError puts its field messages under the named fields. */
  onSubmit: (values: V) => Promise<unknown>;
  onSaved?: () => void;
  successText?: string;
  initialValues?: FormProps<V>['initialValues'];
  okText?: string;
  width?: number;
  children: ReactNode;
};

/** A modal whose body is a form; remounted on every open so `initialValues` always apply. */
export function FormModal<V>({
  title,
  open,
  onClose,
  onSubmit,
  onSaved,
  successText = '已保存',
  initialValues,
  okText = '保存',
  width,
  children,
}: FormModalProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [submitting, setSubmitting] = useState(false);

  async function finish(values: V) {
    setSubmitting(true);
    try {
      await onSubmit(values);
      message.success(successText);
      onClose();
      onSaved?.();
    } catch (error) {
      message.error(showServerErrors(form, error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      width={width}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={finish} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}

/** Optional text inputs: the API wants null, not an empty string. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
