import { describe, expect, it } from 'vitest';
import { fail, issue, succeed, type Outcome } from '../../scoring/index.ts';
import type { Hello } from '../../src/lab/protocol.ts';
import { askTeacherToken, checkLab } from '../../src/lab/teacherConnection.ts';

const TOKEN = 'T'.repeat(40);
const HELLO: Hello = { server: 'psyscreen-lab', protocol: 1, plan: null, kioskUrls: ['http://192.168.1.20:8080/kiosk.html'], time: '2026-10-12T02:30:00.000Z' };

/** The two calls a check makes, answered as given and counted. */
function server(hello: Outcome<Hello>, token: Outcome<string>) {
  const asked: string[] = [];
  return {
    asked,
    client: {
      hello: () => { asked.push('hello'); return Promise.resolve(hello); },
      token: () => { asked.push('token'); return Promise.resolve(token); },
    },
  };
}
const refused = fail([issue('lab_unauthorized', [])]);

describe('finding the lab server and the teacher token', () => {
  it('on the server\'s own PC without a token: hello, then the token', async () => {
    const lab = server(succeed(HELLO), succeed(TOKEN));
    expect(await checkLab(lab.client, { holdsToken: false, onLoopback: true })).toEqual({ status: { kind: 'present', hello: HELLO }, token: TOKEN, tokenIssues: [] });
    expect(lab.asked).toEqual(['hello', 'token']);
  });

  it('a static host: no server, and the token is never asked for', async () => {
    const lab = server(fail([issue('lab_not_here', [])]), succeed(TOKEN));
    expect(await checkLab(lab.client, { holdsToken: false, onLoopback: true })).toEqual({ status: { kind: 'absent', issues: [issue('lab_not_here', [])] }, tokenIssues: [] });
    expect(lab.asked).toEqual(['hello']);
  });

  it('holding a token, or elsewhere on the LAN, asks only hello; the LAN says to open the printed address', async () => {
    const held = server(succeed(HELLO), succeed(TOKEN));
    expect(await checkLab(held.client, { holdsToken: true, onLoopback: true })).toEqual({ status: { kind: 'present', hello: HELLO }, tokenIssues: [] });
    const lan = server(succeed(HELLO), succeed(TOKEN));
    expect(await checkLab(lan.client, { holdsToken: false, onLoopback: false })).toEqual({ status: { kind: 'present', hello: HELLO }, tokenIssues: [issue('lab_no_token', [])] });
    expect([...held.asked, ...lan.asked]).toEqual(['hello', 'hello']);
  });

  it('a refused or missing token endpoint reads as "no token yet"; any other problem is said as it is', async () => {
    expect(await askTeacherToken(server(succeed(HELLO), refused).client)).toEqual({ tokenIssues: [issue('lab_no_token', [])] });
    expect(await askTeacherToken(server(succeed(HELLO), fail([issue('lab_not_found', [], { status: 404 })])).client)).toEqual({ tokenIssues: [issue('lab_no_token', [])] });
    expect(await askTeacherToken(server(succeed(HELLO), fail([issue('lab_unreachable', [])])).client)).toEqual({ tokenIssues: [issue('lab_unreachable', [])] });
    expect(await askTeacherToken(server(succeed(HELLO), succeed(TOKEN)).client)).toEqual({ token: TOKEN, tokenIssues: [] });
  });
});
