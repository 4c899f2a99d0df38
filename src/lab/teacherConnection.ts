import { issue, type Issue } from '../../scoring/index.ts';
import type { Hello } from './protocol.ts';
import type { TeacherLabClient } from './teacherClient.ts';

/*
 * Finding the lab server and the teacher token: GET /hello, then, when this tab holds no token and the
 * workspace is opened on the server's own PC (loopback), GET /teacher/token. Elsewhere on the LAN the
 * server never hands the token out, so it is not asked for: the printed address brings it.
 */

export type LabStatus =
  /** Nobody asked yet (no token ask at start-up off loopback); a page that needs to know asks. */
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'absent'; readonly issues: readonly Issue[] }
  | { readonly kind: 'present'; readonly hello: Hello };

export interface TokenAsked {
  /** The token the server gave, to keep for the tab; undefined when it gave none. */
  readonly token?: string;
  /** Why there is no token, in words for the teacher; empty when there is one. */
  readonly tokenIssues: readonly Issue[];
}

export interface LabChecked extends TokenAsked {
  readonly status: Extract<LabStatus, { kind: 'absent' | 'present' }>;
}

const noToken = (): Issue => issue('lab_no_token', []);

/** GET /teacher/token. A refusal (another PC) or a 404 (an older server) reads as "no token yet: open the printed address". */
export async function askTeacherToken(client: Pick<TeacherLabClient, 'token'>): Promise<TokenAsked> {
  const asked = await client.token();
  if (asked.ok) return { token: asked.value, tokenIssues: [] };
  const refused = asked.issues.some((found) => found.code === 'lab_unauthorized' || found.code === 'lab_not_found');
  return { tokenIssues: refused ? [noToken()] : asked.issues };
}

export async function checkLab(client: Pick<TeacherLabClient, 'hello' | 'token'>, context: { readonly holdsToken: boolean; readonly onLoopback: boolean }): Promise<LabChecked> {
  const hello = await client.hello();
  if (!hello.ok) return { status: { kind: 'absent', issues: hello.issues }, tokenIssues: [] };
  const status = { kind: 'present', hello: hello.value } as const;
  if (context.holdsToken) return { status, tokenIssues: [] };
  if (!context.onLoopback) return { status, tokenIssues: [noToken()] };
  return { status, ...(await askTeacherToken(client)) };
}
