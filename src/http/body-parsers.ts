import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

// We parse JSON and form bodies ourselves (instead of @fastify/formbody) so that a body that is not
// valid UTF-8 is refused with 400 rather than silently turned into replacement characters.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decode(buf: Buffer): string {
  try {
    return strictUtf8.decode(buf);
  } catch {
    throw new AppError('bad_request', {}, [{ field: '_body', key: 'validation.encoding' }]);
  }
}

/** Parses application/x-www-form-urlencoded into an object; repeated keys become arrays. */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(text)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') {
      continue;
    }
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { ...out };
}

/** Registers the strict JSON and form parsers. */
export function installBodyParsers(app: FastifyInstance): void {
  const jsonParse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const text = decode(body as Buffer);
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    void jsonParse(req, text, (err, value) => {
      if (err) {
        done(new AppError('bad_request', {}, [{ field: '_body', key: 'validation.json' }]), undefined);
      } else {
        done(null, value);
      }
    });
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseForm(decode(body as Buffer)));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
