import { Fragment } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { CARD_SECTIONS, type PolicyCard } from './policies.card.js';
import { PolicyGraphic, type GraphicInput } from './policies.graphic.js';
import { markTerms, type PolicyTerm } from './policies.terms.js';

// The parts of a policy page that carry its other versions: the summary and graphic beside the full
// text, glossary marks inside the text, and the attachments.

/** Where a policy's graphic comes from: the uploaded image or the card drawn as SVG, or nothing. */
export type GraphicSource = { kind: 'upload'; url: string; alt: string } | { kind: 'card'; input: GraphicInput } | { kind: 'none' };

/** The three versions as in-page links (原文版 · 摘要版 · 图解版), so a reader can jump to the one they prefer. */
export function VersionsNav({ ctx, hasSummary, hasGraphic, extra }: { ctx: ViewContext; hasSummary: boolean; hasGraphic: boolean; extra?: Array<{ href: string; label: string }> }) {
  const { t } = ctx;
  return (
    <nav class="policy-versions" aria-label={t('policies.versions')}>
      <ul>
        <li>
          <a href="#text-h">{t('policies.version.text')}</a>
        </li>
        {hasSummary && (
          <li>
            <a href="#summary-h">{t('policies.version.summary')}</a>
          </li>
        )}
        {hasGraphic && (
          <li>
            <a href="#graphic-h">{t('policies.version.graphic')}</a>
          </li>
        )}
        {(extra ?? []).map((e) => (
          <li key={e.href}>
            <a href={e.href}>{e.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The card's content as a list: the text alternative of the generated graphic. */
export function CardText({ ctx, card }: { ctx: ViewContext; card: PolicyCard }) {
  const { t } = ctx;
  return (
    <dl class="card-text">
      {card.headline && (
        <>
          <dt>{t('policies.card.headline')}</dt>
          <dd>{card.headline}</dd>
        </>
      )}
      {CARD_SECTIONS.filter((s) => card[s].length > 0).map((s) => (
        <Fragment key={s}>
          <dt>{t(`policies.card.${s}`)}</dt>
          <dd>
            <ul>
              {card[s].map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The graphic version on the policy page: the image or SVG, its text, and links to open or download it. */
export function GraphicSection({ ctx, policyId, graphic, card }: { ctx: ViewContext; policyId: number; graphic: GraphicSource; card: PolicyCard }) {
  const { t } = ctx;
  if (graphic.kind === 'none') {
    return null;
  }
  return (
    <section aria-labelledby="graphic-h" class="policy-graphic-section">
      <h2 id="graphic-h">{t('policies.version.graphic')}</h2>
      <figure class="graphic-figure">
        {graphic.kind === 'upload' ? <img src={graphic.url} alt={graphic.alt} /> : <PolicyGraphic g={graphic.input} />}
      </figure>
      <p class="graphic-links">
        <a href={`/policies/${policyId}/graphic`}>{t('policies.graphic_page')}</a>
        {graphic.kind === 'card' && (
          <>
            {' · '}
            <a href={`/policies/${policyId}/graphic.svg`} download>
              {t('policies.graphic_download')}
            </a>
          </>
        )}
      </p>
      {graphic.kind === 'card' && (
        <details class="graphic-text">
          <summary>{t('policies.graphic_text')}</summary>
          <CardText ctx={ctx} card={card} />
        </details>
      )}
    </section>
  );
}

/** Gives each glossary mark on a page its own id. */
export class TermMarker {
  private n = 0;
  constructor(readonly terms: readonly PolicyTerm[]) {}
  nextId(): string {
    this.n += 1;
    return `tip-${this.n}`;
  }
}

/**
 * A line of policy text with its glossary terms marked. The mark is a link to the glossary entry (so a
 * tap without JavaScript or CSS still reaches the definition) with the definition beside it as a
 * tooltip that CSS shows on hover and focus, and that screen readers get as the link's description.
 */
export function MarkedText({ text, marker, ctx }: { text: string; marker: TermMarker; ctx: ViewContext }) {
  const pieces = markTerms(text, marker.terms);
  return (
    <>
      {pieces.map((p, i) => {
        if (p.term === undefined) {
          return p.text;
        }
        const term = marker.terms[p.term]!;
        const id = marker.nextId();
        return (
          <span class="term" key={i}>
            <a href={`#term-${p.term + 1}`} class="term-mark" aria-describedby={id}>
              {p.text}
            </a>
            <span class="term-tip" role="tooltip" id={id}>
              <span class="visually-hidden">{ctx.t('policies.terms')}：</span>
              {term.definition}
            </span>
          </span>
        );
      })}
    </>
  );
}

/** The glossary (名词解释) after the text: the place every mark links to. */
export function GlossarySection({ ctx, terms }: { ctx: ViewContext; terms: readonly PolicyTerm[] }) {
  if (terms.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="terms-h" class="policy-terms">
      <h2 id="terms-h">{ctx.t('policies.terms')}</h2>
      <dl>
        {terms.map((t, i) => (
          <div key={t.term} id={`term-${i + 1}`} class="term-entry" tabIndex={-1}>
            <dt>{t.term}</dt>
            <dd>{t.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The attachments of a policy with their type and size. */
export function AttachmentList({ ctx, policyId, attachments }: { ctx: ViewContext; policyId: number; attachments: Array<{ fileId: number; title: string; filename: string; size: number }> }) {
  if (attachments.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="attachments-h" class="policy-attachments">
      <h2 id="attachments-h">{ctx.t('policies.attachments')}</h2>
      <ul>
        {attachments.map((a) => (
          <li key={a.fileId}>
            <a href={`/policies/${policyId}/files/${a.fileId}/${encodeURIComponent(a.filename)}`}>{a.title}</a>{' '}
            <span class="meta">
              （{a.filename.split('.').pop()?.toUpperCase()}，{Math.max(1, Math.round(a.size / 1024))} KB）
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The graphic on its own page: for phones, sharing and printing. */
export function GraphicPage({ ctx, policy, graphic, card }: { ctx: ViewContext; policy: { id: number; title: string }; graphic: GraphicSource; card: PolicyCard }) {
  const { t } = ctx;
  const title = `${policy.title} · ${t('policies.version.graphic')}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/policies', label: t('policies.title') }, { href: `/policies/${policy.id}`, label: policy.title }, { label: t('policies.version.graphic') }]}>
      <h1>{title}</h1>
      {graphic.kind === 'none' ? (
        <p>{t('policies.graphic_none')}</p>
      ) : (
        <>
          <figure class="graphic-figure graphic-page">{graphic.kind === 'upload' ? <img src={graphic.url} alt={graphic.alt} /> : <PolicyGraphic g={graphic.input} />}</figure>
          {graphic.kind === 'card' && (
            <>
              <p class="graphic-links">
                <a href={`/policies/${policy.id}/graphic.svg`} download>
                  {t('policies.graphic_download')}
                </a>
              </p>
              <h2>{t('policies.graphic_text')}</h2>
              <CardText ctx={ctx} card={card} />
            </>
          )}
        </>
      )}
      <p>
        <a href={`/policies/${policy.id}`}>{t('policies.version.text')}</a>
      </p>
    </Layout>
  );
}
