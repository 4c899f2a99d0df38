/**
 * A token bucket per client address: `burst` requests at once, refilled at `ratePerSecond`. Every
 * address is limited, loopback included; the defaults leave room for a kiosk's drafts and the
 * workspace's polling many times over (README: limits), and for the load test from one address.
 */
export interface RateLimiter {
  /** 0 when the request may go ahead, else the seconds to wait (for Retry-After). */
  take(address: string): number;
}

export const DEFAULT_RATE_PER_SECOND = 300;
export const DEFAULT_BURST = 600;
/** Buckets of addresses idle this long are full again, so they can be forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;
const MAX_BUCKETS = 10_000;

export function createRateLimiter(ratePerSecond: number, burst: number, now: () => number): RateLimiter {
  if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate limit: ratePerSecond must be > 0 and burst ≥ 1');
  const buckets = new Map<string, { tokens: number; at: number }>();
  const forgetIdle = (time: number): void => {
    for (const [address, bucket] of buckets) if (time - bucket.at > FORGET_AFTER_MS) buckets.delete(address);
  };
  return {
    take(address) {
      const time = now();
      if (buckets.size > MAX_BUCKETS) forgetIdle(time);
      const bucket = buckets.get(address) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, time - bucket.at) / 1000) * ratePerSecond);
      bucket.at = time;
      buckets.set(address, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
    },
  };
}
