import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue } from '../../../../scoring/index.ts';
import type { Monitor } from '../../../lab/protocol.ts';
import type { TeacherLabClient } from '../../../lab/teacherClient.ts';

/** Every few seconds while the teacher looks; slowly while the tab is hidden, so a new alert still marks its title. */
export const POLL_VISIBLE_MS = 3_000;
export const POLL_HIDDEN_MS = 20_000;

export interface MonitorPoll {
  /** The last good reply and when it came (the teacher's clock); kept when a later poll fails. */
  readonly monitor: Monitor | undefined;
  readonly updatedAt: string | undefined;
  /** Why the latest poll failed; undefined while the data is fresh. */
  readonly failure: readonly Issue[] | undefined;
  readonly pollNow: () => void;
}

/** Polls GET /teacher/monitor while there is a client with a token (undefined: nothing is polled). */
export function useMonitorPoll(client: Pick<TeacherLabClient, 'monitor'> | undefined, now: () => string): MonitorPoll {
  const [monitor, setMonitor] = useState<Monitor | undefined>();
  const [updatedAt, setUpdatedAt] = useState<string | undefined>();
  const [failure, setFailure] = useState<readonly Issue[] | undefined>();
  const wake = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!client) return undefined;
    let stopped = false;
    let timer: number | undefined;
    let running = false;
    const poll = async () => {
      if (running) return;
      running = true;
      window.clearTimeout(timer);
      const reply = await client.monitor();
      running = false;
      if (stopped) return;
      if (reply.ok) {
        setMonitor(reply.value);
        setUpdatedAt(now());
        setFailure(undefined);
      } else {
        setFailure(reply.issues);
      }
      timer = window.setTimeout(() => void poll(), document.hidden ? POLL_HIDDEN_MS : POLL_VISIBLE_MS);
    };
    const onVisibility = () => { if (!document.hidden) void poll(); };
    wake.current = () => void poll();
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      wake.current = () => undefined;
    };
  }, [client, now]);

  const pollNow = useCallback(() => wake.current(), []);
  return { monitor, updatedAt, failure, pollNow };
}
