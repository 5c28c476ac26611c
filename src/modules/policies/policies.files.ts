import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { checkUpload, cleanFilename, deleteFile, fileWithContent, storeFile } from '../../platform/files/index.js';
import { canActInDepartment, isStaff, requireDepartment, requireUser } from '../accounts/index.js';
import * as repo from './policies.repository.js';
import { load, policyActions } from './policies.service.js';

// A policy's files: the designed graphic an editor may upload instead of the generated one, and its
// attachments. Both change what the public reads, so like the text they change only before review.

/** An uploaded file as the routes hand it over. */
export interface Upload {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

async function editable(trx: Executor, user: CurrentUser | null, id: number) {
  const u = requireUser(user);
  const p = await load(trx, id);
  requireDepartment(u, p.departmentId);
  // Files change what the public reads, so like the text they change only before review.
  if (!policyActions(u, p).edit) {
    throw new AppError('invalid_state', {}, [], 'policies.cannot_edit');
  }
  return { u, p };
}

function storedUpload(upload: Upload, maxBytes: number, field: string) {
  if (upload.truncated) {
    throw new AppError('payload_too_large', {}, [{ field, key: 'validation.file_size', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
  }
  const filename = cleanFilename(upload.filename);
  try {
    return { filename, ...checkUpload(filename, upload.content, maxBytes) };
  } catch (e) {
    // checkUpload names the field "file"; the policy forms have more than one file field.
    if (e instanceof AppError) {
      throw new AppError(e.code, e.params, e.fields.map((f) => ({ ...f, field })), e.key);
    }
    throw e;
  }
}

/** An editor uploads a designed graphic (PNG/JPEG) with its text description; it replaces the generated one. */
export async function uploadGraphic(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, upload: Upload, alt: string, maxBytes: number): Promise<void> {
  const { u, p } = await editable(trx, user, id);
  if (alt.trim() === '') {
    throw fieldError('graphicAlt', 'validation.required');
  }
  const { filename, mimeType } = storedUpload(upload, maxBytes, 'graphic');
  if (mimeType !== 'image/png' && mimeType !== 'image/jpeg') {
    throw fieldError('graphic', 'policies.graphic_image_only');
  }
  const fileId = await storeFile(trx, { filename, mimeType, content: upload.content, uploadedBy: u.id });
  await repo.setGraphic(trx, id, fileId, alt.trim().slice(0, 5000), nowIso());
  if (p.graphicFileId !== null) {
    await deleteFile(trx, p.graphicFileId);
  }
  await recordAudit(trx, actor, { action: 'policy.graphic', entityType: 'policy', entityId: id, before: { graphicFileId: p.graphicFileId }, after: { graphicFileId: fileId, filename, size: upload.content.length } });
}

/** An editor removes the uploaded graphic; the card's generated graphic is shown again. */
export async function removeGraphic(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  const { p } = await editable(trx, user, id);
  if (p.graphicFileId === null) {
    return;
  }
  await repo.setGraphic(trx, id, null, '', nowIso());
  await deleteFile(trx, p.graphicFileId);
  await recordAudit(trx, actor, { action: 'policy.graphic_remove', entityType: 'policy', entityId: id, before: { graphicFileId: p.graphicFileId }, after: { graphicFileId: null } });
}

/** An editor attaches a file to a policy under a title (the file name when none is given). */
export async function addPolicyAttachment(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, upload: Upload, title: string, maxBytes: number): Promise<number> {
  const { u } = await editable(trx, user, id);
  const { filename, mimeType } = storedUpload(upload, maxBytes, 'file');
  const name = (title.trim() || filename).slice(0, 200);
  const fileId = await storeFile(trx, { filename, mimeType, content: upload.content, uploadedBy: u.id });
  const attachmentId = await repo.addAttachment(trx, id, fileId, name);
  await recordAudit(trx, actor, { action: 'policy.attach', entityType: 'policy', entityId: id, after: { attachmentId, fileId, filename, title: name, size: upload.content.length, mimeType } });
  return attachmentId;
}

/** An editor removes an attachment. */
export async function removePolicyAttachment(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, attachmentId: number): Promise<void> {
  await editable(trx, user, id);
  const fileId = await repo.removeAttachment(trx, id, attachmentId);
  if (fileId === undefined) {
    throw new AppError('not_found');
  }
  await deleteFile(trx, fileId);
  await recordAudit(trx, actor, { action: 'policy.detach', entityType: 'policy', entityId: id, before: { attachmentId, fileId } });
}

/** A policy's file (an attachment or its uploaded graphic): public once published, before that only to its department's staff. */
export async function policyFile(db: Executor, user: CurrentUser | null, id: number, fileId: number) {
  const p = await load(db, id);
  const own = p.graphicFileId === fileId || (await repo.attachmentsOf(db, id)).some((a) => a.fileId === fileId);
  const mayRead = p.status === 'published' || (isStaff(user) && canActInDepartment(user, p.departmentId));
  if (!mayRead || !own) {
    throw new AppError('not_found');
  }
  const f = await fileWithContent(db, fileId);
  if (!f) {
    throw new AppError('not_found');
  }
  return f;
}
