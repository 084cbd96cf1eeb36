import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router-dom';
import { AuthProvider, RequireAuth } from './platform/auth.tsx';
import { AppShell } from './platform/app-shell.tsx';
import { LoginPage } from './platform/login-page.tsx';
import { ChangePasswordPage } from './platform/change-password-page.tsx';
import { NotFoundPage, RouteErrorPage } from './platform/not-found-page.tsx';
import { RoutePage } from './platform/route-page.tsx';
import { findMenuEntry, type PageRoute } from './platform/menu.ts';
import { menuEntries, pageRoutes } from './modules.ts';

function toRouteObject(route: PageRoute): RouteObject {
  const title = findMenuEntry(menuEntries, route.path)?.entry.label;
  const element = <RoutePage route={route} title={title} />;
  // Shell children are relative; '/' is the shell's index page.
  return route.path === '/' ? { index: true, element } : { path: route.path.replace(/^\//, ''), element };
}

const router = createBrowserRouter([
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
