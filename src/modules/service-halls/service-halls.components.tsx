import type { ViewContext } from '../../views/context.js';
import { formatDayHours, type HallHours, type OpenState } from './service-halls.hours.js';

// Small pieces the hall pages share.

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A hall level's name. */
export const levelName = (ctx: ViewContext, level: string) => ctx.t(`serviceHalls.level.${level}` as 'serviceHalls.level.district');
/** A window kind's name. */
export const kindName = (ctx: ViewContext, kind: string) => ctx.t(`serviceHalls.kind.${kind}` as 'serviceHalls.kind.comprehensive');
/** A terminal place's name. */
export const placeName = (ctx: ViewContext, kind: string) => ctx.t(`serviceHalls.place.${kind}` as 'serviceHalls.place.hall');

/** Open or closed now, in words (never colour alone), with when that changes. */
export function OpenBadge({ ctx, state }: { ctx: ViewContext; state: OpenState }) {
  const { t } = ctx;
  const cls = state.reason === 'lunch' ? 'status-in_review' : state.open ? 'status-published' : 'status-withdrawn';
  const text =
    state.reason === 'open'
      ? t('serviceHalls.state.open', { until: state.until ?? '' })
      : state.reason === 'lunch'
        ? t('serviceHalls.state.lunch', { until: state.until ?? '' })
        : state.reason === 'before_hours' || state.reason === 'between'
          ? t('serviceHalls.state.opens_at', { at: state.until ?? '' })
          : t(`serviceHalls.state.${state.reason}`);
  return <span class={`status-badge ${cls}`}>{text}</span>;
}

/** Today's hours in one line, lunchtime merged in. */
export function TodayHours({ ctx, state }: { ctx: ViewContext; state: OpenState }) {
  return <span>{state.today.length > 0 ? ctx.t('serviceHalls.today_hours', { hours: formatDayHours(state.today) }) : ctx.t('serviceHalls.today_closed')}</span>;
}

/** The lunchtime service as a line, when the hall has one. */
export function LunchLine({ ctx, hours }: { ctx: ViewContext; hours: HallHours }) {
  return hours.lunch ? <span class="status-badge status-in_review">{ctx.t('serviceHalls.lunch_service', { from: hours.lunch[0], to: hours.lunch[1] })}</span> : null;
}

/** The week's hours as a table, with the lunchtime and holiday rules under it. */
export function HoursTable({ ctx, hours, extra }: { ctx: ViewContext; hours: HallHours; extra: string }) {
  const { t } = ctx;
  return (
    <>
      <table class="sh-hours">
        <caption class="visually-hidden">{t('serviceHalls.hours')}</caption>
        <tbody>
          {WEEKDAYS.map((d, i) => (
            <tr key={d}>
              <th scope="row">{t(`serviceHalls.weekday.${d}`)}</th>
              <td>{hours.weekly[i]!.length > 0 ? formatDayHours(hours.weekly[i]!) : t('serviceHalls.closed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        <li>{hours.lunch ? t('serviceHalls.lunch_service', { from: hours.lunch[0], to: hours.lunch[1] }) : t('serviceHalls.no_lunch_service')}</li>
        <li>{hours.opensOnHolidays ? t('serviceHalls.holidays_open') : t('serviceHalls.holidays_closed')}</li>
        <li>{t('serviceHalls.makeup_rule')}</li>
        {extra && <li>{t('serviceHalls.extra_service', { text: extra })}</li>}
      </ul>
    </>
  );
}

/** A server-drawn locator (its SVG carries its own text alternative) with a caption. */
export function Locator({ ctx, svg }: { ctx: ViewContext; svg: string | null }) {
  if (!svg) {
    return null;
  }
  return (
    <figure class="od-locator">
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption class="meta">{ctx.t('serviceHalls.map_caption')}</figcaption>
    </figure>
  );
}

/** The head of a hall's card in lists: its linked name, open now with lunchtime service, and today's hours. */
export function HallCardHead({ ctx, h }: { ctx: ViewContext; h: { hall: { id: number; name: string }; state: OpenState; hours: HallHours } }) {
  return (
    <>
      <h3>
        <a href={`/services/halls/${h.hall.id}`}>{h.hall.name}</a>
      </h3>
      <p>
        <OpenBadge ctx={ctx} state={h.state} /> <LunchLine ctx={ctx} hours={h.hours} />
      </p>
      <p class="meta">
        <TodayHours ctx={ctx} state={h.state} />
      </p>
    </>
  );
}
