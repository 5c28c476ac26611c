import { renderToString } from 'preact-render-to-string';
import { CARD_SECTIONS, wrapText, type CardSection, type PolicyCard } from './policies.card.js';

// The graphic version (图解版) drawn as SVG from the policy card. Hand-laid SVG rather than a chart
// library: the card is text in boxes, and the work is in wrapping Chinese lines, which no chart
// library does for us. One width (750 px, a phone screen's CSS width ×2) keeps it legible when scaled.

const WIDTH = 750;
const PAD = 36;
const TITLE_SIZE = 34;
const TEXT_SIZE = 26;
const HEAD_SIZE = 28;
const LINE = 1.45;
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
/** Colours chosen for contrast ≥ 7:1 on their backgrounds (white on navy, navy on pale blue, near-black on white). */
const NAVY = '#0b3d6e';
const PALE = '#e8f0f8';
const INK = '#1a1a1a';

/** What the graphic needs besides the card: the policy's own identity and the labels in the reader's language. */
export interface GraphicInput {
  title: string;
  docNumber: string;
  organ: string;
  publishedOn: string | null;
  url: string;
  card: PolicyCard;
  labels: Record<CardSection, string> & { footer: string };
}

type Op =
  | { kind: 'rect'; y: number; h: number; fill: string; x?: number; w?: number; rx?: number }
  | { kind: 'text'; y: number; x: number; size: number; fill: string; weight?: 'bold'; text: string }
  | { kind: 'badge'; y: number; n: number };

/** Lays the card out top to bottom; returns the drawing operations and the total height. */
export function layoutGraphic(g: GraphicInput): { ops: Op[]; height: number } {
  const ops: Op[] = [];
  const inner = WIDTH - 2 * PAD;
  let y = PAD;
  // Title band.
  const titleLines = wrapText(g.title, inner / TITLE_SIZE);
  const bandH = PAD + titleLines.length * TITLE_SIZE * LINE + (g.card.headline ? TEXT_SIZE * LINE * wrapText(g.card.headline, inner / TEXT_SIZE).length + 12 : 0) + 20;
  ops.push({ kind: 'rect', y: 0, h: bandH, fill: NAVY });
  for (const l of titleLines) {
    y += TITLE_SIZE * LINE;
    ops.push({ kind: 'text', y: y - TITLE_SIZE * 0.35, x: PAD, size: TITLE_SIZE, fill: '#ffffff', weight: 'bold', text: l });
  }
  if (g.card.headline) {
    y += 12;
    for (const l of wrapText(g.card.headline, inner / TEXT_SIZE)) {
      y += TEXT_SIZE * LINE;
      ops.push({ kind: 'text', y: y - TEXT_SIZE * 0.35, x: PAD, size: TEXT_SIZE, fill: '#ffffff', text: l });
    }
  }
  y = bandH + 24;
  let n = 0;
  for (const s of CARD_SECTIONS) {
    const items = g.card[s];
    if (items.length === 0) {
      continue;
    }
    n += 1;
    // Section heading on a pale band with a numbered badge.
    const headH = HEAD_SIZE * 1.9;
    ops.push({ kind: 'rect', y, h: headH, fill: PALE, x: PAD, w: inner, rx: 10 });
    ops.push({ kind: 'badge', y: y + headH / 2, n });
    ops.push({ kind: 'text', y: y + headH / 2 + HEAD_SIZE * 0.36, x: PAD + 64, size: HEAD_SIZE, fill: NAVY, weight: 'bold', text: g.labels[s] });
    y += headH + 10;
    for (const item of items) {
      const wrapped = wrapText(item, (inner - 40) / TEXT_SIZE);
      wrapped.forEach((l, i) => {
        y += TEXT_SIZE * LINE;
        ops.push({ kind: 'text', y: y - TEXT_SIZE * 0.35, x: PAD + 40, size: TEXT_SIZE, fill: INK, text: l });
        if (i === 0) {
          ops.push({ kind: 'text', y: y - TEXT_SIZE * 0.35, x: PAD + 12, size: TEXT_SIZE, fill: NAVY, weight: 'bold', text: '•' });
        }
      });
      y += 6;
    }
    y += 22;
  }
  // Footer: where the graphic comes from, so a printed or forwarded copy can be traced to its source.
  const footer = [`${g.organ}${g.docNumber ? ` ${g.docNumber}` : ''}${g.publishedOn ? ` · ${g.publishedOn}` : ''}`, `${g.labels.footer} ${g.url}`];
  ops.push({ kind: 'rect', y, h: 2, fill: NAVY, x: PAD, w: inner });
  y += 8;
  for (const f of footer) {
    for (const l of wrapText(f, inner / 20)) {
      y += 20 * LINE;
      ops.push({ kind: 'text', y: y - 7, x: PAD, size: 20, fill: '#333333', text: l });
    }
  }
  return { ops, height: Math.ceil(y + PAD) };
}

/** Plain-text description of the card (the SVG's <desc>, for screen readers and search engines). */
export function describeGraphic(g: GraphicInput): string {
  const parts = [g.title, g.card.headline];
  for (const s of CARD_SECTIONS) {
    if (g.card[s].length > 0) {
      parts.push(`${g.labels[s]}：${g.card[s].join('；')}`);
    }
  }
  return parts.filter(Boolean).join('。');
}

/** The graphic as an SVG element (inline on pages). */
export function PolicyGraphic({ g, id = 'policy-graphic' }: { g: GraphicInput; id?: string }) {
  const { ops, height } = layoutGraphic(g);
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="policy-graphic" font-family={FONT}>
      <title id={`${id}-title`}>{g.title}</title>
      <desc id={`${id}-desc`}>{describeGraphic(g)}</desc>
      <rect x={0} y={0} width={WIDTH} height={height} fill="#ffffff" />
      {ops.map((o, i) => {
        switch (o.kind) {
          case 'rect':
            return <rect key={i} x={o.x ?? 0} y={o.y} width={o.w ?? WIDTH} height={o.h} rx={o.rx} fill={o.fill} />;
          case 'badge':
            return (
              <g key={i}>
                <circle cx={PAD + 30} cy={o.y} r={19} fill={NAVY} />
                <text x={PAD + 30} y={o.y + 8} font-size={22} font-weight="bold" fill="#ffffff" text-anchor="middle">
                  {o.n}
                </text>
              </g>
            );
          case 'text':
            return (
              <text key={i} x={o.x} y={o.y} font-size={o.size} fill={o.fill} font-weight={o.weight}>
                {o.text}
              </text>
            );
        }
      })}
    </svg>
  );
}

/** The graphic as a standalone SVG document (download, print, share). */
export function graphicSvgDocument(g: GraphicInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToString(<PolicyGraphic g={g} />)}`;
}
