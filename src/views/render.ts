import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a page component to a complete HTML document (preact escapes every text by default). */
export function renderDocument(page: VNode): string {
  return '<!DOCTYPE html>' + render(page);
}

/** Sends a page with the given status. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderDocument(page));
}
