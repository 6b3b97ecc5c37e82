// One typed function per endpoint the web app uses (see README's API table).
import { request } from './http';
import type {
  Activity,
  Agent,
  Availability,
  Board,
  Contact,
  Conversation,
  MergeResult,
  Message,
  Moves,
  Page,
  Presence,
  Queue,
  Status,
  View,
} from './types';

const enc = encodeURIComponent;

export const api = {
  login: (email: string, password: string) => request<Agent>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<Agent>('GET', '/api/auth/me'),

  conversations: (view: View, status: Status | '', cursor?: string | null) => {
    const query = new URLSearchParams({ view, limit: '100' });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    return request<Page<Conversation>>('GET', `/api/conversations?${query}`);
  },
  conversation: (id: string) => request<Conversation>('GET', `/api/conversations/${enc(id)}`),
  messages: (id: string, before?: string) =>
    request<Page<Message>>('GET', `/api/conversations/${enc(id)}/messages?limit=100${before ? `&before=${enc(before)}` : ''}`),
  activity: (id: string) => request<Activity[]>('GET', `/api/conversations/${enc(id)}/activity`),
  post: (id: string, text: string, isPrivate: boolean) =>
    request<Message>('POST', `/api/conversations/${enc(id)}/messages`, { text, private: isPrivate }),
  setStatus: (id: string, status: Status) => request<Conversation>('POST', `/api/conversations/${enc(id)}/status`, { status }),
  assign: (id: string, agentId: string | null, note?: string) =>
    request<Conversation>('POST', `/api/conversations/${enc(id)}/assign`, { agentId, note }),
  attachmentUrl: (conversationId: string, messageId: string, attachmentId: string) =>
    `/api/conversations/${enc(conversationId)}/messages/${enc(messageId)}/attachments/${enc(attachmentId)}`,
  contact: (id: string) => request<Contact>('GET', `/api/contacts/${enc(id)}`),
  searchContacts: (q: string) => request<{ items: Contact[] }>('GET', `/api/contacts?q=${enc(q)}&limit=10`),
  /** `from` becomes part of `into` (into's name, email and attributes win); it cannot be undone. */
  mergeContacts: (into: string, from: string) => request<MergeResult>('POST', `/api/contacts/${enc(into)}/merge`, { from }),

  queues: () => request<Queue[]>('GET', '/api/queues'),
  board: (queueId: string) => request<Board>('GET', `/api/queues/${enc(queueId)}/board`),
  move: (queueId: string, from: string, to: string | null, conversationIds: string[], note?: string) =>
    request<Moves>('POST', `/api/queues/${enc(queueId)}/move`, { from, to, conversationIds, note }),
  moveCount: (queueId: string, from: string, to: string | null, count: number) =>
    request<Moves>('POST', `/api/queues/${enc(queueId)}/move`, { from, to, count }),
  rebalance: (queueId: string, dryRun: boolean) => request<Moves>('POST', `/api/queues/${enc(queueId)}/rebalance`, { dryRun }),

  presence: () => request<Presence>('GET', '/api/agents/me/presence'),
  setAvailability: (status: Availability) => request<Presence>('PUT', '/api/agents/me/availability', { status }),
  pause: (agentId: string) => request<Presence>('POST', `/api/agents/${enc(agentId)}/pause`),
  resume: (agentId: string) => request<Presence>('POST', `/api/agents/${enc(agentId)}/resume`),
  setCapacity: (agentId: string, capacity: number) => request<Presence>('PUT', `/api/agents/${enc(agentId)}/capacity`, { capacity }),
};
