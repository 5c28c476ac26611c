// Atom and RSS feeds of new and changed policies, so that media, enterprises and other governments can
// follow the library without visiting it.

/** One feed entry. */
export interface FeedItem {
  id: number;
  title: string;
  summary: string;
  docNumber: string;
  publishedOn: string | null;
  updatedAt: string;
  validity: string;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function describe(i: FeedItem, validityLabel: (v: string) => string): string {
  return [i.docNumber, validityLabel(i.validity), i.summary].filter(Boolean).join(' · ');
}

/** An Atom 1.0 feed. */
export function atomFeed(opts: { baseUrl: string; title: string; items: FeedItem[]; validityLabel: (v: string) => string }): string {
  const updated = opts.items[0]?.updatedAt ?? new Date(0).toISOString();
  const entries = opts.items
    .map((i) => {
      const url = `${opts.baseUrl}/policies/${i.id}`;
      return `  <entry>
    <id>${xml(url)}</id>
    <title>${xml(i.title)}</title>
    <link href="${xml(url)}"/>
    <published>${xml(i.publishedOn ? `${i.publishedOn}T00:00:00+08:00` : i.updatedAt)}</published>
    <updated>${xml(i.updatedAt)}</updated>
    <summary>${xml(describe(i, opts.validityLabel))}</summary>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(`${opts.baseUrl}/policies`)}</id>
  <title>${xml(opts.title)}</title>
  <link rel="self" href="${xml(`${opts.baseUrl}/policies/feed.atom`)}"/>
  <link href="${xml(`${opts.baseUrl}/policies`)}"/>
  <updated>${xml(updated)}</updated>
${entries}
</feed>
`;
}

/** An RSS 2.0 feed. */
export function rssFeed(opts: { baseUrl: string; title: string; items: FeedItem[]; validityLabel: (v: string) => string }): string {
  const items = opts.items
    .map((i) => {
      const url = `${opts.baseUrl}/policies/${i.id}`;
      return `    <item>
      <title>${xml(i.title)}</title>
      <link>${xml(url)}</link>
      <guid isPermaLink="true">${xml(url)}</guid>
      <pubDate>${new Date(i.updatedAt).toUTCString()}</pubDate>
      <description>${xml(describe(i, opts.validityLabel))}</description>
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>${xml(opts.title)}</title>
    <link>${xml(`${opts.baseUrl}/policies`)}</link>
    <description>${xml(opts.title)}</description>
    <language>zh-CN</language>
${items}
  </channel>
</rss>
`;
}
