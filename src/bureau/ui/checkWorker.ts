/// <reference lib="webworker" />
import { readIncoming } from '../admit.ts';
import type { CheckReply, CheckRequest } from '../checkMessages.ts';

/**
 * Parses and checks the bureau's incoming files off the page's thread (JSON, schema, every
 * cross-field rule), so picking 1,000 files keeps the page responsive; the page then only merges.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { batch, files } = event.data;
  const reply: CheckReply = { batch, outcomes: files.map((file) => readIncoming(file)) };
  scope.postMessage(reply);
};
