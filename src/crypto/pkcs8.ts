/**
 * PKCS#8 for P-256 private keys, in the one shape WebCrypto exports (RFC 5208 PrivateKeyInfo around
 * an RFC 5915 ECPrivateKey with the public key, without the optional curve parameters):
 *
 *   30 81 87  02 01 00  30 13 (06 07 id-ecPublicKey) (06 08 prime256v1)
 *   04 6d  30 6b  02 01 01  04 20 <32-byte scalar>  a1 44 03 42 00 <65-byte public key>
 *
 * Both backends write these 138 bytes, so a key wrapped by either path is unwrapped by the other.
 * The reader also takes the variants other encoders produce (curve parameters in [0], no public key).
 */
const ID_EC_PUBLIC_KEY = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const PRIME256V1 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const ALGORITHM = [0x30, 0x13, ...ID_EC_PUBLIC_KEY, ...PRIME256V1];

export interface P256KeyParts {
  readonly scalar: Uint8Array<ArrayBuffer>;
  /** The uncompressed point (65 bytes), when the file carries it. */
  readonly publicKey?: Uint8Array<ArrayBuffer>;
}

export function encodeP256Pkcs8(scalar: Uint8Array, publicKey: Uint8Array): Uint8Array<ArrayBuffer> {
  if (scalar.length !== 32 || publicKey.length !== 65) throw new RangeError('P-256 PKCS#8 needs a 32-byte scalar and a 65-byte public key');
  return Uint8Array.from([
    0x30, 0x81, 0x87, 0x02, 0x01, 0x00, ...ALGORITHM,
    0x04, 0x6d, 0x30, 0x6b, 0x02, 0x01, 0x01, 0x04, 0x20, ...scalar,
    0xa1, 0x44, 0x03, 0x42, 0x00, ...publicKey,
  ]);
}

interface Element {
  readonly tag: number;
  readonly content: Uint8Array<ArrayBuffer>;
}

/** The DER elements of `bytes` in order, or undefined when any length is malformed. */
function elements(bytes: Uint8Array<ArrayBuffer>): Element[] | undefined {
  const found: Element[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = bytes[at];
    let length = bytes[at + 1];
    if (tag === undefined || length === undefined) return undefined;
    at += 2;
    if (length > 0x80) {
      const octets = length - 0x80;
      if (octets > 2) return undefined;
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + (bytes[at + i] ?? Number.NaN);
      at += octets;
    } else if (length === 0x80) return undefined;
    if (!(at + length <= bytes.length)) return undefined;
    found.push({ tag, content: bytes.slice(at, at + length) });
    at += length;
  }
  return found;
}

const sameBytes = (a: Uint8Array, b: readonly number[]): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);
const isInteger = (element: Element | undefined, value: number): boolean => element?.tag === 0x02 && sameBytes(element.content, [value]);

/** The key's parts, or undefined for anything that is not a P-256 PKCS#8 private key. */
export function decodeP256Pkcs8(pkcs8: Uint8Array<ArrayBuffer>): P256KeyParts | undefined {
  const outer = elements(pkcs8);
  if (outer?.length !== 1 || outer[0]?.tag !== 0x30) return undefined;
  const [version, algorithm, privateKey, ...rest] = elements(outer[0].content) ?? [];
  if (!isInteger(version, 0) || algorithm?.tag !== 0x30 || !sameBytes(algorithm.content, ALGORITHM.slice(2)) || privateKey?.tag !== 0x04) return undefined;
  if (rest.some((element) => element.tag !== 0xa0 && element.tag !== 0xa1)) return undefined;
  const ecPrivateKey = elements(privateKey.content);
  if (ecPrivateKey?.length !== 1 || ecPrivateKey[0]?.tag !== 0x30) return undefined;
  const [ecVersion, scalar, ...optional] = elements(ecPrivateKey[0].content) ?? [];
  if (!isInteger(ecVersion, 1) || scalar?.tag !== 0x04 || scalar.content.length !== 32) return undefined;
  let publicKey: Uint8Array<ArrayBuffer> | undefined;
  for (const element of optional) {
    if (element.tag === 0xa0 && sameBytes(element.content, PRIME256V1)) continue;
    const bitString = element.tag === 0xa1 ? elements(element.content) : undefined;
    const point = bitString?.length === 1 && bitString[0]?.tag === 0x03 ? bitString[0].content : undefined;
    if (publicKey !== undefined || point?.length !== 66 || point[0] !== 0) return undefined;
    publicKey = point.slice(1);
  }
  return publicKey === undefined ? { scalar: scalar.content } : { scalar: scalar.content, publicKey };
}
