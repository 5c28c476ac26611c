// Server-rendered ECharts SVG made safe for the portal's Content-Security-Policy.

/**
 * ECharts writes font settings as style="" attributes, which the Content-Security-Policy (no inline
 * styles) would drop; turn them into SVG presentation attributes and drop <style> blocks.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_m, css: string) =>
      css
        .split(';')
        .map((d) => d.split(':').map((s) => s.trim()))
        .filter(([k, v]) => k && v && /^[a-z-]+$/.test(k))
        .map(([k, v]) => ` ${k}="${v!.replace(/"/g, '&quot;')}"`)
        .join(''),
    );
}
