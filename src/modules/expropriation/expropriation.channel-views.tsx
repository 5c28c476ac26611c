import type { ViewContext } from '../../views/context.js';
import { QrCode } from '../../views/qr-code.js';
import type { PublicHousehold } from './expropriation.presenter.js';
import type { ProjectRow } from './expropriation.repository.js';
import type { progress } from './expropriation.service.js';
import { enumLabel, num, yuan } from './expropriation.components.js';

// The 屏 and 栏 channels: the project office's screen and the printable bulletin-board notice. Both
// are whole documents without the portal's navigation.

type Progress = Awaited<ReturnType<typeof progress>>;

/** Seconds between the screen's reloads (meta refresh: works without JavaScript). */
export const SCREEN_REFRESH_SECONDS = 60;

/** The project office display: very large type, high contrast, signing progress, reloads itself. */
export function ScreenPage({ ctx, project, p, updatedAt }: { ctx: ViewContext; project: ProjectRow; p: Progress; updatedAt: string }) {
  const { t } = ctx;
  const today = p.byDay.length > 0 && p.byDay[p.byDay.length - 1]!.day === updatedAt.slice(0, 10) ? p.byDay[p.byDay.length - 1]!.n : 0;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="refresh" content={String(SCREEN_REFRESH_SECONDS)} />
        <title>{t('expropriation.screen_title', { name: project.name })}</title>
        <link rel="stylesheet" href="/static/styles.css" />
      </head>
      <body class="exp-screen">
        <main id="main">
          <h1>{project.name}</h1>
          <p class="exp-screen-figure">
            {t('expropriation.screen_signed')} <strong>{num(ctx, p.signed)}</strong> / {num(ctx, p.total)} {t('expropriation.screen_households')}
          </p>
          <progress max={Math.max(p.total, 1)} value={p.signed} aria-label={t('expropriation.screen_signed')}>
            {p.signedPct}%
          </progress>
          <p class="exp-screen-figure">
            <strong>{p.signedPct}%</strong> · {t('expropriation.screen_today', { n: num(ctx, today) })}
          </p>
          <table class="exp-screen-table">
            <thead>
              <tr><th scope="col">{t('expropriation.scheme.monetary')}</th><th scope="col">{t('expropriation.scheme.exchange')}</th><th scope="col">{t('expropriation.payment.paid')}</th></tr>
            </thead>
            <tbody>
              <tr><td>{num(ctx, p.monetary)}</td><td>{num(ctx, p.exchange)}</td><td>{num(ctx, p.paid)}</td></tr>
            </tbody>
          </table>
          <p class="exp-screen-updated">{t('expropriation.screen_updated', { at: updatedAt, seconds: SCREEN_REFRESH_SECONDS })}</p>
        </main>
      </body>
    </html>
  );
}

/** The printable notice of household results (A4 or A3), with a QR code to the live list. */
export function NoticePage({ ctx, project, rows, building, size, liveUrl, today }: { ctx: ViewContext; project: ProjectRow; rows: PublicHousehold[]; building: string | undefined; size: 'a4' | 'a3'; liveUrl: string; today: string }) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('expropriation.notice_title', { name: project.name })}</title>
        <link rel="stylesheet" href="/static/styles.css" />
      </head>
      <body class={`exp-notice exp-${size}`}>
        <main id="main">
          <h1>{t('expropriation.notice_title', { name: project.name })}</h1>
          <p>{t('expropriation.notice_intro', { decision: project.decisionNumber || '-', building: building ?? t('expropriation.all') })}</p>
          <table class="exp-table">
            <thead>
              <tr>
                <th scope="col">{t('expropriation.field.number')}</th>
                <th scope="col">{t('expropriation.field.ownerName')}</th>
                <th scope="col">{t('expropriation.field.building')}</th>
                <th scope="col">{t('expropriation.field.area')}</th>
                <th scope="col">{t('expropriation.field.scheme')}</th>
                <th scope="col">{t('expropriation.field.compensation')}</th>
                <th scope="col">{t('expropriation.field.signingStatus')}</th>
                <th scope="col">{t('expropriation.field.selectionOrder')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id}>
                  <td>{h.number}{h.correctedOn && ` (${t('expropriation.corrected_on', { date: h.correctedOn })})`}</td>
                  <td>{h.name}</td>
                  <td>{h.building}</td>
                  <td>{h.area}</td>
                  <td>{enumLabel(ctx, 'scheme', h.scheme)}</td>
                  <td>{yuan(ctx, h.compensation)}</td>
                  <td>{enumLabel(ctx, 'signing', h.signingStatus)}</td>
                  <td>{h.selectionOrder ?? '-'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="exp-notice-foot">
            <QrCode text={liveUrl} label={t('expropriation.notice_qr')} px={140} />
            <p>
              {t('expropriation.notice_qr')}
              <br />
              {liveUrl}
              <br />
              {t('expropriation.notice_footer', { date: today })}
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
