import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Spin } from 'antd';
import { api, setUnauthenticatedHandler } from '../api.ts';
import type { LoginInput, Me, MeResponse } from '../../shared/platform/auth.ts';
import type { Permission } from '../../shared/platform/access.ts';

/** A page or menu entry needs one permission, or any one of several. */
export type PermissionRequirement = Permission | readonly Permission[];

type AuthContextValue = {
  me: Me | null;
  login: (input: LoginInput) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads the session user (after a password change or a profile edit). */
  refresh: () => Promise<Me | null>;
  can: (requirement: PermissionRequirement | undefined) => boolean;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function hasPermission(me: Me | null, requirement: PermissionRequirement | undefined): boolean {
  if (requirement === undefined) return true;
  if (!me) return false;
  const required: readonly string[] = typeof requirement === 'string' ? [requirement] : requirement;
  return required.some((permission) => me.permissions.includes(permission));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    try {
      const { user } = await api.get<MeResponse>('/auth/me', undefined, { redirectOnUnauthenticated: false });
      setMe(user);
      return user;
    } catch {
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh().finally(() => setChecking(false));
  }, [refresh]);

  // An expired session anywhere in the app lands on the login page, remembering where the user was.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setMe(null);
      if (window.location.pathname !== '/login') {
        navigate('/login', {
          replace: true,
          state: { from: window.location.pathname + window.location.search },
        });
      }
    });
  }, [navigate]);

  const login = useCallback(async (input: LoginInput) => {
    const { user } = await api.post<MeResponse>('/auth/login', input, { redirectOnUnauthenticated: false });
    setMe(user);
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { redirectOnUnauthenticated: false });
    } finally {
      setMe(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const can = useCallback(
    (requirement: PermissionRequirement | undefined) => hasPermission(me, requirement),
    [me],
  );
  const value = useMemo(() => ({ me, login, logout, refresh, can }), [me, login, logout, refresh, can]);

  if (checking && location.pathname !== '/login') return <FullPageSpin />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered under RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used without a signed-in user');
  return me;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Sends anonymous visitors to /login and users who must change their password to /change-password. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return children;
}
