// The server's JSON contract (camelCase, enums as camelCase strings), named as the web app uses it. Each type is an
// alias of the server's OpenAPI document (contract.ts); only what the document leaves loose is written here.
import type { Schema } from './contract';

export type Role = Schema<'AgentRole'>;
export type Status = Schema<'ConversationStatus'>;
/** The document types availability as any string; the server sends one of these. */
export type Availability = 'online' | 'busy' | 'offline';
/** The `view` query parameter of GET /api/conversations (a plain string in the document). */
export type View = 'mine' | 'unassigned' | 'all';

export type Agent = Schema<'AgentDto'>;
export type Conversation = Schema<'ConversationDto'>;
export type Sla = Schema<'SlaSummary'>;
export type Attachment = Schema<'AttachmentDto'>;
export type Message = Schema<'MessageDto'>;
export type Contact = Schema<'ContactDto'>;
export type CannedResponse = Schema<'CannedResponseDto'>;
/** POST /api/contacts/{id}/merge: what moved from `mergedFrom` into `id`. */
export type MergeResult = Schema<'MergeContactsResponse'>;
export type Queue = Schema<'QueueDto'>;
export type BoardMember = Omit<Schema<'BoardMember'>, 'availability'> & { availability: Availability };
export type Board = Omit<Schema<'QueueBoard'>, 'members'> & { members: BoardMember[] };
export type Move = Schema<'MoveDto'>;
export type Moves = Schema<'MovesResponse'>;
export type SearchHit = Schema<'SearchItem'>;
export type SearchPage = Schema<'SearchResponse'>;
export type IncidentSummary = Schema<'IncidentSummaryDto'>;
export type Incident = Schema<'IncidentDto'>;
export type IncidentConversation = Schema<'IncidentConversationDto'>;
export type IncidentSuggestion = Schema<'IncidentSuggestionDto'>;
export type Presence = Omit<Schema<'PresenceDto'>, 'availability'> & { availability: Availability };

/**
 * One entry of GET /api/conversations/{id}/activity (the assignment timeline): the endpoint answers audit entries of
 * several shapes, which the document leaves as an untyped array.
 */
export interface Activity {
  type: string;
  at: string;
  from?: string | null;
  to?: string | null;
  reason?: string;
  actorId?: string;
  note?: string | null;
  /** conversation.incident_linked / conversation.incident_unlinked */
  incidentId?: string;
}
