import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Issue } from '../../../../scoring/index.ts';
import { createMonitorClient, fetchTeacherToken, hashCarriesToken, LAB_TOKEN_KEY, labTokenOf, type LabFetch, type MonitorClient } from '../../../lab/monitorClient.ts';
import type { Monitor } from '../../../lab/protocol.ts';

/** Every few seconds while the teacher looks; slowly while the tab is hidden, so a new alert still marks its title. */
export const POLL_VISIBLE_MS = 3_000;
export const POLL_HIDDEN_MS = 20_000;

export interface LabServer {
  /** Undefined: no lab server known (no token): nothing is polled. */
  readonly client: MonitorClient | undefined;
  /** The last good reply and when it came (the teacher's clock); kept when a later poll fails. */
  readonly monitor: Monitor | undefined;
  readonly updatedAt: string | undefined;
  /** Why the latest poll failed; undefined while the data is fresh. */
  readonly failure: readonly Issue[] | undefined;
  /** Asks the server for the token (works only on the server's own PC). */
  readonly connect: () => Promise<readonly Issue[] | undefined>;
  readonly pollNow: () => void;
}

export interface LabServerDeps {
  readonly fetcher: LabFetch;
  /** The lab server's origin: the workspace is served by it. */
  readonly base: string;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly now: () => string;
}

/** The token from the teacher address, kept for the tab; the address bar then stops showing it. */
function initialToken(storage: LabServerDeps['storage']): string | undefined {
  const token = labTokenOf(window.location.hash, storage);
  if (hashCarriesToken(window.location.hash)) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  return token;
}

/** One poller for the whole workspace: the alert banner and the monitor page read the same replies. */
export function useLabServer(deps: LabServerDeps): LabServer {
  const [token, setToken] = useState(() => initialToken(deps.storage));
  const [monitor, setMonitor] = useState<Monitor | undefined>();
  const [updatedAt, setUpdatedAt] = useState<string | undefined>();
  const [failure, setFailure] = useState<readonly Issue[] | undefined>();
  const client = useMemo(() => (token ? createMonitorClient(deps.fetcher, deps.base, token) : undefined), [token, deps]);
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
        setUpdatedAt(deps.now());
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
  }, [client, deps]);

  const connect = useCallback(async () => {
    const fetched = await fetchTeacherToken(deps.fetcher, deps.base);
    if (!fetched.ok) return fetched.issues;
    deps.storage.setItem(LAB_TOKEN_KEY, fetched.value);
    setToken(fetched.value);
    return undefined;
  }, [deps]);
  const pollNow = useCallback(() => wake.current(), []);

  return { client, monitor, updatedAt, failure, connect, pollNow };
}

export const LabServerContext = createContext<LabServer | undefined>(undefined);

export function useLabServerContext(): LabServer {
  const lab = useContext(LabServerContext);
  if (!lab) throw new Error('useLabServerContext outside TeacherApp');
  return lab;
}
