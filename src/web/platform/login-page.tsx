import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from './auth.tsx';
import { showServerErrors } from './form-errors.ts';
import { Logo } from './logo.tsx';
import type { LoginInput } from '../../shared/platform/auth.ts';

/** Only same-site paths, so a crafted `?next=` cannot send the user elsewhere. */
function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && value !== '/login'
    ? value
    : undefined;
}

export function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<LoginInput>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const next =
    safeNext((location.state as { from?: unknown } | null)?.from) ??
    safeNext(searchParams.get('next')) ??
    '/';

  useEffect(() => {
    document.title = '登录 - 法治';
  }, []);

  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/change-password' : next} replace />;

  async function submit(values: LoginInput) {
    setSubmitting(true);
    setError(undefined);
    try {
      const user = await login(values);
      navigate(user.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (caught) {
      setError(showServerErrors(form, caught));
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
        background: 'linear-gradient(160deg, #f5f7fb 0%, #e8eef9 100%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Logo compact />
          <Typography.Title level={4} style={{ marginTop: 16, marginBottom: 4 }}>
            法治政府建设工作平台
          </Typography.Title>
          <Typography.Text type="secondary">卫生健康委 · 卫生监督所</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 20 }}>
          <Link to="/public/penalties">行政执法公示</Link>
        </div>
      </Card>
    </div>
  );
}
