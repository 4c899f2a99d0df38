/**
 * Randomness from `crypto.getRandomValues`, which every browser has, secure context or not (unlike
 * `crypto.randomUUID`). Small requests are served from a 4 KiB buffer filled by one call (each byte
 * handed out once), because in Node every WebCrypto call costs several microseconds of fixed overhead
 * and an export needs two small draws per file.
 */
const POOL_SIZE = 4096;
let pool = new Uint8Array(0);
let poolOffset = 0;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  if (length > 256) return crypto.getRandomValues(new Uint8Array(length));
  if (poolOffset + length > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_SIZE));
    poolOffset = 0;
  }
  const taken = pool.slice(poolOffset, poolOffset + length);
  pool.fill(0, poolOffset, poolOffset + length);
  poolOffset += length;
  return taken;
}

/** An RFC 9562 version 4 UUID, e.g. "3b241101-e2bb-4255-8caf-4136c566a962", as `crypto.randomUUID` gives. */
export function randomUuid(): string {
  const bytes = randomBytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
