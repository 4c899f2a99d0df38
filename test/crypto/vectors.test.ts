import { createECDH, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  aesGcmDecrypt, aesGcmEncrypt, cryptoBackendName, ecdh, ecdsaSign, ecdsaVerify, hkdfSha256, importAesKey, importEcPrivateKey, importEcPublicKey,
  importHkdfKey, pbkdf2Sha256, scrypt, sha256,
} from '../../src/crypto/index.ts';
import { encodeP256Pkcs8 } from '../../src/crypto/pkcs8.ts';
import { BACKENDS, hex, onBackend, toHex, utf8 } from './support.ts';

// RFC 5903 §8.1: the 256-bit random ECP group's test vector (i, g^i, r, g^r, g^ir).
const ECDH_VECTOR = {
  i: 'C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433',
  gi: '04 DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180 5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3',
  gr: '04 D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63 56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB',
  gir: 'D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE',
};

// RFC 6979 A.2.5: P-256, SHA-256, message "sample". Its s is in the high half, as WebCrypto may give.
const ECDSA_VECTOR = {
  x: 'C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721',
  u: '04 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6 7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299',
  signature: 'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716 F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8',
};

describe.each(BACKENDS)('known answers under %s', (backend) => {
  onBackend(backend);

  it('is the backend under test', () => {
    expect(cryptoBackendName()).toBe(backend);
  });

  it('SHA-256 (FIPS 180-2 "abc" and the empty string)', async () => {
    expect(toHex(await sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(await sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('HKDF-SHA-256 (RFC 5869 test cases 1 and 3: with salt and info, and with both empty)', async () => {
    const case1 = await hkdfSha256(await importHkdfKey(hex('0b'.repeat(22))), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42);
    expect(toHex(case1)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
    const case3 = await hkdfSha256(await importHkdfKey(hex('0b'.repeat(22))), new Uint8Array(0), new Uint8Array(0), 42);
    expect(toHex(case3)).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });

  it('PBKDF2-HMAC-SHA-256 (RFC 7914 §11)', async () => {
    expect(toHex(await pbkdf2Sha256(utf8('passwd'), utf8('salt'), 1, 64))).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    );
    expect(toHex(await pbkdf2Sha256(utf8('Password'), utf8('NaCl'), 80_000, 64))).toBe(
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    );
  });

  it('scrypt (RFC 7914 §12 first vector, and Node\'s scrypt at a memory-hard cost)', async () => {
    expect(toHex(await scrypt(new Uint8Array(0), new Uint8Array(0), { logN: 4, r: 1 }, 64))).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
    const expected = scryptSync(utf8('details|八(2)班|S001|2012-05-17|ACDE34'), utf8('salt'), 32, { N: 2 ** 10, r: 8, p: 1 });
    expect(toHex(await scrypt(utf8('details|八(2)班|S001|2012-05-17|ACDE34'), utf8('salt'), { logN: 10, r: 8 }, 32))).toBe(expected.toString('hex'));
  });

  it('AES-256-GCM (GCM spec test cases 14 and 16): ciphertext ‖ 16-byte tag, and any change refused', async () => {
    const zero = await importAesKey(new Uint8Array(32));
    expect(toHex(await aesGcmEncrypt(zero, new Uint8Array(12), new Uint8Array(16)))).toBe('cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919');
    const key = await importAesKey(hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'));
    const iv = hex('cafebabefacedbaddecaf888');
    const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const plaintext = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
    const sealed = await aesGcmEncrypt(key, iv, plaintext, aad);
    expect(toHex(sealed)).toBe('522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' + '76fc6ece0f4e1768cddf8853bb2d551b');
    expect(await aesGcmDecrypt(key, iv, sealed, aad)).toEqual(plaintext);
    const flipped = sealed.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(await aesGcmDecrypt(key, iv, flipped, aad)).toBeUndefined();
    expect(await aesGcmDecrypt(key, iv, sealed, aad.slice(1))).toBeUndefined();
    expect(await aesGcmDecrypt(zero, iv, sealed, aad)).toBeUndefined();
  });

  it('ECDH P-256 (RFC 5903 §8.1): the x-coordinate of the shared point', async () => {
    const privateKey = await importEcPrivateKey(encodeP256Pkcs8(hex(ECDH_VECTOR.i), hex(ECDH_VECTOR.gi)));
    const peer = await importEcPublicKey(hex(ECDH_VECTOR.gr));
    if (!privateKey || !peer) throw new Error('vector keys did not import');
    expect(toHex((await ecdh(privateKey, peer)) ?? new Uint8Array(0))).toBe(ECDH_VECTOR.gir.toLowerCase());
  });

  it('ECDSA P-256 / SHA-256 (RFC 6979 A.2.5): verifies the high-s vector; signs and verifies P1363 r ‖ s', async () => {
    const publicKey = await importEcPublicKey(hex(ECDSA_VECTOR.u));
    const privateKey = await importEcPrivateKey(encodeP256Pkcs8(hex(ECDSA_VECTOR.x), hex(ECDSA_VECTOR.u)));
    if (!publicKey || !privateKey) throw new Error('vector keys did not import');
    expect(await ecdsaVerify(publicKey, hex(ECDSA_VECTOR.signature), utf8('sample'))).toBe(true);
    expect(await ecdsaVerify(publicKey, hex(ECDSA_VECTOR.signature), utf8('samplE'))).toBe(false);
    const signature = await ecdsaSign(privateKey, utf8('sample'));
    expect(signature.length).toBe(64);
    // noble signs deterministically (RFC 6979) without normalising s: exactly the RFC's signature
    if (backend === 'noble') expect(toHex(signature)).toBe(toHex(hex(ECDSA_VECTOR.signature)));
    expect(await ecdsaVerify(publicKey, signature, utf8('sample'))).toBe(true);
  });

  it('refuses public keys off the curve or in the wrong encoding', async () => {
    const point = hex(ECDH_VECTOR.gr);
    const offCurve = point.slice();
    offCurve[64] = (offCurve[64] ?? 0) ^ 1;
    expect(await importEcPublicKey(offCurve)).toBeUndefined();
    expect(await importEcPublicKey(point.slice(0, 33))).toBeUndefined();
    expect(await importEcPublicKey(new Uint8Array(65))).toBeUndefined();
  });
});

describe('the vectors agree with Node\'s own crypto', () => {
  it('ECDH', () => {
    const node = createECDH('prime256v1');
    node.setPrivateKey(Buffer.from(ECDH_VECTOR.i, 'hex'));
    expect(toHex(node.getPublicKey())).toBe(toHex(hex(ECDH_VECTOR.gi)));
    expect(toHex(node.computeSecret(Buffer.from(hex(ECDH_VECTOR.gr))))).toBe(ECDH_VECTOR.gir.toLowerCase());
  });
});
