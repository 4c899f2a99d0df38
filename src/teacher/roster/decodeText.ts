import type { TextEncodingName } from './sheetTable.ts';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

/**
 * The text of a CSV file whatever Excel saved it as. A byte-order mark decides when there is one
 * (UTF-8 from "CSV UTF-8", UTF-16 from "Unicode text"); otherwise strict UTF-8, and when that fails,
 * GB18030: Chinese Excel's plain "CSV" is GBK, and GB18030 is its superset, so it reads GBK too.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GBK bytes are almost never valid UTF-8 by accident.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
