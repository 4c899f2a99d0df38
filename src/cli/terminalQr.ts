import qrcode from 'qrcode-generator';

/** Light modules around the code; scanners need a quiet zone of a few modules. */
const QUIET = 4;

/**
 * A QR code drawn with half-block characters, two modules per line, so it fits a terminal. With
 * `color`, ANSI codes force white on black, so it scans whatever the terminal's own colours are;
 * without, light modules are drawn (right for the usual dark terminal).
 */
export function terminalQr(text: string, color: boolean): string[] {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const light = (row: number, col: number): boolean => row < 0 || col < 0 || row >= size || col >= size || !code.isDark(row, col);
  const lines: string[] = [];
  for (let row = -QUIET; row < size + QUIET; row += 2) {
    let line = '';
    for (let col = -QUIET; col < size + QUIET; col++) {
      const top = light(row, col);
      const bottom = row + 1 < size + QUIET && light(row + 1, col);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(color ? `\u001b[97;40m${line}\u001b[0m` : line);
  }
  return lines;
}
