import { useCallback, useEffect, useState } from 'react';

export type Route = { readonly page: 'library' } | { readonly page: 'preview'; readonly id: string; readonly version: string };

const PREVIEW = /^#\/preview\/([a-z][a-z0-9-]*)@(\d+\.\d+\.\d+)$/;

export function parseRoute(hash: string): Route {
  const match = PREVIEW.exec(hash);
  return match ? { page: 'preview', id: match[1] ?? '', version: match[2] ?? '' } : { page: 'library' };
}

export const routeHash = (route: Route): string => (route.page === 'preview' ? `#/preview/${route.id}@${route.version}` : '#/');

export interface RouteState {
  readonly route: Route;
  /** The route before the last change, so a page can return focus to where the user came from. */
  readonly previous?: Route;
}

/**
 * The page lives in the URL hash so the browser's Back button returns from a preview to the library,
 * and a preview can be bookmarked; a hash needs no server routes, which keeps the app static and offline.
 */
export function useHashRoute(): [RouteState, (next: Route) => void] {
  const [state, setState] = useState<RouteState>(() => ({ route: parseRoute(window.location.hash) }));
  useEffect(() => {
    const onChange = () => setState((current) => ({ route: parseRoute(window.location.hash), previous: current.route }));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => { window.location.hash = routeHash(next); }, []);
  return [state, navigate];
}
