import { useCallback, useEffect, useState } from 'react';
import type { Issue } from '../../../../scoring/index.ts';
import type { Hello } from '../../../lab/protocol.ts';
import type { TeacherLabClient } from '../../../lab/teacherClient.ts';
import { isLoopbackUrl } from './kioskAddress.ts';
import { browserLabClient, captureTokenFromAddress, forgetToken, keepToken } from './labEnvironment.ts';

export type LabHello = { readonly kind: 'checking' } | { readonly kind: 'absent'; readonly issues: readonly Issue[] } | { readonly kind: 'present'; readonly hello: Hello };

/** Is this page served by a lab server, and which kiosk addresses does it give. Asks once per mount. */
export function useLabHello(): [LabHello, () => void] {
  const [state, setState] = useState<LabHello>({ kind: 'checking' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void browserLabClient().hello().then((hello) => {
      if (current) setState(hello.ok ? { kind: 'present', hello: hello.value } : { kind: 'absent', issues: hello.issues });
    });
    return () => { current = false; };
  }, [round]);
  const recheck = useCallback(() => { setState({ kind: 'checking' }); setRound((value) => value + 1); }, []);
  return [state, recheck];
}

export type LabServer =
  | Exclude<LabHello, { kind: 'present' }>
  | { readonly kind: 'present'; readonly hello: Hello; readonly client: TeacherLabClient; readonly tokenIssues: readonly Issue[] };

/**
 * The lab server with a teacher client: the token this tab holds (from the printed address), else one
 * asked for over loopback (the workspace opened on the server's own PC). `refused` forgets a token the
 * server no longer takes (a restarted server with a new one); `recheck` asks again.
 */
export function useLabServer(): { server: LabServer; recheck: () => void; refused: (issues: readonly Issue[]) => void } {
  const [hello, recheck] = useLabHello();
  const [server, setServer] = useState<LabServer>({ kind: 'checking' });
  useEffect(() => {
    if (hello.kind !== 'present') {
      setServer(hello);
      return;
    }
    let current = true;
    const held = captureTokenFromAddress();
    const connect = async (): Promise<LabServer> => {
      if (held !== undefined) return { ...hello, client: browserLabClient(held), tokenIssues: [] };
      // the server hands the token only to its own PC: elsewhere on the LAN, asking would only be refused
      if (!isLoopbackUrl(window.location.href)) return { ...hello, client: browserLabClient(), tokenIssues: [{ code: 'lab_no_token', path: [] }] };
      const asked = await browserLabClient().token();
      if (!asked.ok) return { ...hello, client: browserLabClient(), tokenIssues: asked.issues.some((found) => found.code === 'lab_unauthorized' || found.code === 'lab_not_found') ? [{ code: 'lab_no_token', path: [] }] : asked.issues };
      keepToken(asked.value);
      return { ...hello, client: browserLabClient(asked.value), tokenIssues: [] };
    };
    void connect().then((next) => { if (current) setServer(next); });
    return () => { current = false; };
  }, [hello]);
  const refused = useCallback((issues: readonly Issue[]) => {
    if (!issues.some((found) => found.code === 'lab_unauthorized')) return;
    forgetToken();
    setServer((now) => (now.kind === 'present' ? { ...now, client: browserLabClient(), tokenIssues: [{ code: 'lab_unauthorized', path: [] }] } : now));
  }, []);
  return { server, recheck, refused };
}
