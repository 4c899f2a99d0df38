import qrcode from 'qrcode-generator';

/** A QR code's modules, row by row: true is dark. Quiet zone not included. */
export type QrMatrix = readonly (readonly boolean[])[];

/** Modules of light margin a reader needs around the code (ISO/IEC 18004 asks for four). */
export const QR_QUIET_ZONE = 4;

/**
 * The QR code of an address. qrcode-generator writes each character's low byte, so only ASCII is
 * safe; a URL's `href` is always ASCII (punycode host, percent-encoded path).
 */
export function qrMatrix(text: string): QrMatrix {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError('qrMatrix: ASCII only (pass a URL href)');
  // M corrects 15 % damage: enough for a code shown on a screen or a printed slip, and small.
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (__, col) => code.isDark(row, col)));
}

/** One SVG path drawing every dark module, offset by the quiet zone; a row's run of dark modules is one rectangle. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) { x += 1; continue; }
      const start = x;
      while (row[x]) x += 1;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}
