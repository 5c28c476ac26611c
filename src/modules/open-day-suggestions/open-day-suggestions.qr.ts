import QRCode from 'qrcode';

/** The public address a point's QR code opens: its suggestion form. */
export function pointSuggestUrl(publicUrl: string, pointCode: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/open-days/points/${encodeURIComponent(pointCode)}/suggest`;
}

/** A QR code as SVG (black on white, a quiet zone of four modules, medium error correction for print). */
export function qrSvg(text: string, width = 320): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 4, errorCorrectionLevel: 'M', width, color: { dark: '#000000', light: '#ffffff' } });
}
