import { Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router-dom';
import { AuthProvider, FullPageSpin, RequireAuth } from './platform/auth.tsx';
import { AppShell } from './platform/app-shell.tsx';
import { LoginPage } from './platform/login-page.tsx';
import { ChangePasswordPage } from './platform/change-password-page.tsx';
import { NotFoundPage, RouteErrorPage } from './platform/not-found-page.tsx';
import { RoutePage } from './platform/route-page.tsx';
import { findMenuEntry, lazyPage, type PageRoute } from './platform/menu.ts';
import { menuEntries, pageRoutes } from './modules.ts';

function toRouteObject(route: PageRoute): RouteObject {
  const title = findMenuEntry(menuEntries, route.path)?.entry.label;
  const element = <RoutePage route={route} title={title} />;
  // Shell children are relative; '/' is the shell's index page.
  return route.path === '/' ? { index: true, element } : { path: route.path.replace(/^\//, ''), element };
}

/** 行政执法公示: open to everyone, so it sits outside the session check and the shell. */
const PublicPenaltiesPage = lazyPage(
  () => import('./public/public-penalties-page.tsx'),
  'PublicPenaltiesPage',
);

const router = createBrowserRouter([
  {
    path: '/public/penalties',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicPenaltiesPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    element: (
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth>
            <ChangePasswordPage />
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppShell menu={menuEntries} />
          </RequireAuth>
        ),
        errorElement: <RouteErrorPage />,
        children: [...pageRoutes.map(toRouteObject), { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
