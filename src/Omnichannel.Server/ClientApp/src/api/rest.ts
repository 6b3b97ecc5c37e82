// One typed function per endpoint the web app uses (see README's API table). Each names its path and method as the
// server's OpenAPI document does, which types its parameters, body and answer (contract.ts).
import type { Body, MethodOf, Ok, Path, PathParams, Query } from './contract';
import { request } from './http';
import type {
  Activity,
  Availability,
  Board,
  CannedResponse,
  Conversation,
  Contact,
  Incident,
  IncidentSuggestion,
  IncidentSummary,
  Moves,
  Presence,
  Queue,
  SearchPage,
  Status,
  View,
} from './types';

interface Args<P extends Path, M extends MethodOf<P>> {
  path?: PathParams<P, M>;
  query?: Query<P, M>;
  body?: Body<P, M>;
  /** Aborts the request (a newer one replaced it). */
  signal?: AbortSignal;
}

/** The URL of `path` with its `{name}` segments filled in (encoded) and the query's set values appended. */
export function url<P extends Path, M extends MethodOf<P>>(path: P, _method: M, args: Args<P, M> = {}): string {
  const values = (args.path ?? {}) as Record<string, string>;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  // The document's query parameters are all scalars.
  const entries = Object.entries<string | number | boolean | null | undefined>(args.query ?? {});
  for (const [name, value] of entries) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

function call<P extends Path, M extends MethodOf<P>>(method: M, path: P, args: Args<P, M> = {}): Promise<Ok<P, M>> {
  return request<Ok<P, M>>(method.toUpperCase(), url(path, method, args), args.body, args.signal);
}

export const api = {
  login: (email: string, password: string) => call('post', '/api/auth/login', { body: { email, password } }),
  logout: () => call('post', '/api/auth/logout'),
  me: () => call('get', '/api/auth/me'),

  conversations: (view: View, status: Status | '', cursor?: string | null) =>
    call('get', '/api/conversations', { query: { view, status, cursor: cursor ?? undefined, limit: 100 } }),
  conversation: (id: string) => call('get', '/api/conversations/{id}', { path: { id } }),
  messages: (id: string, before?: string) =>
    call('get', '/api/conversations/{id}/messages', { path: { id }, query: { limit: 100, before } }),
  /** The document leaves the activity entries untyped (see Activity). */
  activity: async (id: string): Promise<Activity[]> =>
    (await call('get', '/api/conversations/{id}/activity', { path: { id } })) as Activity[],
  post: (id: string, text: string, isPrivate: boolean) =>
    call('post', '/api/conversations/{id}/messages', { path: { id }, body: { text, private: isPrivate } }),
  setStatus: (id: string, status: Status) =>
    call('post', '/api/conversations/{id}/status', { path: { id }, body: { status } }),
  setPriority: (id: string, priority: Conversation['priority']) =>
    call('put', '/api/conversations/{id}/priority', { path: { id }, body: { priority } }),
  escalate: (id: string, note: string) => call('post', '/api/conversations/{id}/escalate', { path: { id }, body: { note } }),
  deEscalate: (id: string, note: string) => call('post', '/api/conversations/{id}/de-escalate', { path: { id }, body: { note } }),
  assign: (id: string, agentId: string | null, note?: string) =>
    call('post', '/api/conversations/{id}/assign', { path: { id }, body: { agentId, note } }),
  attachmentUrl: (conversationId: string, messageId: string, attachmentId: string) =>
    url('/api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}', 'get', {
      path: { id: conversationId, messageId, attachmentId },
    }),
  /** The canned responses the caller may use (shared and their own personal ones), by short code. */
  cannedResponses: (): Promise<CannedResponse[]> => call('get', '/api/canned-responses'),
  /** A canned response's text with the conversation's contact, the caller and the conversation filled in. */
  renderCanned: (conversationId: string, cannedId: string) =>
    call('get', '/api/conversations/{id}/canned-responses/{cannedId}/render', { path: { id: conversationId, cannedId } }),
  contact: (id: string): Promise<Contact> => call('get', '/api/contacts/{id}', { path: { id } }),
  searchContacts: (q: string) => call('get', '/api/contacts', { query: { q, limit: 10 } }),
  /** `from` becomes part of `into` (into's name, email and attributes win); it cannot be undone. */
  mergeContacts: (into: string, from: string) =>
    call('post', '/api/contacts/{id}/merge', { path: { id: into }, body: { from } }),

  /** Conversations by what was written in them (docs/search.md); `cursor` is the previous page's nextCursor. */
  search: (q: string, cursor: string | null, signal?: AbortSignal): Promise<SearchPage> =>
    call('get', '/api/search', { query: { q, cursor: cursor ?? undefined, limit: 20 }, signal }),

  incidents: (): Promise<IncidentSummary[]> => call('get', '/api/incidents'),
  incident: (id: string): Promise<Incident> => call('get', '/api/incidents/{id}', { path: { id } }),
  createIncident: (title: string, description: string) => call('post', '/api/incidents', { body: { title, description } }),
  linkIncident: (id: string, conversationIds: string[]) =>
    call('post', '/api/incidents/{id}/conversations', { path: { id }, body: { conversationIds } }),
  replyToIncident: (id: string, text: string) => call('post', '/api/incidents/{id}/reply', { path: { id }, body: { text } }),
  resolveIncident: (id: string, note: string | null) => call('post', '/api/incidents/{id}/resolve', { path: { id }, body: { note } }),
  incidentSuggestions: (conversationId: string): Promise<IncidentSuggestion[]> =>
    call('get', '/api/incidents/suggestions', { query: { conversationId } }),

  queues: (): Promise<Queue[]> => call('get', '/api/queues'),
  board: async (queueId: string): Promise<Board> =>
    (await call('get', '/api/queues/{id}/board', { path: { id: queueId } })) as Board,
  move: (queueId: string, from: string, to: string | null, conversationIds: string[], note?: string): Promise<Moves> =>
    call('post', '/api/queues/{id}/move', { path: { id: queueId }, body: { from, to, conversationIds, note } }),
  moveCount: (queueId: string, from: string, to: string | null, count: number): Promise<Moves> =>
    call('post', '/api/queues/{id}/move', { path: { id: queueId }, body: { from, to, count } }),
  rebalance: (queueId: string, dryRun: boolean): Promise<Moves> =>
    call('post', '/api/queues/{id}/rebalance', { path: { id: queueId }, body: { dryRun } }),

  presence: () => presence(call('get', '/api/agents/me/presence')),
  setAvailability: (status: Availability) => presence(call('put', '/api/agents/me/availability', { body: { status } })),
  pause: (agentId: string) => presence(call('post', '/api/agents/{id}/pause', { path: { id: agentId } })),
  resume: (agentId: string) => presence(call('post', '/api/agents/{id}/resume', { path: { id: agentId } })),
  setCapacity: (agentId: string, capacity: number) =>
    presence(call('put', '/api/agents/{id}/capacity', { path: { id: agentId }, body: { capacity } })),
};

/** The document types availability as any string (see Availability). */
async function presence(answer: Promise<Ok<'/api/agents/me/presence', 'get'>>): Promise<Presence> {
  return (await answer) as Presence;
}
