import { Button, Result } from 'antd';
import { useNavigate, useRouteError } from 'react-router-dom';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有访问此页面的权限，如需开通请联系系统管理员。"
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}

/** Router error boundary: a failed chunk load after a deployment, or a render error. */
export function RouteErrorPage() {
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="可能是系统刚刚更新，请刷新页面后重试。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
