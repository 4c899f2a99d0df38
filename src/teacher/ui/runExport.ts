import type { Outcome } from '../../../scoring/index.ts';
import { CANCEL, type ExportReply, type ExportRequest } from '../workspace/exportMessages.ts';

export interface RunningExport {
  readonly result: Promise<Outcome<Uint8Array<ArrayBuffer>>>;
  cancel(): void;
}

/** Starts an export in a Web Worker; the worker ends with the export. */
export function runExport(request: ExportRequest, onProgress: (done: number, total: number) => void): RunningExport {
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<Outcome<Uint8Array<ArrayBuffer>>>((resolve) => {
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress(message.done, message.total);
      else {
        worker.terminate();
        resolve(message.kind === 'done' ? { ok: true, value: message.bytes } : { ok: false, issues: message.issues });
      }
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => worker.postMessage(CANCEL) };
}
