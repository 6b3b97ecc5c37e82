// The conversation list: what was fetched for the current status filter, kept up to date by hub events, and the
// views (Mine / Unassigned / All) and filters derived from it on the client (a typed search asks the server instead:
// state/search.ts).
import { computed, signal } from '@preact/signals';
import { api } from '../api/rest';
import type { Conversation, Status, View } from '../api/types';
import type { InboxEvent } from '../hub/agentHub';
import * as reduce from './reducers/inbox';
import { isLead, me } from './session';

export const view = signal<View>('mine');
export const statusFilter = signal<Status | ''>('open');
export const channelFilter = signal('');
export const queueFilter = signal('');
export const labelFilter = signal('');
export const loading = signal(false);
export const loadError = signal<string | null>(null);

/** Every conversation we know of, by id. */
export const known = signal<ReadonlyMap<string, Conversation>>(new Map());
/** Conversations with news since the agent last opened them. */
export const unread = signal<ReadonlySet<string>>(new Set());
/** The last message text seen live per conversation (the list API carries no preview). */
export const previews = signal<ReadonlyMap<string, string>>(new Map());

function inView(c: Conversation, v: View): boolean {
  return reduce.inView(c, v, me.value?.id ?? null, isLead());
}

function matchesStatus(c: Conversation): boolean {
  return statusFilter.value === '' || c.status === statusFilter.value;
}

export const counts = computed(() => {
  const result: Record<View, number> = { mine: 0, unassigned: 0, all: 0 };
  for (const c of known.value.values()) {
    if (!matchesStatus(c)) continue;
    for (const v of ['mine', 'unassigned', 'all'] as const) if (inView(c, v)) result[v]++;
  }
  return result;
});

export const channels = computed(() => [...new Set([...known.value.values()].map((c) => c.channel))].sort());
export const queues = computed(() => [...new Set([...known.value.values()].map((c) => c.queue))].sort());
export const labels = computed(() => [...new Set([...known.value.values()].flatMap((c) => c.labels))].sort());

export const visible = computed(() => {
  return [...known.value.values()]
    .filter((c) => inView(c, view.value) && matchesStatus(c))
    .filter((c) => !channelFilter.value || c.channel === channelFilter.value)
    .filter((c) => !queueFilter.value || c.queue === queueFilter.value)
    .filter((c) => !labelFilter.value || c.labels.includes(labelFilter.value))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
});

/** Per fetched view, where its next page starts (null: all loaded). */
export const cursors = signal<ReadonlyMap<View, string | null>>(new Map());
export const hasMore = computed(() => [...cursors.value.values()].some((c) => c !== null));

/** Fetches the list afresh: leads read "all" (it holds every view); agents read their own and their queues' unassigned. */
export async function loadInbox(more = false): Promise<void> {
  loading.value = true;
  loadError.value = null;
  try {
    const views: View[] = isLead() ? ['all'] : ['mine', 'unassigned'];
    const wanted = more ? views.filter((v) => cursors.value.get(v)) : views;
    const pages = await Promise.all(wanted.map((v) => api.conversations(v, statusFilter.value, more ? cursors.value.get(v) : null)));
    const map = new Map<string, Conversation>(more ? known.value : []);
    const next = new Map(more ? cursors.value : []);
    pages.forEach((page, i) => {
      for (const c of page.items) map.set(c.id, c);
      next.set(wanted[i], page.nextCursor);
    });
    known.value = map;
    cursors.value = next;
  } catch (error) {
    loadError.value = error instanceof Error ? error.message : String(error);
  } finally {
    loading.value = false;
  }
}

export function upsert(conversation: Conversation): void {
  known.value = reduce.withConversation(known.value, conversation);
}

export function markRead(id: string): void {
  if (!unread.value.has(id)) return;
  const set = new Set(unread.value);
  set.delete(id);
  unread.value = set;
}

/** Applies one hub event to the list; `openId` is the conversation on screen (it never turns unread). */
export function applyInboxEvent(event: InboxEvent, openId: string | null): void {
  const before = { known: known.value, unread: unread.value, previews: previews.value };
  const after = reduce.reduceInboxEvent(before, event, openId, me.value?.id ?? null);
  known.value = after.known;
  unread.value = after.unread;
  previews.value = after.previews;
}

export function isNewAssignment(event: InboxEvent): boolean {
  return reduce.isNewAssignment(event, me.value?.id ?? null);
}
