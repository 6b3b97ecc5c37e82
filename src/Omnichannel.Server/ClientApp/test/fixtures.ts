// Builders of the server's JSON (the generated contract types) for the tests: each starts from a plausible value and
// takes the fields a test cares about.
import type { Conversation, Message } from '../src/api/types';
import type { InboxEvent } from '../src/hub/agentHub';

export const at = '2026-12-07T10:00:00Z';

export function conversation(fields: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    channel: 'email',
    account: 'support',
    status: 'open',
    assigneeId: null,
    contactId: 'k1',
    queue: 'default',
    tier: 'standard',
    subject: 'Order 42',
    createdAt: at,
    lastActivityAt: at,
    firstResponseAt: null,
    snoozedUntil: null,
    labels: [],
    messageCount: 1,
    priority: 'normal',
    sla: null,
    tierPath: [],
    ...fields,
  };
}

export function message(fields: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    conversationId: 'c1',
    direction: 'in',
    authorKind: 'contact',
    authorId: null,
    authorName: 'Ana',
    text: 'Where is my order?',
    html: null,
    attachments: [],
    createdAt: at,
    private: false,
    delivery: 'none',
    deliveryError: null,
    ...fields,
  };
}

export function event(fields: Partial<InboxEvent> & Pick<InboxEvent, 'type'>): InboxEvent {
  return {
    seq: 1,
    conversationId: 'c1',
    at,
    actorId: null,
    conversation: null,
    message: null,
    previousAssigneeId: null,
    reason: null,
    ...fields,
  };
}
