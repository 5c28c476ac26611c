import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { checkUpload, cleanFilename, deleteFile, storeFile } from '../../platform/files/index.js';
import * as repo from './service-catalogue.repository.js';
import { editableItem } from './service-catalogue.service.js';

// Samples and blank forms of an item's materials, and the sample of its result: stored through
// platform/files, replacing the previous file of the same slot, audited.

/** An uploaded file as the routes hand it over. */
export interface Upload {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

const SLOT = /^(?:m(\d+)-(sample|blank)|result)$/;

/** Stores an upload in a slot (`m<materialId>-sample`, `m<materialId>-blank` or `result`) of an item the user may edit. */
export async function uploadItemFile(trx: Executor, actor: Actor, user: CurrentUser | null, itemId: number, slot: string, upload: Upload, maxBytes: number): Promise<number> {
  const item = await editableItem(trx, user, itemId);
  const m = SLOT.exec(slot);
  if (!m) {
    throw new AppError('not_found');
  }
  if (upload.truncated) {
    throw new AppError('payload_too_large', {}, [{ field: 'file', key: 'validation.file_size', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
  }
  const filename = cleanFilename(upload.filename);
  const { mimeType } = checkUpload(filename, upload.content, maxBytes);
  let previous: number | null;
  const fileId = await storeFile(trx, { filename, mimeType, content: upload.content, uploadedBy: actor.userId });
  if (m[1] === undefined) {
    previous = item.resultSampleFileId;
    await repo.updateItem(trx, itemId, { resultSampleFileId: fileId, updatedAt: nowIso() });
  } else {
    const material = (await repo.materialsOf(trx, itemId)).find((x) => x.id === Number(m[1]));
    if (!material) {
      throw new AppError('not_found');
    }
    const column = m[2] === 'sample' ? 'sampleFileId' : 'blankFormFileId';
    previous = material[column];
    await repo.setMaterialFile(trx, material.id, column, fileId);
  }
  if (previous !== null) {
    await deleteFile(trx, previous);
  }
  await recordAudit(trx, actor, { action: 'service_item.file', entityType: 'service_item', entityId: itemId, before: { slot, fileId: previous }, after: { slot, fileId, filename, size: upload.content.length } });
  return fileId;
}
