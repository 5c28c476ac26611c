import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Notice } from '../../views/components.js';
import { mapLink } from '../../platform/map.js';
import { Paragraphs } from '../open-days/open-days.components.js';
import type { hallDirectory, hallPage, terminalDirectory, whereCanIDo } from './service-halls.public.js';
import { HALL_LEVELS } from './service-halls.schema.js';
import { HallCardHead, HoursTable, kindName, levelName, Locator, LunchLine, OpenBadge, placeName } from './service-halls.components.js';

const hallsCrumbs = (ctx: ViewContext) => [{ href: '/services', label: ctx.t('nav.services') }, { href: '/services/halls', label: ctx.t('serviceHalls.title') }];

/** /services/halls: every hall by level and street, filterable without JavaScript. */
export function HallsPage({ ctx, data, filter }: { ctx: ViewContext; data: Awaited<ReturnType<typeof hallDirectory>>; filter: { level?: string; street?: string } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceHalls.title')} crumbs={[{ href: '/services', label: t('nav.services') }, { label: t('serviceHalls.title') }]}>
      <h1>{t('serviceHalls.title')}</h1>
      <p>{t('serviceHalls.intro')}</p>
      <p>
        <a href="/services/terminals">{t('serviceHalls.terminals_link')}</a>
      </p>
      <form class="filters" method="get" action="/services/halls">
        <div class="field">
          <label for="level">{t('serviceHalls.level_label')}</label>
          <select id="level" name="level">
            <option value="">{t('serviceHalls.all_levels')}</option>
            {HALL_LEVELS.map((l) => (
              <option key={l} value={l} selected={filter.level === l}>
                {levelName(ctx, l)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="street">{t('serviceHalls.street_label')}</label>
          <select id="street" name="street">
            <option value="">{t('serviceHalls.all_streets')}</option>
            {data.streets.map((s) => (
              <option key={s} value={s} selected={filter.street === s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t('form.filter')}
        </button>
      </form>
      <p role="status" id="shown">{t('serviceHalls.shown', { count: data.total, total: data.allTotal })}</p>
      {data.groups.map((g) => (
        <section key={g.level} aria-labelledby={`level-${g.level}`}>
          <h2 id={`level-${g.level}`}>{t('serviceHalls.level_heading', { level: levelName(ctx, g.level), count: g.halls.length })}</h2>
          <ul class="card-list">
            {g.halls.map((h) => (
              <li key={h.hall.id} class="card">
                <HallCardHead ctx={ctx} h={h} />
                <p>{h.hall.address}</p>
                <p class="meta">{t('serviceHalls.window_count', { count: h.windows })}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {data.total === 0 && <p>{t('serviceHalls.no_halls')}</p>}
    </Layout>
  );
}

/** Address, map, transport, accessibility and phone of a hall. */
function HallWhere({ ctx, hall, map }: { ctx: ViewContext; hall: { name: string; address: string; lat: number | null; lng: number | null; phone: string; transport: string; accessibility: string }; map: string | null }) {
  const { t } = ctx;
  return (
    <>
      <Locator ctx={ctx} svg={map} />
      <p>{hall.address}</p>
      <p>
        <a href={mapLink({ lat: hall.lat, lng: hall.lng, address: hall.address, topic: hall.name })} rel="noopener noreferrer external" target="_blank">
          {t('serviceHalls.open_map')}
        </a>
      </p>
      {hall.phone && <p>{t('serviceHalls.phone_line', { phone: hall.phone })}</p>}
      <h3>{t('serviceHalls.transport')}</h3>
      {hall.transport ? <Paragraphs text={hall.transport} /> : <p class="meta">{t('serviceHalls.none_given')}</p>}
      <h3>{t('serviceHalls.accessibility')}</h3>
      {hall.accessibility ? <Paragraphs text={hall.accessibility} /> : <p class="meta">{t('serviceHalls.none_given')}</p>}
    </>
  );
}

/** /services/halls/:id: hours, windows and their items, terminals, where. */
export function HallPage({ ctx, data }: { ctx: ViewContext; data: Awaited<ReturnType<typeof hallPage>> }) {
  const { t } = ctx;
  const h = data.hall;
  return (
    <Layout ctx={ctx} title={h.name} crumbs={[...hallsCrumbs(ctx), { label: h.name }]}>
      <h1>{h.name}</h1>
      <p>
        <span class="status-badge status-draft">{levelName(ctx, h.level)}</span> <OpenBadge ctx={ctx} state={data.state} /> <LunchLine ctx={ctx} hours={data.hours} />
      </p>
      {data.parent && (
        <p>
          {t('serviceHalls.parent_hall')}
          <a href={`/services/halls/${data.parent.id}`}>{data.parent.name}</a>
        </p>
      )}
      {h.services && <Paragraphs text={h.services} />}
      <section aria-labelledby="hours-h">
        <h2 id="hours-h">{t('serviceHalls.hours')}</h2>
        <HoursTable ctx={ctx} hours={data.hours} extra={h.extraService} />
      </section>
      <section aria-labelledby="windows-h">
        <h2 id="windows-h">{t('serviceHalls.windows_heading', { count: data.windows.length })}</h2>
        <p class="meta">{t('serviceHalls.one_window_flow')}</p>
        {data.windows.length === 0 ? (
          <p>{t('serviceHalls.no_windows')}</p>
        ) : (
          data.windows.map((w) => (
            <details key={w.window.id} id={`window-${w.window.id}`}>
              <summary>
                {t('serviceHalls.window_title', { number: w.window.number, name: w.window.name })} · {kindName(ctx, w.window.kind)}
                {w.department && ` · ${w.department}`} · {t('serviceHalls.item_count', { count: w.items.length })}
              </summary>
              {w.items.length === 0 ? (
                <p class="meta">{t('serviceHalls.window_no_items')}</p>
              ) : (
                <ul>
                  {w.items.map((i) => (
                    <li key={i.id}>
                      <a href={`/services/items/${encodeURIComponent(i.code)}`}>{i.name}</a>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          ))
        )}
      </section>
      {data.terminals.length > 0 && (
        <section aria-labelledby="terminals-h">
          <h2 id="terminals-h">{t('serviceHalls.terminals_here')}</h2>
          <ul>
            {data.terminals.map((x) => (
              <li key={x.id}>
                {x.name}（{x.hours === '00:00-24:00' ? t('serviceHalls.round_the_clock') : x.hours}）
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.children.length > 0 && (
        <section aria-labelledby="children-h">
          <h2 id="children-h">{t('serviceHalls.child_halls', { count: data.children.length })}</h2>
          <ul>
            {data.children.map((c) => (
              <li key={c.id}>
                <a href={`/services/halls/${c.id}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="where-h">
        <h2 id="where-h">{t('serviceHalls.where')}</h2>
        <HallWhere ctx={ctx} hall={h} map={data.map} />
      </section>
    </Layout>
  );
}

/** /services/terminals: the 24-hour self-service terminals. */
export function TerminalsPage({ ctx, data, street }: { ctx: ViewContext; data: Awaited<ReturnType<typeof terminalDirectory>>; street?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceHalls.terminals_title')} crumbs={[...hallsCrumbs(ctx), { label: t('serviceHalls.terminals_title') }]}>
      <h1>{t('serviceHalls.terminals_title')}</h1>
      <p>{t('serviceHalls.terminals_intro')}</p>
      <form class="filters" method="get" action="/services/terminals">
        <div class="field">
          <label for="street">{t('serviceHalls.street_label')}</label>
          <select id="street" name="street">
            <option value="">{t('serviceHalls.all_streets')}</option>
            {data.streets.map((s) => (
              <option key={s} value={s} selected={street === s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t('form.filter')}
        </button>
      </form>
      <p role="status" id="shown">{t('serviceHalls.terminals_shown', { count: data.terminals.length })}</p>
      <TerminalTable ctx={ctx} rows={data.terminals} />
    </Layout>
  );
}

/** A table of terminals with where they stand and what they offer. */
function TerminalTable({ ctx, rows }: { ctx: ViewContext; rows: Array<{ terminal: { id: number; code: string; name: string; placeKind: string; address: string; hours: string; customItems: number; lat: number | null; lng: number | null }; hall?: { id: number; name: string } | undefined }> }) {
  const { t } = ctx;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('serviceHalls.terminal')}</th>
          <th scope="col">{t('serviceHalls.place')}</th>
          <th scope="col">{t('serviceHalls.address')}</th>
          <th scope="col">{t('serviceHalls.terminal_hours')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ terminal: x, hall }) => (
          <tr key={x.id}>
            <th scope="row">
              {x.name}
              <br />
              <span class="meta">{x.code}</span>
            </th>
            <td>{hall ? <a href={`/services/halls/${hall.id}`}>{hall.name}</a> : placeName(ctx, x.placeKind)}</td>
            <td>
              {x.address}{' '}
              <a href={mapLink({ lat: x.lat, lng: x.lng, address: x.address, topic: x.name })} rel="noopener noreferrer external" target="_blank">
                {t('serviceHalls.open_map_short')}
              </a>
            </td>
            <td>{x.hours === '00:00-24:00' ? t('serviceHalls.round_the_clock') : x.hours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /services/items/:code/where: every hall, window and terminal that takes the item, or "no visit needed". */
export function WherePage({ ctx, data }: { ctx: ViewContext; data: Awaited<ReturnType<typeof whereCanIDo>> }) {
  const { t } = ctx;
  const code = encodeURIComponent(data.item.code);
  return (
    <Layout ctx={ctx} title={t('serviceHalls.where_title', { name: data.item.name })} crumbs={[{ href: '/services', label: t('nav.services') }, { href: `/services/items/${code}`, label: data.item.name }, { label: t('serviceHalls.where_short') }]}>
      <h1>{t('serviceHalls.where_title', { name: data.item.name })}</h1>
      {data.online && (
        <Notice kind="success">
          <p>
            <strong>{t('serviceHalls.no_visit')}</strong> <a href={`/services/items/${code}/apply`}>{t('serviceHalls.apply_online')}</a>
          </p>
        </Notice>
      )}
      <p role="status" id="shown">{t('serviceHalls.where_summary', { halls: data.hallCount, terminals: data.terminals.length })}</p>
      <Locator ctx={ctx} svg={data.map} />
      {data.levels.map((g) => (
        <section key={g.level} aria-labelledby={`where-${g.level}`}>
          <h2 id={`where-${g.level}`}>{t('serviceHalls.level_heading', { level: levelName(ctx, g.level), count: g.halls.length })}</h2>
          {g.halls.map((h) => (
            <article key={h.hall.id} class="card">
              <HallCardHead ctx={ctx} h={h} />
              <p>
                {h.hall.address}{' '}
                <a href={mapLink({ lat: h.hall.lat, lng: h.hall.lng, address: h.hall.address, topic: h.hall.name })} rel="noopener noreferrer external" target="_blank">
                  {t('serviceHalls.open_map_short')}
                </a>
              </p>
              <ul>
                {h.windows.map((w) => (
                  <li key={w.window.id}>
                    <a href={`/services/halls/${h.hall.id}#window-${w.window.id}`}>{t('serviceHalls.window_title', { number: w.window.number, name: w.window.name })}</a> · {kindName(ctx, w.window.kind)}
                    {w.department && ` · ${w.department}`}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
      {data.hallCount === 0 && <p>{t('serviceHalls.where_no_halls')}</p>}
      <section aria-labelledby="where-terminals">
        <h2 id="where-terminals">{t('serviceHalls.where_terminals', { count: data.terminals.length })}</h2>
        {data.terminals.length === 0 ? (
          <p>{t('serviceHalls.where_no_terminals')}</p>
        ) : (
          <TerminalTable ctx={ctx} rows={data.terminals} />
        )}
      </section>
    </Layout>
  );
}
