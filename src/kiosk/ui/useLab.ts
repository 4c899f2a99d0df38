import { useEffect, useRef, useState } from 'react';
import { createKioskLabClient, type FetchLike } from '../../lab/kioskClient.ts';
import type { Hello } from '../../lab/protocol.ts';
import type { KioskDb } from '../../store/kioskDb.ts';
import { createLabLink, type LabLink, type LabStatus } from '../labLink.ts';
import { machineIdOf } from './runtime.ts';

const windowTimers = {
  setTimeout: (run: () => void, ms: number): unknown => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

/** Looks for the lab server that served this page, and keeps the outbox moving while the kiosk is open. */
export function useLab(db: KioskDb, onHello: (hello: Hello, link: LabLink) => void, fetchFn?: FetchLike): { link: LabLink | undefined; status: LabStatus } {
  const [link, setLink] = useState<LabLink>();
  const [status, setStatus] = useState<LabStatus>('none');
  const helloRef = useRef(onHello);
  helloRef.current = onHello;
  useEffect(() => {
    let stopped = false;
    let made: LabLink | undefined;
    void machineIdOf(db).then((machineId) => {
      if (stopped) return;
      const client = createKioskLabClient(fetchFn ?? ((url, init) => window.fetch(url, init)));
      const created = createLabLink({
        db, client, machineId, now: () => new Date(), timers: windowTimers,
        onStatus: setStatus,
        onHello: (hello) => helloRef.current(hello, created),
      });
      made = created;
      setLink(created);
      void created.start();
    });
    return () => {
      stopped = true;
      made?.stop();
    };
  }, [db, fetchFn]);
  return { link, status };
}
