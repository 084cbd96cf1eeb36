import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { api } from '../api.ts';
import { useAuth, useMe } from './auth.tsx';
import { showServerErrors } from './form-errors.ts';
import { Logo } from './logo.tsx';
import type { ChangePasswordInput } from '../../shared/platform/auth.ts';

type ChangePasswordForm = ChangePasswordInput & { confirmPassword: string };

/** Standalone (no shell), because a user with `mustChangePassword` may not use anything else first. */
export function ChangePasswordPage() {
  const me = useMe();
  const { refresh, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    document.title = '修改密码 - 法治';
  }, []);

  async function submit({ currentPassword, newPassword }: ChangePasswordForm) {
    setSubmitting(true);
    setError(undefined);
    try {
      // 401 here means a wrong current password, not an expired session: no redirect.
      await api.post(
        '/auth/password',
        { currentPassword, newPassword },
        { redirectOnUnauthenticated: false },
      );
      message.success('密码已修改');
      const user = await refresh();
      navigate(user ? '/' : '/login', { replace: true });
    } catch (caught) {
      setError(showServerErrors(form, caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: '#f5f7fb',
      }}
    >
      <Card title={<Logo compact />} style={{ width: '100%', maxWidth: 440 }}>
        {me.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            title="首次登录或密码已被重置，请先设置新密码"
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} disabled={submitting}>
          <Form.Item
            name="currentPassword"
            label="当前密码"
            rules={[{ required: true, message: '请输入当前密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra="至少10位，须同时包含字母和数字"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 10, message: '新密码至少10位' },
              { pattern: /[A-Za-z]/, message: '新密码须包含字母' },
              { pattern: /\d/, message: '新密码须包含数字' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting}>
              保存新密码
            </Button>
            {me.mustChangePassword ? (
              <Button onClick={() => void logout()}>退出登录</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>返回</Button>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}
