/// <reference lib="webworker" />
import { exportRecords, importRecipient } from '../../records/index.ts';
import { CANCEL, type ExportReply, type ExportRequest } from '../workspace/exportMessages.ts';

/**
 * Seals and zips records off the page's thread: a 3,000-student export keeps the page responsive and
 * its progress bar moving. The records arrive already decrypted from the workspace; nothing is stored here.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const controller = new AbortController();
const reply = (message: ExportReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<ExportRequest | typeof CANCEL>) => {
  if (event.data === CANCEL) {
    controller.abort();
    return;
  }
  const request = event.data;
  let recipient;
  if ('publicKeyFile' in request) {
    const imported = await importRecipient(request.publicKeyFile);
    if (!imported.ok) {
      reply({ kind: 'failed', issues: imported.issues });
      return;
    }
    recipient = { key: imported.value };
  } else recipient = { passphrase: request.passphrase };
  const outcome = await exportRecords(request.records, recipient, {
    created: request.created, signal: controller.signal, onProgress: ({ done, total }) => reply({ kind: 'progress', done, total }),
  });
  if (outcome.ok) reply({ kind: 'done', bytes: outcome.value }, [outcome.value.buffer]);
  else reply({ kind: 'failed', issues: outcome.issues });
};
