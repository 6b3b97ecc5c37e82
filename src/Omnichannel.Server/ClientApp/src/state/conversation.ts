// The open conversation: its messages, assignment activity and live status changes merged into one timeline,
// who else has it open (collision detection) and who is typing.
import { computed, signal } from '@preact/signals';
import { api } from '../api/rest';
import type { Activity, Conversation, Message } from '../api/types';
import type { InboxEvent, TypingEvent, Viewer } from '../hub/agentHub';
import { wantContact } from './contacts';
import { upsert } from './inbox';
import { mergeMessages as merged, reducePaneEvent } from './reducers/conversation';
import { currentHub, me } from './session';

export type TimelineItem = { kind: 'message'; at: string; message: Message } | { kind: 'activity'; at: string; activity: Activity };

export const openId = signal<string | null>(null);
export const conversation = signal<Conversation | null>(null);
export const messages = signal<readonly Message[]>([]);
export const activity = signal<readonly Activity[]>([]);
export const viewers = signal<readonly Viewer[]>([]);
export const typing = signal<readonly TypingEvent[]>([]);
export const paneError = signal<string | null>(null);
/** Where older messages continue (the API pages backwards from the newest); null when all are loaded. */
export const olderCursor = signal<string | null>(null);

export const timeline = computed<TimelineItem[]>(() =>
  [
    ...messages.value.map((m): TimelineItem => ({ kind: 'message', at: m.createdAt, message: m })),
    ...activity.value.map((a): TimelineItem => ({ kind: 'activity', at: a.at, activity: a })),
  ].sort((a, b) => a.at.localeCompare(b.at)),
);

/** Others with this conversation open; the banner names those writing a reply. */
export const others = computed(() => viewers.value.filter((v) => v.agentId !== me.value?.id));

export async function openConversation(id: string | null): Promise<void> {
  const hub = currentHub();
  const previous = openId.value;
  if (previous === id) return;
  if (previous) void hub?.leave(previous);
  openId.value = id;
  conversation.value = null;
  messages.value = [];
  activity.value = [];
  viewers.value = [];
  typing.value = [];
  paneError.value = null;
  olderCursor.value = null;
  if (!id) return;
  void hub?.view(id);
  await reloadConversation();
}

export async function reloadConversation(): Promise<void> {
  const id = openId.value;
  if (!id) return;
  try {
    const [c, page, log] = await Promise.all([api.conversation(id), api.messages(id), api.activity(id).catch(() => [])]);
    if (openId.value !== id) return;
    conversation.value = c;
    upsert(c);
    wantContact(c.contactId);
    mergeMessages(page.items);
    olderCursor.value = page.nextCursor;
    activity.value = log;
  } catch (error) {
    if (openId.value === id) paneError.value = error instanceof Error ? error.message : String(error);
  }
}

export async function loadOlder(): Promise<void> {
  const id = openId.value;
  const cursor = olderCursor.value;
  if (!id || !cursor) return;
  const page = await api.messages(id, cursor);
  if (openId.value !== id) return;
  mergeMessages(page.items);
  olderCursor.value = page.nextCursor;
}

function mergeMessages(incoming: readonly Message[]): void {
  messages.value = merged(messages.value, incoming);
}

export function applyConversationEvent(event: InboxEvent): void {
  const pane = { conversation: conversation.value, messages: messages.value, activity: activity.value };
  const next = reducePaneEvent(pane, event, openId.value);
  conversation.value = next.conversation;
  messages.value = next.messages;
  activity.value = next.activity;
}

export function applyViewers(conversationId: string, list: readonly Viewer[]): void {
  if (conversationId === openId.value) viewers.value = list;
}

/** Typing signals last a few seconds on this clock (the server's "until" may be skewed from ours). */
const typingShownMs = 6000;

export function applyTyping(event: TypingEvent): void {
  if (event.conversationId !== openId.value || event.agentId === me.value?.id) return;
  const until = new Date(Date.now() + typingShownMs).toISOString();
  typing.value = [...typing.value.filter((t) => t.agentId !== event.agentId), { ...event, until }];
  setTimeout(() => (typing.value = typing.value.filter((t) => Date.parse(t.until) > Date.now())), typingShownMs + 50);
}

/** After a reconnect the server forgot this connection's View: say it again. */
export function rejoin(): void {
  if (openId.value) void currentHub()?.view(openId.value);
}
