import type { ViewContext } from '../../views/context.js';
import { toChinaDateTime } from '../../platform/clock.js';
import type { CampaignRow, ThemeRow } from './open-days.repository.js';

// Small pieces the open-day pages share.

/** The level as a badge (its name in text, never colour alone). */
export function LevelBadge({ ctx, level }: { ctx: ViewContext; level: string }) {
  return <span class={`status-badge level-${level}`}>{ctx.t(`openDays.level.${level}` as 'openDays.level.city')}</span>;
}

/** A themed day's name in the page's language. */
export function themeTitle(ctx: ViewContext, theme: Pick<ThemeRow, 'titleZh' | 'titleEn'>): string {
  return ctx.locale === 'en' ? theme.titleEn : theme.titleZh;
}

/** "2019-10-22" as 10月22日 / 22 Oct. */
export function dayLabel(ctx: ViewContext, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ctx.locale === 'en' ? new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : `${y}年${m}月${d}日`;
}

/** The campaign's dates as a range. */
export function CampaignDates({ ctx, c }: { ctx: ViewContext; c: Pick<CampaignRow, 'startsOn' | 'endsOn'> }) {
  return (
    <span>
      <time dateTime={c.startsOn}>{dayLabel(ctx, c.startsOn)}</time>
      {c.endsOn !== c.startsOn && (
        <>
          {' – '}
          <time dateTime={c.endsOn}>{dayLabel(ctx, c.endsOn)}</time>
        </>
      )}
    </span>
  );
}

/** A session's time: the Beijing date and the hours. */
export function SessionTime({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const s = toChinaDateTime(startsAt);
  const e = toChinaDateTime(endsAt);
  return (
    <span>
      <time dateTime={startsAt}>{s}</time>–<time dateTime={endsAt}>{e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e}</time>
    </span>
  );
}

/** Plain text split into paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </>
  );
}

/** A number with thousands separators in the page's language. */
export function num(ctx: ViewContext, n: number): string {
  return n.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'zh-CN');
}
