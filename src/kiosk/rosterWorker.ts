/// <reference lib="webworker" />
import { sealChunk, type RosterChunk, type RosterReply } from './rosterWorkerProtocol.ts';

/**
 * Seals roster entries off the page's thread; the plan builder runs one per core
 * (rosterWorkerPool.ts). Nothing is stored here; the students arrive and leave as messages.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<RosterChunk>) => {
  void sealChunk(event.data, (message: RosterReply) => scope.postMessage(message));
};
