import { useSyncExternalStore } from 'react';

/** Phone layout below antd's `md` breakpoint: the side menu becomes a drawer. */
export const phoneQuery = '(max-width: 767.98px)';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export function useIsPhone(): boolean {
  return useMediaQuery(phoneQuery);
}
