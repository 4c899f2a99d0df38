/**
 * Lab server under load (issue 11): 60 simulated kiosks on loopback, each saving 20 drafts encrypted
 * under its student's code (code vault) and then submitting a real sealed envelope; the server runs as
 * a child process and is killed with SIGKILL and restarted on the same data folder mid-run. Afterwards:
 * every acknowledged submission is on disk exactly once, byte for byte, and no name, code, student
 * number or answer appears in the data folder in any encoding. The same uploads to a bare node:http
 * server give the floor. Prints figures; fails only on lost / duplicated / leaked data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchFailure } from './support/failure.ts';
import { makeKioskWork } from './lab/fixtures.ts';
import { runKiosks, type UploadStats } from './lab/kiosks.ts';
import { scanFolder } from './lab/scan.ts';

const KIOSKS = 60;
const DRAFTS = 20;
const HARD_TIMEOUT_MS = 240_000;
const CHILD = fileURLToPath(new URL('./lab/child.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startChild(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    child.stdout?.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`server child exited (${code}) before it was ready: ${errors}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> => new Promise((done) => {
  if (child.exitCode !== null || child.signalCode !== null) return done();
  child.once('exit', () => done());
  child.kill(signal);
});

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const describe = (label: string, stats: UploadStats, seconds: number): string =>
  `${label}: ${stats.latencies.length} uploads in ${seconds.toFixed(2)} s = ${(stats.latencies.length / seconds).toFixed(0)}/s; ` +
  `latency p50 ${percentile(stats.latencies, 50).toFixed(1)} ms, p95 ${percentile(stats.latencies, 95).toFixed(1)} ms ` +
  `(with retries p95 ${percentile(stats.endToEnd, 95).toFixed(0)} ms); connection errors ${stats.connectionErrors}, 429 ${stats.rateLimited}, 5xx ${stats.otherRefusals}`;

async function measure(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'psyscreen-lab-bench-'));
  const children: ChildProcess[] = [];
  try {
    const dist = join(root, 'dist');
    const data = join(root, 'data');
    mkdirSync(dist);
    cpSync('public/demo', join(dist, 'demo'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    const deadline = Date.now() + HARD_TIMEOUT_MS;

    let started = performance.now();
    const work = await makeKioskWork(KIOSKS, DRAFTS);
    console.log(`${KIOSKS} kiosks × ${DRAFTS} drafts + 1 submission prepared (real code-vault keys and sealing) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const barePort = await freePort();
    const bare = await startChild(['bare', String(barePort)]);
    children.push(bare);
    started = performance.now();
    const floor = await runKiosks(work, () => barePort, deadline);
    const floorSeconds = (performance.now() - started) / 1000;
    await stop(bare, 'SIGTERM');
    console.log(describe('bare node:http (floor)', floor, floorSeconds));

    const port = await freePort();
    let server = await startChild(['lab', dist, data, String(port)]);
    children.push(server);
    const total = KIOSKS * (DRAFTS + 1);
    let acks = 0;
    let restart: Promise<void> | undefined;
    let killedAfter = 0;
    started = performance.now();
    const stats = await runKiosks(work, () => port, deadline, () => {
      acks++;
      if (acks !== Math.floor(total * 0.4)) return;
      killedAfter = acks;
      restart = (async () => {
        await stop(server, 'SIGKILL');
        await new Promise((done) => setTimeout(done, 300));
        server = await startChild(['lab', dist, data, String(port)]);
        children.push(server);
      })();
    });
    const labSeconds = (performance.now() - started) / 1000;
    await restart;
    console.log(describe(`lab server (SIGKILL + restart after ${killedAfter} acks)`, stats, labSeconds));
    console.log(`lab / floor: throughput ${((floor.latencies.length / floorSeconds) / (stats.latencies.length / labSeconds)).toFixed(2)}× slower, p50 latency ${(percentile(stats.latencies, 50) / percentile(floor.latencies, 50)).toFixed(2)}×`);
    await stop(server, 'SIGKILL');

    // ---- nothing lost, nothing twice: on disk, and as a restarted server lists it ----
    const problems: string[] = [];
    if (!restart) problems.push('the server was never killed mid-run');
    const folder = join(data, 'submissions');
    const records = readdirSync(folder).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as { id: string; entry: string });
    const ids = records.map((record) => record.id);
    const entries = records.map((record) => record.entry);
    if (new Set(ids).size !== ids.length || new Set(entries).size !== entries.length) problems.push('a submission or a student is on disk twice');
    let lost = 0;
    for (const kiosk of work) {
      const acknowledged = stats.acknowledged.get(kiosk.submissionId);
      const path = join(folder, `${kiosk.submissionId}.psysealed`);
      if (!acknowledged || !ids.includes(kiosk.submissionId) || !existsSync(path) || Buffer.compare(readFileSync(path), Buffer.from(kiosk.sealed)) !== 0) lost++;
    }
    if (lost > 0) problems.push(`${lost} submissions lost or altered`);
    if (records.length !== KIOSKS) problems.push(`${records.length} submissions on disk, expected ${KIOSKS}`);
    const duplicateAcks = [...stats.acknowledged.values()].filter((ack) => ack.duplicate).length;

    const again = await startChild(['lab', dist, data, String(port)]);
    children.push(again);
    const token = readFileSync(join(data, 'teacher-token'), 'utf8').trim();
    const listing = await (await fetch(`http://127.0.0.1:${port}/api/v1/teacher/submissions`, { headers: { authorization: `Bearer ${token}` } })).json() as { submissions: { id: string }[] };
    await stop(again, 'SIGTERM');
    if (listing.submissions.length !== KIOSKS || new Set(listing.submissions.map((found) => found.id)).size !== KIOSKS) problems.push(`a restarted server lists ${listing.submissions.length} submissions`);
    console.log(`verified: ${records.length} submissions on disk for ${KIOSKS} kiosks, lost ${lost}, on disk twice ${ids.length - new Set(ids).size}; ${duplicateAcks} acknowledged as duplicates (retries after the kill); a restarted server lists ${listing.submissions.length}`);

    // ---- the data folder holds nothing readable (the scanner first proves it finds each form) ----
    const canary = join(root, 'canary');
    mkdirSync(canary);
    const probe = work[0]?.secrets[0] ?? '陈梓涵';
    writeFileSync(join(canary, 'a'), Buffer.from(`xx${probe}`, 'utf16le'));
    writeFileSync(join(canary, 'b'), Buffer.from(`{"n":"${probe}"}`).toString('base64'));
    writeFileSync(join(canary, 'c'), Buffer.from(`x${probe}`).toString('base64'));
    if (scanFolder(canary, [probe]).found.length !== 3) problems.push('the byte scan misses a planted plaintext');
    const scan = scanFolder(data, work.flatMap((kiosk) => kiosk.secrets));
    console.log(`byte scan: ${scan.files} files, ${(scan.bytes / 1024).toFixed(0)} KiB, ${work.length * work[0]!.secrets.length} plaintext strings × UTF-8/UTF-16LE/UTF-16BE/base64: ${scan.found.length} found`);
    if (scan.found.length > 0) problems.push(`plaintext in the data folder:\n  ${scan.found.slice(0, 20).join('\n  ')}`);
    if (problems.length > 0) throw new BenchFailure(problems.join('\n'));
  } finally {
    await Promise.all(children.map((child) => stop(child, 'SIGKILL')));
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new BenchFailure(`lab bench did not finish within ${HARD_TIMEOUT_MS / 1000} s`)), HARD_TIMEOUT_MS + 30_000); });
  try {
    await Promise.race([measure(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
