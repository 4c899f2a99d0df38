import { useMemo } from 'react';
import { QR_QUIET_ZONE, qrMatrix, qrPath } from './qrMatrix.ts';

/** An address as a QR code, drawn in the page (inline SVG: no image request, nothing leaves the page). */
export function QrCode({ text, label, size = 176 }: { text: string; label: string; size?: number }) {
  const { path, side } = useMemo(() => {
    const matrix = qrMatrix(text);
    return { path: qrPath(matrix), side: matrix.length + 2 * QR_QUIET_ZONE };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
