import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { programme } from './open-days.public.js';
import { CampaignDates, num } from './open-days.components.js';
import { ProgrammeGroups } from './open-days.views.js';

type Programme = Awaited<ReturnType<typeof programme>>;

/** The printable programme: every published point as tables, one themed day per printed page, by level. */
export function PrintProgrammePage({ ctx, data }: { ctx: ViewContext; data: Programme }) {
  const { t } = ctx;
  const c = data.campaign;
  return (
    <Layout ctx={ctx} title={t('openDays.print_title', { title: c.title })} crumbs={[{ href: '/open-days', label: t('openDays.title') }, { href: `/open-days/${c.slug}`, label: c.title }, { label: t('openDays.print_link') }]}>
      <div class="od-print">
        <h1>{t('openDays.print_title', { title: c.title })}</h1>
        <p>
          {c.slogan && <>{c.slogan} · </>}
          <CampaignDates ctx={ctx} c={c} /> · {t('openDays.print_totals', { points: num(ctx, data.allTotals.points), places: num(ctx, data.allTotals.capacity) })}
        </p>
        {c.unifiedTime && (
          <p>
            {t('openDays.label_value', { label: t('openDays.unified_time'), value: c.unifiedTime })}
          </p>
        )}
        <p class="od-screen-only">{t('openDays.print_hint')}</p>
        <ProgrammeGroups ctx={ctx} groups={data.groups} compact />
      </div>
    </Layout>
  );
}
