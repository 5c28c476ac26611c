import crypto from 'node:crypto';
import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { nowIso } from '../clock.js';

/** The file types the portal accepts, with the bytes each must start with. */
const ALLOWED: Record<string, { mime: string; magic: Array<number[]> | null }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  ofd: { mime: 'application/ofd', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  zip: { mime: 'application/zip', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  txt: { mime: 'text/plain; charset=utf-8', magic: null },
  csv: { mime: 'text/csv; charset=utf-8', magic: null },
};

/** Extensions accepted for attachments, for forms and docs. */
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

/** Removes path parts and control characters from an uploaded file name. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  return (cleaned || 'file').slice(0, 200);
}

/**
 * Checks an upload by extension AND content: a file whose first bytes do not match its extension is
 * refused, so an HTML page renamed .pdf is not served back as a PDF.
 */
export function checkUpload(filename: string, content: Buffer, maxBytes: number): { mimeType: string } {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const rule = ALLOWED[ext];
  if (!rule || !filename.includes('.')) {
    throw new AppError('unsupported_media_type', { types: ALLOWED_EXTENSIONS.join(', ') }, [{ field: 'file', key: 'validation.file_type', params: { types: ALLOWED_EXTENSIONS.join(', ') } }]);
  }
  if (content.length === 0) {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.file_empty' }]);
  }
  if (content.length > maxBytes) {
    throw new AppError('payload_too_large', {}, [{ field: 'file', key: 'validation.file_size', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
  }
  if (rule.magic && !rule.magic.some((m) => m.every((b, i) => content[i] === b))) {
    throw new AppError('unsupported_media_type', {}, [{ field: 'file', key: 'validation.file_content' }]);
  }
  if (!rule.magic) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new AppError('unsupported_media_type', {}, [{ field: 'file', key: 'validation.file_content' }]);
    }
  }
  return { mimeType: rule.mime };
}

/** Stores a checked file; returns its id. */
export async function storeFile(trx: Executor, file: { filename: string; mimeType: string; content: Buffer; uploadedBy: number | null }): Promise<number> {
  const r = await trx
    .insertInto('file')
    .values({
      filename: file.filename,
      mimeType: file.mimeType,
      size: file.content.length,
      sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploadedBy: file.uploadedBy,
      createdAt: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A file's metadata (without content). */
export async function fileMeta(db: Executor, id: number) {
  return db.selectFrom('file').select(['id', 'filename', 'mimeType', 'size', 'sha256', 'createdAt']).where('id', '=', id).executeTakeFirst();
}

/** A file with its content. */
export async function fileWithContent(db: Executor, id: number) {
  return db.selectFrom('file').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes a file. */
export async function deleteFile(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('file').where('id', '=', id).execute();
}
