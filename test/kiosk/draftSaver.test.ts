import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDraftSaver, type SaverState } from '../../src/kiosk/draftSaver.ts';
import { DEFAULT_IDLE_MINUTES, watchIdle } from '../../src/kiosk/idle.ts';
import { openKioskDb } from '../../src/store/kioskDb.ts';
import { manualTimers } from './fakeLab.ts';

describe('draft saver', () => {
  it('a store that throws (QuotaExceededError from IndexedDB put) is reported at once, never counted as saved, retried, and flush says so instead of hanging', async () => {
    const db = openKioskDb('draft-saver-test');
    const timers = manualTimers();
    const states: SaverState[] = [];
    let full = false;
    const realPut = db.drafts.put.bind(db.drafts);
    // as the browser does when the origin is out of quota
    db.drafts.put = ((row: Parameters<typeof realPut>[0]) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : realPut(row))) as typeof db.drafts.put;
    const write = async (answers: Record<string, number>) => { await db.drafts.put({ lookup: 'l'.repeat(64), planId: 'p', sealed: { iv: JSON.stringify(answers), data: '' }, updatedAt: '' }); };
    const saver = createDraftSaver(write, { timers, retryMs: 3_000, onState: (state) => states.push(state) });

    for (let n = 1; n <= 10; n++) saver.save(Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, 1])));
    expect(await saver.flush()).toBe(true);
    const savedBefore = states.at(-1)?.saved ?? 0;
    full = true;
    saver.save({ ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i + 1}`, 1])) });
    await expect.poll(() => states.at(-1)?.failed).toBe(true);
    expect(states.at(-1)?.saved).toBe(savedBefore);
    expect(timers.delays()).toEqual([3_000]);
    // more answers while the disk is full: kept, the newest is what will be written
    saver.save(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`q${i + 1}`, 2])));
    expect(await saver.flush()).toBe(false);
    expect(JSON.parse((await db.drafts.toArray())[0]?.sealed.iv ?? '{}')).toHaveProperty('q10');
    expect(JSON.parse((await db.drafts.toArray())[0]?.sealed.iv ?? '{}')).not.toHaveProperty('q11');

    full = false;
    timers.fire();
    await expect.poll(() => states.at(-1)?.failed).toBe(false);
    expect(await saver.flush()).toBe(true);
    const stored = JSON.parse((await db.drafts.toArray())[0]?.sealed.iv ?? '{}') as Record<string, number>;
    expect(Object.keys(stored)).toHaveLength(12);
    expect(stored.q1).toBe(2);
  });

  it('writes one draft at a time, in order, and skips drafts overtaken while a write ran', async () => {
    const written: number[] = [];
    let release: () => void = () => undefined;
    const saver = createDraftSaver(async (n: number) => {
      if (n === 1) await new Promise<void>((resolve) => { release = resolve; });
      written.push(n);
    }, { timers: manualTimers(), onState: () => undefined });
    saver.save(1);
    saver.save(2);
    saver.save(3);
    release();
    expect(await saver.flush()).toBe(true);
    expect(written).toEqual([1, 3]);
  });
});

describe('idle timeout', () => {
  it('fires once after the idle time without input; any input starts the wait again; stopping cancels it', () => {
    const target = new EventTarget();
    const timers = manualTimers();
    let idle = 0;
    const stop = watchIdle(target, DEFAULT_IDLE_MINUTES * 60_000, () => idle++, timers);
    expect(timers.delays()).toEqual([300_000]);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    expect(timers.delays()).toEqual([300_000]); // re-armed, not stacked
    timers.fire();
    expect(idle).toBe(1);
    target.dispatchEvent(new Event('keydown'));
    expect(timers.delays()).toEqual([]);
    stop();
    const stop2 = watchIdle(target, 1_000, () => idle++, timers);
    stop2();
    expect(timers.delays()).toEqual([]);
    expect(idle).toBe(1);
  });
});
