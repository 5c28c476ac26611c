import { Fragment, type ComponentChildren } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { label } from '../../views/components.js';
import { jsonList, type Faq, type SpecialStep, type Step } from './service-catalogue.compact.js';
import type { PublicItem } from './service-catalogue.public.js';
import { FlagBadges, daysText, deptName, itemUrl } from './service-catalogue.components.js';

// The item page: the whole guide (办事指南) of one published item, section by section.

function Facts({ rows }: { rows: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v === '' || v === null || v === undefined ? '-' : v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A stored file's public download link. */
export function fileHref(id: number, name: string): string {
  return `/services/files/${id}/${encodeURIComponent(name)}`;
}

function Materials({ ctx, materials }: { ctx: ViewContext; materials: PublicItem['materials'] }) {
  const { t } = ctx;
  if (materials.length === 0) {
    return <p>{t('serviceCatalogue.none')}</p>;
  }
  return (
    <table class="policy-meta sc-materials">
      <thead>
        <tr>
          <th scope="col">{t('serviceCatalogue.field.name')}</th>
          <th scope="col">{t('serviceCatalogue.material_form')}</th>
          <th scope="col">{t('serviceCatalogue.copies_col')}</th>
          <th scope="col">{t('serviceCatalogue.required_col')}</th>
          <th scope="col">{t('serviceCatalogue.description')}</th>
          <th scope="col">{t('serviceCatalogue.files')}</th>
        </tr>
      </thead>
      <tbody>
        {materials.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.name}</th>
            <td>{label(ctx, `serviceCatalogue.form.${m.form}`)}</td>
            <td>{t('serviceCatalogue.copies', { n: m.copies })}</td>
            <td>{m.required ? t('serviceCatalogue.required') : t('serviceCatalogue.optional')}</td>
            <td>{m.notes || '-'}</td>
            <td>
              {m.sampleFileId !== null && <a href={fileHref(m.sampleFileId, `${m.name}-sample`)}>{t('serviceCatalogue.sample')}</a>}
              {m.sampleFileId !== null && m.blankFormFileId !== null && ' · '}
              {m.blankFormFileId !== null && <a href={fileHref(m.blankFormFileId, `${m.name}-form`)}>{t('serviceCatalogue.blank_form')}</a>}
              {m.sampleFileId === null && m.blankFormFileId === null && '-'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Steps({ ctx, steps, special }: { ctx: ViewContext; steps: Step[]; special: SpecialStep[] }) {
  const { t } = ctx;
  return (
    <>
      {steps.length === 0 ? (
        <p>{t('serviceCatalogue.none')}</p>
      ) : (
        <ol class="sc-steps">
          {steps.map((s, i) => (
            <li key={i}>
              <strong>{label(ctx, `serviceCatalogue.step.${s.step}`)}</strong>
              {s.description && `：${s.description}`} <span class="meta">（{daysText(ctx, s.days)}）</span>
            </li>
          ))}
        </ol>
      )}
      {special.length > 0 && (
        <>
          <h3>{t('serviceCatalogue.special_steps')}</h3>
          <table class="policy-meta">
            <thead>
              <tr>
                <th scope="col">{t('serviceCatalogue.field.name')}</th>
                <th scope="col">{t('serviceCatalogue.time')}</th>
                <th scope="col">{t('serviceCatalogue.basis')}</th>
                <th scope="col">{t('serviceCatalogue.counted')}</th>
              </tr>
            </thead>
            <tbody>
              {special.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.name}</th>
                  <td>{t('serviceCatalogue.days', { n: s.days })}</td>
                  <td>{s.basis || '-'}</td>
                  <td>{s.countedInLimit ? t('serviceCatalogue.counted') : t('serviceCatalogue.not_counted')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function Related({ ctx, data }: { ctx: ViewContext; data: PublicItem }) {
  const { t } = ctx;
  if (!data.parent && data.children.length === 0) {
    return null;
  }
  const variant = (v: string) => (v ? `（${label(ctx, `serviceCatalogue.variant.${v}`)}）` : '');
  return (
    <section aria-labelledby="sc-related">
      <h2 id="sc-related">{t('serviceCatalogue.related')}</h2>
      {data.parent && (
        <p>
          {t('serviceCatalogue.parent_item')}：<a href={itemUrl(data.parent.code)}>{data.parent.name}</a>
        </p>
      )}
      {data.children.length > 0 && (
        <>
          <h3>{t('serviceCatalogue.sub_items')}</h3>
          <ul>
            {data.children.map((c) => (
              <li key={c.id}>
                <a href={itemUrl(c.code)}>{c.name}</a>
                {variant(c.variant)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The public guide of one item. */
export function ItemPage({ ctx, data }: { ctx: ViewContext; data: PublicItem }) {
  const { t } = ctx;
  const it = data.item;
  const code = encodeURIComponent(it.code);
  const faq = jsonList<Faq>(it.faq);
  const yes = (b: number) => (b ? t('serviceCatalogue.yes') : t('serviceCatalogue.no'));
  return (
    <Layout ctx={ctx} title={it.name} crumbs={[{ href: '/services', label: t('serviceCatalogue.title') }, { label: it.name }]}>
      <h1>{it.name}</h1>
      <FlagBadges ctx={ctx} item={it} />
      <p class="actions">
        <a class="button primary" href={`/services/items/${code}/apply`}>
          {t('serviceCatalogue.apply')}
        </a>
        <a class="button" href={`/services/items/${code}/where`}>
          {t('serviceCatalogue.where')}
        </a>
      </p>
      <section aria-labelledby="sc-basic">
        <h2 id="sc-basic">{t('serviceCatalogue.basic')}</h2>
        <Facts
          rows={[
            [t('serviceCatalogue.field.code'), it.code],
            [t('serviceCatalogue.field.itemType'), label(ctx, `serviceCatalogue.type.${it.itemType}`)],
            [t('serviceCatalogue.field.variant'), it.variant ? label(ctx, `serviceCatalogue.variant.${it.variant}`) : ''],
            [t('serviceCatalogue.field.departmentId'), deptName(ctx, it)],
            [t('serviceCatalogue.field.implementingBody'), it.implementingBody],
            [t('serviceCatalogue.field.level'), label(ctx, `serviceCatalogue.level.${it.level}`)],
            [t('serviceCatalogue.field.theme'), it.theme],
            [t('serviceCatalogue.field.audience'), label(ctx, `serviceCatalogue.audience.${it.audience}`)],
            [t('serviceCatalogue.field.legalBasis'), <span class="prose-pre">{it.legalBasis}</span>],
            [t('serviceCatalogue.field.conditions'), <span class="prose-pre">{it.conditions}</span>],
          ]}
        />
      </section>
      <section aria-labelledby="sc-how">
        <h2 id="sc-how">{t('serviceCatalogue.how')}</h2>
        <Facts
          rows={[
            [t('serviceCatalogue.field.caseType'), label(ctx, `serviceCatalogue.case.${it.caseType}`)],
            [t('serviceCatalogue.field.onlineDepth'), label(ctx, `serviceCatalogue.depth.${it.onlineDepth}`)],
            [t('serviceCatalogue.field.visitsNeeded'), t('serviceCatalogue.visits', { n: it.visitsNeeded })],
            [t('serviceCatalogue.field.visitsReason'), it.visitsReason],
            [t('serviceCatalogue.field.statutoryDays'), daysText(ctx, it.statutoryDays)],
            [t('serviceCatalogue.field.promisedDays'), daysText(ctx, it.promisedDays)],
            [t('serviceCatalogue.field.enterpriseRelated'), yes(it.enterpriseRelated)],
            [t('serviceCatalogue.field.noVisit'), yes(it.noVisit)],
            [t('serviceCatalogue.field.instantApproval'), yes(it.instantApproval)],
            [t('serviceCatalogue.field.selfServiceTerminal'), yes(it.selfServiceTerminal)],
          ]}
        />
      </section>
      <section aria-labelledby="sc-materials">
        <h2 id="sc-materials">{t('serviceCatalogue.materials')}</h2>
        <Materials ctx={ctx} materials={data.materials} />
      </section>
      <section aria-labelledby="sc-steps">
        <h2 id="sc-steps">{t('serviceCatalogue.steps')}</h2>
        <Steps ctx={ctx} steps={jsonList<Step>(it.steps)} special={jsonList<SpecialStep>(it.specialSteps)} />
      </section>
      <section aria-labelledby="sc-result">
        <h2 id="sc-result">{t('serviceCatalogue.result')}</h2>
        <Facts
          rows={[
            [t('serviceCatalogue.field.resultType'), it.resultType],
            [t('serviceCatalogue.field.resultName'), it.resultName],
            [t('serviceCatalogue.result_sample'), it.resultSampleFileId !== null ? <a href={fileHref(it.resultSampleFileId, `${it.resultName || it.code}-sample`)}>{t('serviceCatalogue.sample')}</a> : ''],
            [t('serviceCatalogue.field.deliveryMethods'), it.deliveryMethods],
            [t('serviceCatalogue.field.deliveryDays'), it.deliveryDays === null ? '' : daysText(ctx, it.deliveryDays)],
          ]}
        />
      </section>
      <section aria-labelledby="sc-fee">
        <h2 id="sc-fee">{t('serviceCatalogue.fees')}</h2>
        <p>{it.feeCharged ? `${it.feeBasis}（${it.onlinePayment ? t('serviceCatalogue.fee_online') : t('serviceCatalogue.fee_offline')}）` : t('serviceCatalogue.no_fee')}</p>
      </section>
      <section aria-labelledby="sc-place">
        <h2 id="sc-place">{t('serviceCatalogue.place_contact')}</h2>
        <Facts
          rows={[
            [t('serviceCatalogue.field.place'), it.place],
            [t('serviceCatalogue.field.hours'), it.hours],
            [t('serviceCatalogue.field.enquiryPhone'), it.enquiryPhone],
            [t('serviceCatalogue.field.complaintPhone'), it.complaintPhone],
          ]}
        />
      </section>
      {faq.length > 0 && (
        <section aria-labelledby="sc-faq">
          <h2 id="sc-faq">{t('serviceCatalogue.faq')}</h2>
          <dl class="qa-list">
            {faq.map((f, i) => (
              <div key={i}>
                <dt>{f.q}</dt>
                <dd>{f.a}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <Related ctx={ctx} data={data} />
    </Layout>
  );
}
