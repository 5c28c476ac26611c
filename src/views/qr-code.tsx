import QRCode from 'qrcode';

// The confirmation's QR code, drawn as SVG elements by preact (so nothing is injected as raw HTML):
// one path of unit squares over the code's module matrix, with a quiet zone of four modules.

const QUIET = 4;

/** The SVG path of a text's QR code and the side of its square, in modules (quiet zone included). */
export function qrPath(text: string): { d: string; size: number } {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const parts: string[] = [];
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.get(r, c)) {
        parts.push(`M${c + QUIET} ${r + QUIET}h1v1h-1z`);
      }
    }
  }
  return { d: parts.join(''), size: m.size + 2 * QUIET };
}

/** A QR code as an image for people (the label) and scanners (black on white, crisp edges). */
export function QrCode({ text, label, px = 220 }: { text: string; label: string; px?: number }) {
  const { d, size } = qrPath(text);
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${size} ${size}`} width={px} height={px} role="img" aria-label={label} shape-rendering="crispEdges" class="registration-qr">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
