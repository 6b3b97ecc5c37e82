// The one typed client of /hubs/agent (Realtime/HubContracts.cs on the server), shared by every screen.
// It reconnects by itself; after a reconnect it asks for what it missed (Resume(lastSeq)) and replays it in order,
// or tells the app to reload its data when the server's log no longer reaches back that far.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { Conversation, Message } from '../api/types';
import { EventSequence, type ResumeResult } from './eventSequence';

export interface InboxEvent {
  seq: number;
  type:
    | 'conversation.created'
    | 'conversation.reopened'
    | 'conversation.status_changed'
    | 'conversation.assigned'
    | 'message.created'
    | 'message.delivery'
    /** `reason` is the incident's id. */
    | 'conversation.incident_linked';
  conversationId: string;
  at: string;
  actorId: string | null;
  conversation: Conversation | null;
  message: Message | null;
  previousAssigneeId: string | null;
  reason: string | null;
}

export interface TypingEvent {
  conversationId: string;
  agentId: string | null;
  name: string | null;
  until: string;
}

export interface PresenceEvent {
  agentId: string;
  availability: string;
  present: boolean;
}

export interface Viewer {
  agentId: string;
  name: string;
  replying: boolean;
}

export interface ViewersEvent {
  conversationId: string;
  viewers: Viewer[];
}

/** Contact `fromId` was merged into `contactId`; `conversationIds`: the moved conversations this agent may see. */
export interface ContactMergedEvent {
  contactId: string;
  fromId: string;
  conversationIds: string[];
  at: string;
  actorId: string;
}

/** An incident was created, changed, linked, replied to or resolved (live only: refetch what is on screen). */
export interface IncidentUpdatedEvent {
  incidentId: string;
  at: string;
  actorId: string;
}

export type HubStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface HubHandlers {
  event(event: InboxEvent): void;
  typing(typing: TypingEvent): void;
  presence(presence: PresenceEvent): void;
  viewers(viewers: ViewersEvent): void;
  boardChanged(queueId: string): void;
  contactMerged(merged: ContactMergedEvent): void;
  incidentUpdated(incident: IncidentUpdatedEvent): void;
  /** Events were lost for good (or none had been seen before a drop): refetch lists and the open conversation. */
  reload(): void;
  status(status: HubStatus): void;
}

export class AgentHubClient {
  private readonly connection: HubConnection;
  private readonly sequence: EventSequence;

  constructor(private readonly handlers: HubHandlers) {
    this.sequence = new EventSequence(handlers);
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/agent')
      // Keep trying for as long as the tab is open: 0, 1, 2, 5 s, then every 10 s.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('Event', (e: InboxEvent) => this.sequence.accept(e));
    this.connection.on('Typing', (t: TypingEvent) => handlers.typing(t));
    this.connection.on('Presence', (p: PresenceEvent) => handlers.presence(p));
    this.connection.on('Viewers', (v: ViewersEvent) => handlers.viewers(v));
    this.connection.on('BoardChanged', (queueId: string) => handlers.boardChanged(queueId));
    this.connection.on('ContactMerged', (m: ContactMergedEvent) => handlers.contactMerged(m));
    this.connection.on('IncidentUpdated', (i: IncidentUpdatedEvent) => handlers.incidentUpdated(i));
    this.connection.onreconnecting(() => handlers.status('reconnecting'));
    this.connection.onreconnected(() => void this.resume());
    this.connection.onclose(() => handlers.status('disconnected'));
  }

  get state(): HubStatus {
    switch (this.connection.state) {
      case HubConnectionState.Connected:
        return 'connected';
      case HubConnectionState.Reconnecting:
        return 'reconnecting';
      case HubConnectionState.Disconnected:
        return 'disconnected';
      default:
        return 'connecting';
    }
  }

  async start(): Promise<void> {
    this.handlers.status('connecting');
    await this.connection.start();
    this.handlers.status('connected');
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  view(conversationId: string): Promise<void> {
    return this.send('View', conversationId);
  }

  leave(conversationId: string): Promise<void> {
    return this.send('Leave', conversationId);
  }

  replying(conversationId: string, replying: boolean): Promise<void> {
    return this.send('Replying', conversationId, replying);
  }

  typing(conversationId: string): Promise<void> {
    return this.send('Typing', conversationId);
  }

  /** Live signals are best effort: while reconnecting they are dropped, and View is sent again after it. */
  private async send(method: string, ...args: unknown[]): Promise<void> {
    if (this.connection.state !== HubConnectionState.Connected) return;
    try {
      await this.connection.invoke(method, ...args);
    } catch (error) {
      console.warn(`hub ${method} failed`, error);
    }
  }

  private async resume(): Promise<void> {
    await this.sequence.resume((lastSeq) => this.connection.invoke<ResumeResult>('Resume', lastSeq));
    this.handlers.status('connected');
  }
}
