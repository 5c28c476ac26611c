// Shared by open days, service halls and expropriation projects.
// A small locator map drawn on the server: the points of one district as dots, the current one marked.
// No map tiles (the Content-Security-Policy allows only this site); the address text and an outbound
// map link sit beside it.

/** A point on the locator. */
export interface MapDot {
  id: number;
  lat: number;
  lng: number;
  label: string;
}

const W = 320;
const H = 220;
const PAD = 24;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The locator as an SVG string (role="img" with a text alternative). Longitude is scaled by cos(latitude)
 * so distances look right; a single dot sits in the middle.
 */
export function locatorSvg(dots: MapDot[], currentId: number, title: string): string {
  const lats = dots.map((d) => d.lat);
  const lngs = dots.map((d) => d.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((Math.max(...lngs) - Math.min(...lngs)) * k, 0.01);
  const spanY = Math.max(Math.max(...lats) - Math.min(...lats), 0.01);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const cx = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const cy = midLat;
  const x = (lng: number) => W / 2 + (lng - cx) * k * scale;
  const y = (lat: number) => H / 2 - (lat - cy) * scale;
  // The current point is drawn last, so it is on top.
  const ordered = [...dots.filter((d) => d.id !== currentId), ...dots.filter((d) => d.id === currentId)];
  const shapes = ordered
    .map((d) =>
      d.id === currentId
        ? `<g><title>${esc(d.label)}</title><circle cx="${x(d.lng).toFixed(1)}" cy="${y(d.lat).toFixed(1)}" r="9" fill="#a4161a" stroke="#1a1a1a" stroke-width="2"/><circle cx="${x(d.lng).toFixed(1)}" cy="${y(d.lat).toFixed(1)}" r="3" fill="#ffffff"/></g>`
        : `<g><title>${esc(d.label)}</title><circle cx="${x(d.lng).toFixed(1)}" cy="${y(d.lat).toFixed(1)}" r="5" fill="#0b4f9c" stroke="#ffffff" stroke-width="1.5"/></g>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><rect x="0.5" y="0.5" width="${W - 1}" height="${H - 1}" fill="#f5f5f5" stroke="#595959"/><path d="M${W - 30} 14 l6 16 h-12 z" fill="#1a1a1a"/><text x="${W - 30}" y="44" text-anchor="middle" font-size="12" fill="#1a1a1a">N</text>${shapes}</svg>`;
}

/** An outbound link to a map service (AMap's public URI API): the marker when coordinates exist, else a search. */
export function mapLink(p: { lat: number | null; lng: number | null; address: string; topic: string }): string {
  if (p.lat !== null && p.lng !== null) {
    return `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.topic)}&coordinate=wgs84&callnative=0`;
  }
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(p.address)}`;
}
