import type { Page } from 'playwright-core';

/** One text element whose contrast is too low. */
export interface ContrastFailure {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

/**
 * Measures the contrast of every visible text element against its effective background (WCAG 2.1
 * relative luminance), in the page itself so that the computed styles are the browser's own.
 */
export async function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) {
        return [0, 0, 0, 0];
      }
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const bgOf = (el: Element | null): [number, number, number] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.5) {
          return [c[0], c[1], c[2]];
        }
      }
      return [255, 255, 255];
    };
    const out: Array<{ text: string; ratio: number; required: number; color: string; background: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) {
        continue;
      }
      seen.add(el);
      const st = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (st.visibility === 'hidden' || st.display === 'none' || rect.width <= 1 || rect.height <= 1 || el.closest('[aria-hidden="true"]')) {
        continue;
      }
      const fg = parse(st.color);
      const bg = bgOf(el);
      const l1 = lum(fg);
      const l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(st.fontSize);
      const bold = Number(st.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const required = large ? 3 : 4.5;
      if (ratio < required) {
        out.push({ text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, required, color: st.color, background: `rgb(${bg.join(',')})` });
      }
    }
    return out;
  });
}

/** Form controls without an accessible name (label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea'))
      .filter((el) => (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => {
        const e = el as HTMLInputElement;
        return (e.labels?.length ?? 0) === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

/** The landmarks a screen-reader user navigates by. */
export async function landmarks(page: Page): Promise<{ main: number; banner: number; nav: number; contentinfo: number }> {
  return page.evaluate(() => ({
    main: document.querySelectorAll('main').length,
    banner: document.querySelectorAll('body > header').length,
    nav: document.querySelectorAll('nav').length,
    contentinfo: document.querySelectorAll('body > footer').length,
  }));
}
