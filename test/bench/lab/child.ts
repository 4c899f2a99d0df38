/**
 * The lab bench's server process: `lab DIST DATA PORT` runs the real lab server, `bare PORT` a
 * node:http server that reads each body and answers 200 (the floor). Prints "ready" when listening.
 */
import { createServer } from 'node:http';
import { startLabServer } from '../../../src/server/server.ts';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'lab') {
  const [distDir = '', dataDir = '', port = '0'] = args;
  await startLabServer({ distDir, dataDir, port: Number(port), host: '127.0.0.1', log: (event) => console.error(`[lab] ${event.code} ${JSON.stringify(event.params ?? {})}`) });
  console.log('ready');
} else {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = JSON.stringify({ ok: true, id: 'x', duplicate: false });
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  server.listen(Number(args[0]), '127.0.0.1', () => console.log('ready'));
}
