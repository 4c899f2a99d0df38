import { readIncoming, type IncomingFile } from '../admit.ts';
import type { CheckReply, CheckRequest } from '../checkMessages.ts';

const here = (batch: readonly IncomingFile[]): IncomingFile[] => batch.map((file) => ({ ...file, checked: readIncoming(file) }));

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/**
 * Files in batches, each with its checked outcome attached: read and checked in a Web Worker, handed
 * to `onBatch` in order as soon as each batch is done (the page merges and draws while the worker goes
 * on). Where no worker starts, or it fails, the batches left are checked here: same checks, same result.
 */
export async function checkFiles(files: readonly IncomingFile[], batchSize: number, onBatch: (batch: IncomingFile[]) => Promise<void>): Promise<void> {
  const batches: IncomingFile[][] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));
  const worker = startWorker();
  let next = 0;
  if (worker) {
    const replies = new Map<number, CheckReply>();
    let wake: (() => void) | undefined;
    let broken = false;
    worker.onmessage = (event: MessageEvent<CheckReply>) => { replies.set(event.data.batch, event.data); wake?.(); };
    worker.onerror = () => { broken = true; wake?.(); };
    batches.forEach((batch, index) => {
      const request: CheckRequest = { batch: index, files: batch.map((file) => ({ id: file.id, name: file.name, text: file.text ?? '' })) };
      worker.postMessage(request);
    });
    try {
      while (next < batches.length && !broken) {
        const reply = replies.get(next);
        if (!reply) {
          await new Promise<void>((resolve) => { wake = resolve; });
          continue;
        }
        const batch = batches[next] ?? [];
        next += 1;
        await onBatch(batch.map((file, i) => ({ ...file, ...(reply.outcomes[i] ? { checked: reply.outcomes[i] } : {}) })));
      }
    } finally {
      worker.terminate();
    }
  }
  for (; next < batches.length; next += 1) await onBatch(here(batches[next] ?? []));
}
