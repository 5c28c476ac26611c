// Receiving an import file over HTTP: it is spooled to a temporary file first, so that a file cut
// short by the size limit is refused before any row is written, and the import then streams from disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../http/errors.js';
import type { ImportFormat } from './enterprises.import.js';

/** A received upload on disk. */
export interface SpooledUpload {
  path: string;
  fileName: string;
  format: ImportFormat;
  /** The text fields sent before the file (multipart only). */
  fields: Record<string, string>;
  /** Removes the temporary file. */
  cleanup(): void;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a file name or content type names, or undefined. */
export function formatOf(fileName: string, contentType = ''): ImportFormat | undefined {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || contentType.startsWith('text/csv')) {
    return 'csv';
  }
  if (ext === '.xlsx' || contentType.startsWith(XLSX_TYPE)) {
    return 'xlsx';
  }
  return undefined;
}

async function spool(stream: Readable, maxBytes: number): Promise<{ file: string; dir: string; tooLarge: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-import-'));
  const file = path.join(dir, 'upload');
  let size = 0;
  let tooLarge = false;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        done();
        return;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, limit, fs.createWriteStream(file));
  } catch (e) {
    if ((e as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    tooLarge = true;
  }
  return { file, dir, tooLarge };
}

/** Receives a multipart upload (field `file`) or a raw text/csv or XLSX body; refuses one over the limit. */
export async function receiveUpload(req: FastifyRequest, maxBytes: number): Promise<SpooledUpload> {
  let stream: Readable;
  let fileName: string;
  let format: ImportFormat | undefined;
  const fields: Record<string, string> = {};
  let truncated = () => false;
  if (req.isMultipart()) {
    const part = await req.file();
    if (!part || part.filename === '') {
      throw fieldError('file', 'validation.required');
    }
    for (const [k, v] of Object.entries(part.fields)) {
      const f = Array.isArray(v) ? v[0] : v;
      if (f && f.type === 'field' && typeof f.value === 'string') {
        fields[k] = f.value;
      }
    }
    fileName = path.basename(part.filename);
    format = formatOf(fileName, part.mimetype);
    stream = part.file;
    truncated = () => part.file.truncated;
  } else {
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    format = formatOf('', contentType);
    const q = (req.query ?? {}) as Record<string, unknown>;
    fileName = typeof q.fileName === 'string' && q.fileName ? path.basename(q.fileName) : `upload.${format ?? 'csv'}`;
    stream = req.body as Readable;
    if (!stream || typeof (stream as { pipe?: unknown }).pipe !== 'function') {
      throw new AppError('unsupported_media_type', {}, [{ field: 'file', key: 'enterprises.problem.format' }]);
    }
  }
  if (!format) {
    stream.resume();
    throw fieldError('file', 'enterprises.problem.format');
  }
  const s = await spool(stream, maxBytes);
  const cleanup = () => fs.rmSync(s.dir, { recursive: true, force: true });
  if (s.tooLarge || truncated()) {
    cleanup();
    throw new AppError('payload_too_large', {}, [{ field: 'file', key: 'enterprises.problem.too_large' }]);
  }
  return { path: s.file, fileName, format, fields, cleanup };
}
