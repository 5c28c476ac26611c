import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a stub received. */
export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server (port 0) that records requests and answers with `respond`. */
export async function startStub(respond: (r: StubRequest) => { status?: number; json: unknown } | Promise<{ status?: number; json: unknown }>) {
  const requests: StubRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://stub');
      const r: StubRequest = { method: req.method ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, body };
      requests.push(r);
      void Promise.resolve(respond(r)).then((out) => {
        res.writeHead(out.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out.json));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
