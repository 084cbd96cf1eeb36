import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { hasPermission, type PermissionRequirement } from './auth.tsx';
import type { Me } from '../../shared/platform/auth.ts';
import type { AllowedAction } from './procedure-timeline.tsx';

/** One side-menu item; an entry with `children` is a group and is shown when any child is. */
export type MenuEntry = {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Absolute path; the entry is selected for this path and every path below it. */
  path?: string;
  permission?: PermissionRequirement;
  children?: MenuEntry[];
};

/** A page mounted inside the shell; `permission` is checked before the page loads. */
export type PageRoute = {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  permission?: PermissionRequirement;
  /** Browser tab title; defaults to the matching menu label. */
  title?: string;
};

/** The dialog that takes one action of a procedure record with the input the action needs. */
export type RecordActionFormProps = {
  procedureId: string;
  recordId: string;
  /** The action being taken; undefined keeps the dialog closed. */
  action: AllowedAction | undefined;
  onClose: () => void;
  onDone: () => void;
};

/** A module's action dialog for its procedures, so generic views (the workbench) ask for the same input. */
export type RecordActionForm = {
  procedureIds: readonly string[];
  form: LazyExoticComponent<ComponentType<RecordActionFormProps>>;
};

/** What a feature module contributes to the web app: its menu entries, its pages and its action dialogs. */
export type WebModule = {
  menu: MenuEntry[];
  routes: PageRoute[];
  actionForms?: RecordActionForm[];
};

/** React.lazy for a module that uses named exports only. */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  exportName: K,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((loaded) => ({ default: loaded[exportName] })));
}

/** The entries this user may see; groups without a visible child disappear. */
export function visibleMenu(entries: MenuEntry[], me: Me | null): MenuEntry[] {
  const visible: MenuEntry[] = [];
  for (const entry of entries) {
    if (!hasPermission(me, entry.permission)) continue;
    if (entry.children) {
      const children = visibleMenu(entry.children, me);
      if (children.length > 0) visible.push({ ...entry, children });
    } else {
      visible.push(entry);
    }
  }
  return visible;
}

function flatten(entries: MenuEntry[], parents: string[] = []): { entry: MenuEntry; parents: string[] }[] {
  return entries.flatMap((entry) =>
    entry.children ? flatten(entry.children, [...parents, entry.key]) : [{ entry, parents }],
  );
}

function pathMatches(base: string, pathname: string): boolean {
  if (base === '/') return pathname === '/';
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** The leaf whose path is the longest prefix of `pathname`, with the keys of its groups. */
export function findMenuEntry(
  entries: MenuEntry[],
  pathname: string,
): { entry: MenuEntry; parents: string[] } | undefined {
  let best: { entry: MenuEntry; parents: string[] } | undefined;
  for (const candidate of flatten(entries)) {
    const path = candidate.entry.path;
    if (!path || !pathMatches(path, pathname)) continue;
    if (!best || path.length > (best.entry.path?.length ?? 0)) best = candidate;
  }
  return best;
}
