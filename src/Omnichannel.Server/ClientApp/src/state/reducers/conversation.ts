// The open conversation's state transitions under hub events, as pure functions (state/conversation.ts holds the
// signals and applies these).
import type { Activity, Conversation, Message } from '../../api/types';
import type { InboxEvent } from '../../hub/agentHub';

export interface Pane {
  conversation: Conversation | null;
  messages: readonly Message[];
  activity: readonly Activity[];
}

/** Messages by id: a message seen again (a delivery update, a resume overlapping a push) replaces the old copy. */
export function mergeMessages(messages: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()];
}

/** One hub event applied to the pane showing `openId`; events of other conversations leave it as it is. */
export function reducePaneEvent(pane: Pane, event: InboxEvent, openId: string | null): Pane {
  if (event.conversationId !== openId) return pane;
  const conversation = event.conversation ?? pane.conversation;
  const messages = event.message ? mergeMessages(pane.messages, [event.message]) : pane.messages;
  let activity = pane.activity;
  if (event.type === 'conversation.assigned') {
    activity = [
      ...activity,
      {
        type: event.type,
        at: event.at,
        from: event.previousAssigneeId,
        to: event.conversation?.assigneeId ?? null,
        reason: event.reason ?? '',
        actorId: event.actorId ?? '',
      },
    ];
  } else if (event.type === 'conversation.status_changed' || event.type === 'conversation.reopened') {
    activity = [...activity, { type: event.type, at: event.at, to: event.conversation?.status ?? null, actorId: event.actorId ?? '' }];
  }
  return { conversation, messages, activity };
}
