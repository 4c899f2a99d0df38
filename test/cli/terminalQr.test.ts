import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { terminalQr } from '../../src/cli/terminalQr.ts';

/** Turns the half-block lines back into pixels (light = white) and decodes them as a phone would. */
function decode(lines: readonly string[]): string | undefined {
  const scale = 4;
  const rows = lines.flatMap((line) => {
    const chars = [...line];
    return [chars.map((char) => char === '█' || char === '▀'), chars.map((char) => char === '█' || char === '▄')];
  });
  const width = (rows[0]?.length ?? 0) * scale;
  const height = rows.length * scale;
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = rows[Math.floor(y / scale)]?.[Math.floor(x / scale)] ?? true;
      pixels.fill(light ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      pixels[(y * width + x) * 4 + 3] = 255;
    }
  }
  return jsQR(pixels, width, height)?.data;
}

describe('terminal QR code', () => {
  it('decodes back to the kiosk address', () => {
    for (const url of ['http://192.168.1.20:8080/kiosk.html', 'http://10.100.200.254:65535/kiosk.html']) expect(decode(terminalQr(url, false))).toBe(url);
  });
  it('forces white on black with ANSI colours for a terminal, plain text otherwise', () => {
    const colored = terminalQr('http://192.168.1.20:8080/kiosk.html', true);
    expect(colored.every((line) => line.startsWith('\u001b[97;40m') && line.endsWith('\u001b[0m'))).toBe(true);
    expect(terminalQr('http://192.168.1.20:8080/kiosk.html', false).join('')).not.toContain('\u001b');
  });
});
