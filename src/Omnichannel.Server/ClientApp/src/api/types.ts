// The server's JSON contract (camelCase, enums as camelCase strings), as README's API table describes it.

export type Role = 'agent' | 'lead' | 'admin';
export type Status = 'open' | 'pending' | 'snoozed' | 'resolved';
export type Availability = 'online' | 'busy' | 'offline';
export type View = 'mine' | 'unassigned' | 'all';

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: Role;
  capacity: number;
  queues: string[];
}

export interface Conversation {
  id: string;
  channel: string;
  account: string;
  status: Status;
  assigneeId: string | null;
  contactId: string;
  queue: string;
  tier: string;
  subject: string | null;
  createdAt: string;
  lastActivityAt: string;
  firstResponseAt: string | null;
  snoozedUntil: string | null;
  labels: string[];
  messageCount: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: 'in' | 'out';
  authorKind: 'contact' | 'agent' | 'integration' | 'system';
  authorId: string | null;
  authorName: string | null;
  text: string;
  html: string | null;
  attachments: Attachment[];
  createdAt: string;
  private: boolean;
  delivery: 'none' | 'pending' | 'sent' | 'delivered' | 'failed';
  deliveryError: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One entry of GET /api/conversations/{id}/activity (the assignment timeline). */
export interface Activity {
  type: string;
  at: string;
  from?: string | null;
  to?: string | null;
  reason?: string;
  actorId?: string;
  note?: string | null;
}

export interface Contact {
  id: string;
  name: string | null;
  email: string | null;
  // Claimed: typed into an anonymous channel (a web chat form); nobody verified that this person owns it.
  emailClaimed: boolean;
  identities: { kind: string; value: string; claimed: boolean }[];
  attributes: Record<string, string>;
  conversations: { id: string; channel: string; status: Status; lastActivityAt: string }[];
}

/** POST /api/contacts/{id}/merge: what moved from `mergedFrom` into `id`. */
export interface MergeResult {
  id: string;
  mergedFrom: string;
  conversations: number;
  identities: number;
}

export interface Queue {
  id: string;
  name: string;
  members: string[];
  waiting: number;
  oldestWaitingSince: string | null;
}

export interface BoardMember {
  id: string;
  name: string;
  availability: Availability;
  present: boolean;
  onShift: boolean;
  currentShift: string | null;
  shiftEndsAt: string | null;
  paused: boolean;
  open: number;
  capacity: number;
  oldestUnansweredSince: string | null;
  eligible: boolean;
  notEligibleBecause: string | null;
}

export interface Board {
  queue: Queue;
  members: BoardMember[];
  nextAgentId: string | null;
  waiting: number;
  oldestWaitingSeconds: number | null;
  nextShifts: { shiftId: string; name: string; startsAt: string; members: string[] }[];
  at: string;
}

export interface Move {
  conversationId: string;
  from: string | null;
  to: string | null;
}

export interface Moves {
  moves: Move[];
  applied: boolean;
}

export interface Presence {
  agentId: string;
  availability: Availability;
  present: boolean;
  paused: boolean;
  capacity: number;
  open: number;
}
