// The conversation list's state transitions, as pure functions of the state, a hub event and who is signed in
// (state/inbox.ts holds the signals and applies these).
import type { Conversation, View } from '../../api/types';
import type { InboxEvent } from '../../hub/agentHub';

export interface InboxLists {
  /** Every conversation we know of, by id. */
  known: ReadonlyMap<string, Conversation>;
  /** Conversations with news since the agent last opened them. */
  unread: ReadonlySet<string>;
  /** The last message text seen live per conversation (the list API carries no preview). */
  previews: ReadonlyMap<string, string>;
}

export function withConversation(
  known: ReadonlyMap<string, Conversation>,
  conversation: Conversation,
): ReadonlyMap<string, Conversation> {
  return new Map(known).set(conversation.id, conversation);
}

/** One hub event applied to the lists; `openId` is the conversation on screen (it never turns unread). */
export function reduceInboxEvent(lists: InboxLists, event: InboxEvent, openId: string | null, meId: string | null): InboxLists {
  let { known, unread, previews } = lists;
  if (event.conversation) known = withConversation(known, event.conversation);
  if (event.message && !event.message.private) previews = new Map(previews).set(event.conversationId, event.message.text);
  const news = (event.type === 'message.created' && event.message?.direction === 'in') || isNewAssignment(event, meId);
  if (news && event.conversationId !== openId) unread = new Set(unread).add(event.conversationId);
  return { known, unread, previews };
}

/** Assigned to me by someone else or by the system: taking one yourself is no news to you. */
export function isNewAssignment(event: InboxEvent, meId: string | null): boolean {
  return (
    event.type === 'conversation.assigned' &&
    !!meId &&
    event.conversation?.assigneeId === meId &&
    event.previousAssigneeId !== meId &&
    event.actorId !== meId
  );
}

export function inView(c: Conversation, view: View, meId: string | null, lead: boolean): boolean {
  if (view === 'mine') return meId !== null && c.assigneeId === meId;
  if (view === 'unassigned') return c.assigneeId === null;
  return lead;
}
