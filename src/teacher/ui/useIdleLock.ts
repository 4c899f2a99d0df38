import { useEffect } from 'react';

/**
 * Calls `onIdle` after `minutes` without a key press, click, pointer move or scroll. The workspace
 * drops its unlocked key and decrypted records then, so an unattended screen shows nothing.
 */
export function useIdleLock(active: boolean, minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return undefined;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
    for (const name of events) window.addEventListener(name, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, reset);
    };
  }, [active, minutes, onIdle]);
}
