import { Suspense, useEffect } from 'react';
import { Spin } from 'antd';
import { useAuth } from './auth.tsx';
import type { PageRoute } from './menu.ts';
import { ForbiddenPage } from './not-found-page.tsx';

/** Checks the route's permission before loading its chunk, and names the browser tab. */
export function RoutePage({ route, title }: { route: PageRoute; title: string | undefined }) {
  const { can } = useAuth();
  const allowed = can(route.permission);
  const pageTitle = route.title ?? title;

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - 法治` : '法治';
  }, [pageTitle]);

  if (!allowed) return <ForbiddenPage />;
  const Page = route.page;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
      <Page />
    </Suspense>
  );
}
