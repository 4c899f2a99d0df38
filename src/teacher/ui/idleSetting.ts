/** The idle-lock delay, a per-machine preference (not data): kept in localStorage, 1–240 minutes, default 15. */
const IDLE_KEY = 'psyscreen-teacher-idle-minutes';

export function idleMinutes(): number {
  const stored = Number(localStorage.getItem(IDLE_KEY));
  return Number.isFinite(stored) && stored >= 1 && stored <= 240 ? stored : 15;
}

export const setIdleMinutes = (minutes: string): void => localStorage.setItem(IDLE_KEY, minutes);
