import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['dashboard', 'attention', 'roster', 'instruments', 'norms', 'plan', 'lab', 'monitor', 'collect', 'records', 'aggregate', 'key'] as const;
export type Page = (typeof PAGES)[number];
export type TeacherRoute = { readonly page: Page } | { readonly page: 'student'; readonly id: string };

export function parseTeacherRoute(hash: string): TeacherRoute {
  const student = /^#\/student\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (student?.[1]) return { page: 'student', id: student[1] };
  const page = PAGES.find((candidate) => hash === `#/${candidate}`);
  return { page: page ?? 'dashboard' };
}

export const teacherHash = (route: TeacherRoute): string => (route.page === 'student' ? `#/student/${route.id}` : `#/${route.page}`);

/** The page lives in the hash: Back works, nothing needs a server route, the app stays static and offline. */
export function useTeacherRoute(): [TeacherRoute, (next: TeacherRoute) => void] {
  const [route, setRoute] = useState(() => parseTeacherRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseTeacherRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: TeacherRoute) => { window.location.hash = teacherHash(next); }, []);
  return [route, navigate];
}
