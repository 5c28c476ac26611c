import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { translate, type Locale } from '../../platform/i18n/index.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import * as service from './policies.service.js';
import * as files from './policies.files.js';
import type { PolicyRow } from './policies.repository.js';
import { CARD_SECTIONS, missingCardSections, parseCard } from './policies.card.js';
import { graphicSvgDocument, type GraphicInput } from './policies.graphic.js';
import { GraphicPage, type GraphicSource } from './policies.versions.views.js';

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);
const subIdOf = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);

/** What the public sees as a policy's graphic: the uploaded image if any, else the card if it has its required sections. */
export function graphicSource(p: PolicyRow, locale: Locale, publicUrl: string): GraphicSource {
  if (p.graphicFileId !== null) {
    return { kind: 'upload', url: `/policies/${p.id}/files/${p.graphicFileId}/graphic`, alt: p.graphicAlt };
  }
  const card = parseCard(p.card);
  if (missingCardSections(card).length > 0) {
    return { kind: 'none' };
  }
  const labels = Object.fromEntries(CARD_SECTIONS.map((s) => [s, translate(locale, `policies.card.${s}`)])) as GraphicInput['labels'];
  labels.footer = translate(locale, 'policies.card.footer');
  return {
    kind: 'card',
    input: { title: p.title, docNumber: p.docNumber, organ: p.issuingOrgan, publishedOn: p.publishedOn, url: `${publicUrl.replace(/\/$/, '')}/policies/${p.id}`, card, labels },
  };
}

/** Reads a multipart form with one file: its text fields (which come before the file) and the file. */
async function readUpload(req: FastifyRequest, fileField: string): Promise<{ fields: Record<string, string>; upload: files.Upload }> {
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', {}, [{ field: fileField, key: 'validation.required' }]);
  }
  const part: MultipartFile | undefined = await req.file();
  if (!part || part.filename === '') {
    throw new AppError('validation_failed', {}, [{ field: fileField, key: 'validation.required' }]);
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field' && typeof f.value === 'string') {
      fields[k] = f.value;
    }
  }
  const content = await part.toBuffer().catch((e: unknown) => {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return null;
    }
    throw e;
  });
  return { fields, upload: { filename: part.filename, content: content ?? Buffer.alloc(0), truncated: content === null || part.file.truncated } };
}

/**
 * The graphic and file routes of the policy library. `editPage` re-renders the staff editor with an
 * upload's problem beside its field.
 */
export function policyVersionRoutes(app: FastifyInstance, editPage: (req: FastifyRequest, reply: FastifyReply, id: number, errors: AppError, values: Record<string, string>) => Promise<unknown>): void {
  const db = () => app.db.kysely;

  app.get('/policies/:id/graphic', { schema: { hide: true } }, async (req, reply) => {
    const { policy: p } = await service.getPublicPolicy(db(), idOf(req));
    return sendPage(reply, <GraphicPage ctx={viewContext(req)} policy={p} graphic={graphicSource(p, req.locale, app.config.publicUrl)} card={parseCard(p.card)} />);
  });

  app.get('/policies/:id/graphic.svg', { schema: { hide: true } }, async (req, reply) => {
    const { policy: p } = await service.getPublicPolicy(db(), idOf(req));
    const g = graphicSource(p, req.locale, app.config.publicUrl);
    if (g.kind !== 'card') {
      throw new AppError('not_found');
    }
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${p.title}.svg`)}`)
      .header('cache-control', 'public, max-age=300')
      .send(graphicSvgDocument(g.input));
  });

  app.get('/policies/:id/files/:fileId/:name', { schema: { hide: true } }, async (req, reply) => {
    const f = await files.policyFile(db(), req.user, idOf(req), subIdOf(req, 'fileId'));
    const inline = f.mimeType === 'application/pdf' || f.mimeType.startsWith('image/');
    return reply
      .header('content-type', f.mimeType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${f.sha256}"`)
      .send(Buffer.from(f.content));
  });

  /** A multipart post whose problems re-render the editor. */
  const uploadAction = (path: string, fileField: string, run: (req: FastifyRequest, id: number, r: Awaited<ReturnType<typeof readUpload>>) => Promise<unknown>) =>
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      // What the editor typed beside the file is shown again when the upload is refused.
      let typed: Record<string, string> = {};
      try {
        const r = await readUpload(req, fileField);
        typed = r.fields;
        await run(req, id, r);
        return seeOther(reply, `/admin/policies/${id}?done=uploaded`);
      } catch (err) {
        if (err instanceof AppError && err.fields.length > 0) {
          return editPage(req, reply, id, err, typed);
        }
        throw err;
      }
    });

  const max = app.config.uploadMaxBytes;
  uploadAction('/admin/policies/:id/graphic', 'graphic', (req, id, r) => tx(req, (trx) => files.uploadGraphic(trx, actor(req), req.user, id, r.upload, r.fields.graphicAlt ?? '', max)));
  uploadAction('/admin/policies/:id/attachments', 'file', (req, id, r) => tx(req, (trx) => files.addPolicyAttachment(trx, actor(req), req.user, id, r.upload, r.fields.attachmentTitle ?? '', max)));

  app.post('/admin/policies/:id/graphic/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    await tx(req, (trx) => files.removeGraphic(trx, actor(req), req.user, id));
    return seeOther(reply, `/admin/policies/${id}?done=removed`);
  });

  app.post('/admin/policies/:id/attachments/:attachmentId/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const attachmentId = subIdOf(req, 'attachmentId');
    await tx(req, (trx) => files.removePolicyAttachment(trx, actor(req), req.user, id, attachmentId));
    return seeOther(reply, `/admin/policies/${id}?done=removed`);
  });
}
