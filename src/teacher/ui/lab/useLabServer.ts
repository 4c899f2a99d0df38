import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { issue, type Issue } from '../../../../scoring/index.ts';
import { captureLabToken, forgetLabToken, keepLabToken, type TokenPlace } from '../../../lab/labToken.ts';
import { createTeacherLabClient, type LabFetch, type TeacherLabClient } from '../../../lab/teacherClient.ts';
import { askTeacherToken, checkLab, type LabStatus, type TokenAsked } from '../../../lab/teacherConnection.ts';
import { useMonitorPoll, type MonitorPoll } from './useMonitorPoll.ts';

export interface LabServerDeps {
  readonly fetch: LabFetch;
  /** The lab server's origin: the workspace is served by it. */
  readonly origin: string;
  /** The workspace is opened on the server's own PC (localhost): the server hands it the token. */
  readonly onLoopback: boolean;
  readonly tokens: TokenPlace;
  readonly now: () => string;
}

export interface LabServer extends MonitorPoll {
  /** Whether a lab server is behind this page (GET /hello), and what it serves. */
  readonly status: LabStatus;
  /** The one teacher client; it carries the token when this tab holds one (teacher calls say `lab_no_token` otherwise). */
  readonly client: TeacherLabClient;
  readonly hasToken: boolean;
  /** Why there is no token, for the teacher; empty while there is one. */
  readonly tokenIssues: readonly Issue[];
  /** Asks GET /hello again, then, holding no token and on the server's own PC, GET /teacher/token. */
  readonly check: () => void;
  /** Asks GET /teacher/token now (it works only on the server's own PC). */
  readonly connect: () => Promise<void>;
  /** Told of every failed teacher call: a token the server no longer takes (a restart gives a new one) is forgotten. */
  readonly refused: (issues: readonly Issue[]) => void;
}

/**
 * The workspace's one link to the lab server, held by TeacherApp for every page: the token (from the
 * printed address, or asked for on the server's own PC), the server's hello, and one monitor poller
 * that the alert banner and the monitor page both read. On localhost it looks once at start-up, so the
 * banner works there without the printed address.
 */
export function useLabServer(deps: LabServerDeps): LabServer {
  const [token, setToken] = useState(() => captureLabToken(deps.tokens));
  const [status, setStatus] = useState<LabStatus>({ kind: deps.onLoopback ? 'checking' : 'unchecked' });
  const [tokenIssues, setTokenIssues] = useState<readonly Issue[]>([]);
  const anonymous = useMemo(() => createTeacherLabClient({ fetch: deps.fetch, origin: deps.origin }), [deps]);
  const client = useMemo(() => (token === undefined ? anonymous : createTeacherLabClient({ fetch: deps.fetch, origin: deps.origin, token })), [deps, anonymous, token]);
  const poll = useMonitorPoll(token === undefined ? undefined : client, deps.now);
  const held = useRef(token);
  useEffect(() => { held.current = token; }, [token]);
  // one check and one token ask at a time: a page asking while the start-up check runs shares it
  // (React's strict mode runs every effect twice in development and tests)
  const checking = useRef(false);
  const asking = useRef<Promise<void> | undefined>(undefined);

  const take = useCallback((asked: TokenAsked) => {
    if (asked.token !== undefined) {
      keepLabToken(deps.tokens, asked.token);
      held.current = asked.token;
      setToken(asked.token);
    }
    setTokenIssues(asked.tokenIssues);
  }, [deps]);

  const check = useCallback(() => {
    if (checking.current) return;
    checking.current = true;
    setStatus({ kind: 'checking' });
    void checkLab(anonymous, { holdsToken: held.current !== undefined, onLoopback: deps.onLoopback }).then((checked) => {
      checking.current = false;
      setStatus(checked.status);
      take(checked);
    });
  }, [anonymous, deps, take]);

  useEffect(() => {
    if (deps.onLoopback) check();
  }, [deps, check]);

  const connect = useCallback(() => {
    asking.current ??= askTeacherToken(anonymous).then((asked) => {
      asking.current = undefined;
      take(asked);
    });
    return asking.current;
  }, [anonymous, take]);

  const refused = useCallback((issues: readonly Issue[]) => {
    if (!issues.some((found) => found.code === 'lab_unauthorized')) return;
    forgetLabToken(deps.tokens);
    held.current = undefined;
    setToken(undefined);
    setTokenIssues([issue('lab_unauthorized', [])]);
  }, [deps]);

  return useMemo(() => ({ ...poll, status, client, hasToken: token !== undefined, tokenIssues, check, connect, refused }), [poll, status, client, token, tokenIssues, check, connect, refused]);
}

export const LabServerContext = createContext<LabServer | undefined>(undefined);

export function useLabServerContext(): LabServer {
  const lab = useContext(LabServerContext);
  if (!lab) throw new Error('useLabServerContext outside TeacherApp');
  return lab;
}
