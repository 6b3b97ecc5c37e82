// The REST client against a real HTTP server on a loopback port.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ApiError, request, setUnauthorizedHandler } from '../src/api/http';
import { url } from '../src/api/rest';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const routes = new Map<string, Handler>([
  ['GET /api/auth/me', (_req, res) => send(res, 401, { title: 'Unauthorized' })],
  ['POST /api/auth/login', (_req, res) => send(res, 401, { title: 'Wrong email or password.' })],
  ['POST /api/conversations/c1/status', (req, res, body) => send(res, 200, { echo: JSON.parse(body) as unknown, type: req.headers['content-type'] })],
  ['POST /api/auth/logout', (_req, res) => { res.statusCode = 204; res.end(); }],
  ['POST /api/conversations/c1/assign', (_req, res) => send(res, 400, { title: 'Invalid request', errors: { agentId: ['is not an agent.'] } })],
  ['GET /api/queues', (_req, res) => { res.statusCode = 429; res.end('slow down'); }],
]);

function send(res: ServerResponse, status: number, json: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(json));
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const handler = routes.get(`${req.method} ${req.url}`);
    if (handler) handler(req, res, body);
    else send(res, 404, { title: 'Not Found' });
  });
});
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the REST client', () => {
  it('ends the session on a 401 (the session expired or was revoked) and throws', async () => {
    let unauthorized = 0;
    setUnauthorizedHandler(() => unauthorized++);
    await assert.rejects(request('GET', `${base}/api/auth/me`), (e: unknown) => e instanceof ApiError && e.status === 401);
    assert.equal(unauthorized, 1);
  });

  it('shows why a sign-in failed', async () => {
    await assert.rejects(request('POST', `${base}/api/auth/login`, { email: 'a@b.c', password: 'x' }), (e: unknown) =>
      e instanceof ApiError && e.status === 401 && e.message === 'Wrong email or password.');
  });

  it('sends JSON and reads the JSON answer', async () => {
    const answer = await request<{ echo: unknown; type: string }>('POST', `${base}/api/conversations/c1/status`, { status: 'resolved' });
    assert.deepEqual(answer, { echo: { status: 'resolved' }, type: 'application/json' });
  });

  it('answers nothing for 204', async () => {
    assert.equal(await request('POST', `${base}/api/auth/logout`), undefined);
  });

  it('turns problem details into the error message, with the fields named', async () => {
    await assert.rejects(request('POST', `${base}/api/conversations/c1/assign`, { agentId: 'x' }), (e: unknown) =>
      e instanceof ApiError && e.status === 400 && e.message === 'Invalid request agentId is not an agent.');
  });

  it('says to try again on 429 without a problem body', async () => {
    await assert.rejects(request('GET', `${base}/api/queues`), /Too many requests/);
  });
});

describe('endpoint URLs', () => {
  it('fills in and encodes the path\'s segments', () => {
    const href = url('/api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}', 'get', {
      path: { id: 'c/1', messageId: 'm 1', attachmentId: 'a?1' },
    });
    assert.equal(href, '/api/conversations/c%2F1/messages/m%201/attachments/a%3F1');
  });

  it('appends only the query values that are set', () => {
    assert.equal(
      url('/api/conversations', 'get', { query: { view: 'mine', status: '', cursor: undefined, limit: 100 } }),
      '/api/conversations?view=mine&limit=100',
    );
    assert.equal(url('/api/auth/me', 'get'), '/api/auth/me');
  });
});
