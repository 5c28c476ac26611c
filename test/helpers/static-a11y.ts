// Accessibility checks that need no browser, for every page a crawler reads: what a screen reader
// needs from the markup itself. Contrast and computed accessible names are the browser journeys' part
// (e2e/harness.ts).

/** The problems of one HTML page: not exactly one h1, no page language, an image without alt text, a form control without a label, an id used twice. */
export function staticA11y(html: string): string[] {
  const problems: string[] = [];
  const h1 = (html.match(/<h1[\s>]/g) ?? []).length;
  if (h1 !== 1) {
    problems.push(`${h1} h1 headings`);
  }
  if (!/<html lang="(zh-CN|en)"/.test(html)) {
    problems.push('no page language');
  }
  for (const m of html.matchAll(/<img\b[^>]*>/g)) {
    if (!/\balt="/.test(m[0])) {
      problems.push(`image without alt: ${m[0].slice(0, 80)}`);
    }
  }
  const ids = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) {
    ids.set(m[1]!, (ids.get(m[1]!) ?? 0) + 1);
  }
  for (const [id, n] of ids) {
    if (n > 1) {
      problems.push(`id "${id}" used ${n} times`);
    }
  }
  const labelFor = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    if (/type="(hidden|submit|button|reset|image)"/.test(attrs) || /aria-label(ledby)?="/.test(attrs)) {
      continue;
    }
    // Labelled by a <label for> naming its id, or by a <label> around it.
    const before = html.slice(0, m.index);
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    if ((id && labelFor.has(id)) || before.lastIndexOf('<label') > before.lastIndexOf('</label>')) {
      continue;
    }
    problems.push(`${m[1]} without a label: ${attrs.trim().slice(0, 80)}`);
  }
  return problems;
}
