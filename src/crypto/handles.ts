/**
 * Key handles. Each remembers the backend that made it, so a key keeps working after a test switches
 * backends; the app itself never mixes them. Outside src/crypto these are opaque: pass them around,
 * never look inside (there is nothing to export from a WebCrypto key anyway).
 */
export type BackendName = 'webcrypto' | 'noble';

export type Bytes = Uint8Array<ArrayBuffer>;

/** An AES-256-GCM key. */
export type AesKey =
  | { readonly kind: 'aes'; readonly backend: 'webcrypto'; readonly key: CryptoKey }
  | { readonly kind: 'aes'; readonly backend: 'noble'; readonly raw: Bytes };

/** Input keying material for HKDF-SHA-256 (an ECDH shared secret, a PBKDF2 output). */
export type HkdfKey =
  | { readonly kind: 'hkdf'; readonly backend: 'webcrypto'; readonly key: CryptoKey }
  | { readonly kind: 'hkdf'; readonly backend: 'noble'; readonly ikm: Bytes };

/** A P-256 private key, for both ECDH and ECDSA. */
export type EcPrivateKey =
  | { readonly kind: 'ec-private'; readonly backend: 'webcrypto'; readonly agreement: CryptoKey; readonly signing: CryptoKey }
  | { readonly kind: 'ec-private'; readonly backend: 'noble'; readonly scalar: Bytes };

/**
 * A P-256 public key, checked to be a point on the curve. It holds its raw 65 bytes, so it serves
 * either backend; WebCrypto imports it at most once per use.
 */
export interface EcPublicKey {
  readonly kind: 'ec-public';
  readonly raw: Bytes;
  readonly imported: { ecdh?: Promise<CryptoKey>; ecdsa?: Promise<CryptoKey> };
}
