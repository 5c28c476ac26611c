// CSV for downloads that people open in Excel: a byte order mark so it reads Chinese, CRLF line ends,
// and formulas defused.

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =,+,-,@ is defused (formula injection). */
export function csvField(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a UTF-8 byte order mark (so Excel reads Chinese) and CRLF line ends. */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
