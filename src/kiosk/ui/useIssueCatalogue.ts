import { useEffect, useState } from 'react';
import type { Issue, MessageCatalogue } from '../../../scoring/index.ts';
import { KIOSK_MESSAGES } from '../messages.ts';

/**
 * The messages a student can meet live in the kiosk's own small table. Anything else (a broken plan
 * file, which only the teacher sees) loads the app's full catalogue on demand, so the student route
 * never carries every message of the teacher and bureau pages.
 */
export function useIssueCatalogue(issues: readonly Issue[]): MessageCatalogue {
  const [full, setFull] = useState<MessageCatalogue>();
  const needsFull = full === undefined && issues.some((found) => !(found.code in KIOSK_MESSAGES));
  useEffect(() => {
    if (needsFull) void import('../../issueMessages.ts').then((module) => setFull(module.ALL_MESSAGES));
  }, [needsFull]);
  return full ?? KIOSK_MESSAGES;
}
