/**
 * Text → GBK bytes, the way Chinese Excel saves a plain "CSV" file. Browsers and Node decode GBK but
 * do not encode it, so the table is built by decoding every two-byte GBK code once.
 */
let table: Map<string, readonly [number, number]> | undefined;

function gbkTable(): Map<string, readonly [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder('gbk', { fatal: true });
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable().get(char);
    if (!pair) throw new Error(`"${char}" has no GBK code`);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}
