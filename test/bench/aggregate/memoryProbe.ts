/**
 * Loaded with `node --import` into a bench child (the real CLI, or the floor): records peak RSS
 * (the kernel's, via resourceUsage), the largest heap seen at each `.psyagg` read (the merge loop is
 * synchronous, so no timer could sample it) and the time from the first such read to exit (the work,
 * without Node's and tsx's start), and writes them as JSON to $PSYSCREEN_BENCH_PROBE at exit.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const report = process.env.PSYSCREEN_BENCH_PROBE;
if (report) {
  let heapPeak = 0;
  let reads = 0;
  let firstRead: number | undefined;
  const read = fs.readFileSync;
  const sampled = ((...args: Parameters<typeof read>) => {
    if (String(args[0]).endsWith('.psyagg')) {
      reads += 1;
      firstRead ??= performance.now();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    return read(...args);
  }) as typeof read;
  fs.readFileSync = sampled;
  syncBuiltinESMExports();
  process.on('exit', () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    fs.writeFileSync(report, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, heapPeak, reads, workMs: firstRead === undefined ? 0 : performance.now() - firstRead }));
  });
}
