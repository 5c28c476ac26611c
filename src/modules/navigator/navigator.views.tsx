import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { factDef } from '../enterprises/index.js';
import type { MyPolicy } from './navigator.service.js';
import { GuideBlock } from './navigator.guide-views.js';
import { formatNumber } from './navigator.explain.js';

const SOURCE_KEY = { registration: 'navigator.source.registration', declared: 'navigator.source.declared', derived: 'navigator.source.derived' } as const;

function Reasons({ ctx, item }: { ctx: ViewContext; item: MyPolicy }) {
  const { t } = ctx;
  return (
    <ul class="reasons">
      {item.lines.map((l) => (
        <li key={l.id} class={`reason reason-${l.verdict}${l.decisive ? ' reason-decisive' : ''}`}>
          <span class="reason-mark">{t(`navigator.verdict.${l.verdict}`)}</span> {l.text}
          {l.source && (
            <span class="meta">
              {' '}
              （{t(SOURCE_KEY[l.source])}
              {l.asOf ? `，${l.asOf}` : ''}）
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function PolicyList({ ctx, items, kind }: { ctx: ViewContext; items: MyPolicy[]; kind: 'met' | 'near' | 'unknown' }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={`my-${kind}-h`} class={`my-policies my-${kind}`}>
      <h2 id={`my-${kind}-h`}>
        {t(`navigator.my.${kind}`)} <span class="count">（{items.length}）</span>
      </h2>
      {items.length === 0 ? (
        <p class="meta">{t(`navigator.my.${kind}_none`)}</p>
      ) : (
        <ol class="my-policy-list">
          {items.map((item) => (
            <li key={item.policy.id} id={`policy-${item.policy.id}`} class="card">
              <h3>
                <a href={`/policies/${item.policy.id}`}>{item.policy.title}</a>
              </h3>
              <p class="meta">
                {item.policy.docNumber}
                {item.policy.publishedOn ? ` · ${item.policy.publishedOn}` : ''}
                {item.conditional && kind === 'met' && <strong class="conditional"> · {t('navigator.my.conditional')}</strong>}
              </p>
              {kind === 'near' && <p class="near-summary">{t('navigator.my.near_summary', { text: item.lines.find((l) => l.decisive)?.text ?? '' })}</p>}
              {kind === 'unknown' && <p>{t('navigator.my.unknown_summary', { facts: item.missing.map((f) => (ctx.locale === 'en' ? factDef(f).labelEn : factDef(f).labelZh)).join('、') })}</p>}
              {item.guide && <GuideBlock ctx={ctx} guide={item.guide} />}
              <details>
                <summary>{t('navigator.my.reasons')}</summary>
                <Reasons ctx={ctx} item={item} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "My policies" (我的政策) for an enterprise account. */
export function MyPoliciesPage({
  ctx,
  data,
}: {
  ctx: ViewContext;
  data: {
    enterprise: { name: string } | undefined;
    met: MyPolicy[];
    near: MyPolicy[];
    unknown: MyPolicy[];
    askFirst: { fact: Parameters<typeof factDef>[0]; policies: number } | undefined;
    combination: { policyIds: number[]; total: number; excluded: number[] };
  };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('navigator.my.title')} crumbs={[{ label: t('navigator.my.title') }]}>
      <h1>{t('navigator.my.title')}</h1>
      {!data.enterprise ? (
        <p>{t('navigator.my.no_enterprise')}</p>
      ) : (
        <>
          <p>{t('navigator.my.intro', { name: data.enterprise.name })}</p>
          {data.askFirst && (
            <div class="notice notice-info" role="note">
              {t('navigator.my.ask_first', { fact: ctx.locale === 'en' ? factDef(data.askFirst.fact).labelEn : factDef(data.askFirst.fact).labelZh, count: data.askFirst.policies })} <a href="/enterprise/profile">{t('navigator.my.go_profile')}</a>
            </div>
          )}
          {data.combination.policyIds.length > 0 && (
            <section aria-labelledby="combination-h" class="combination">
              <h2 id="combination-h">{t('navigator.my.combination')}</h2>
              <p>{t('navigator.my.combination_total', { total: formatNumber(data.combination.total), count: data.combination.policyIds.length })}</p>
              <ul>
                {data.met
                  .filter((m) => data.combination.policyIds.includes(m.policy.id))
                  .map((m) => (
                    <li key={m.policy.id}>
                      <a href={`#policy-${m.policy.id}`}>{m.policy.title}</a>：{formatNumber(m.guide!.support!.amount)} {t('navigator.guide.wan')}
                    </li>
                  ))}
              </ul>
              {data.combination.excluded.length > 0 && (
                <p class="meta">
                  {t('navigator.my.combination_excluded', {
                    titles: data.met
                      .filter((m) => data.combination.excluded.includes(m.policy.id))
                      .map((m) => m.policy.title)
                      .join('、'),
                  })}
                </p>
              )}
            </section>
          )}
          <PolicyList ctx={ctx} items={data.met} kind="met" />
          <PolicyList ctx={ctx} items={data.near} kind="near" />
          <PolicyList ctx={ctx} items={data.unknown} kind="unknown" />
        </>
      )}
    </Layout>
  );
}
