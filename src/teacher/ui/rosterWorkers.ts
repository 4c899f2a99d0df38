import { secureContextFeatures } from '../../crypto/index.ts';
import type { RosterSealer } from '../../kiosk/rosterEntry.ts';
import { rosterPoolFor, rosterSealerWithWorkers } from '../../kiosk/rosterWorkerPool.ts';
import type { RosterReply } from '../../kiosk/rosterWorkerProtocol.ts';

/**
 * The plan builder's roster sealer on a teacher's PC: one Web Worker per core (rosterPoolFor), on
 * this thread where workers are missing. Bench: `npm run bench -- plan`.
 */
export function browserRosterSealer(): RosterSealer {
  const cores = typeof Worker === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return rosterSealerWithWorkers({
    ...rosterPoolFor(cores, !secureContextFeatures().missing.includes('web-crypto')),
    spawn: (onReply, onError) => {
      const worker = new Worker(new URL('../../kiosk/rosterWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<RosterReply>) => onReply(event.data);
      worker.onerror = () => onError();
      worker.onmessageerror = () => onError();
      return { post: (chunk) => worker.postMessage(chunk), terminate: () => worker.terminate() };
    },
  });
}
