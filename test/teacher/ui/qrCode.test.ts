import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrMatrix, qrPath, type QrMatrix } from '../../../src/teacher/ui/lab/qrMatrix.ts';

/** The modules as RGBA pixels, `scale` pixels a module, with the quiet zone: what a phone camera sees. */
function pixels(matrix: QrMatrix, scale: number): { data: Uint8ClampedArray; side: number } {
  const side = (matrix.length + 2 * QR_QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let dy = 0; dy < scale; dy += 1) for (let dx = 0; dx < scale; dx += 1) {
      const at = (((y + QR_QUIET_ZONE) * scale + dy) * side + (x + QR_QUIET_ZONE) * scale + dx) * 4;
      data.fill(0, at, at + 3);
    }
  }));
  return { data, side };
}

/** The path drawn back into modules, to check the SVG shows exactly the matrix. */
function modulesOfPath(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dx = 0; dx < Number(width); dx += 1) {
      const row = grid[Number(y) - QR_QUIET_ZONE];
      if (row) row[Number(x) - QR_QUIET_ZONE + dx] = true;
    }
  }
  return grid;
}

describe('kiosk address QR codes', () => {
  const addresses = [
    'http://192.168.1.20:8080/kiosk.html',
    'http://10.0.0.5:4173/kiosk.html',
    'http://teacher-pc.local:8080/kiosk.html',
    'https://psyscreen.xx-zhongxue.edu.cn/screening/2026-autumn/kiosk.html?lab=%E6%9C%BA%E6%88%BF',
  ];
  it.each(addresses)('decodes back to %s', (address) => {
    const matrix = qrMatrix(address);
    const { data, side } = pixels(matrix, 4);
    expect(jsQR(data, side, side)?.data).toBe(address);
  });

  it('draws in SVG exactly the modules of the code', () => {
    const matrix = qrMatrix(addresses[0] ?? '');
    expect(modulesOfPath(qrPath(matrix), matrix.length)).toEqual(matrix);
  });

  it('refuses text a QR byte would mangle (a URL href is always ASCII)', () => {
    expect(() => qrMatrix('http://机房/kiosk.html')).toThrow(RangeError);
    expect(qrMatrix(new URL('http://机房.test/kiosk.html').href).length).toBeGreaterThan(20);
  });
});
