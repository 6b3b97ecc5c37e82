// The widget's typed client of /hubs/visitor (Channels/WebChat on the server). Every send carries a client id and
// is retried until the server acknowledges it; the server stores a client id once, so nothing is lost or doubled.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';

export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface VisitorMessage {
  id: string;
  seq: number;
  direction: 'in' | 'out';
  text: string;
  authorName: string | null;
  createdAt: string;
  clientId: string | null;
  attachments: AttachmentDto[];
}

export interface SendAck {
  clientId: string;
  messageId: string;
  conversationId: string;
  duplicate: boolean;
}

export interface VisitorHubEvents {
  message(m: VisitorMessage): void;
  agentTyping(): void;
  connection(state: 'connected' | 'reconnecting'): void;
}

export class VisitorHub {
  private readonly connection: HubConnection;
  private lastSeq = 0;

  constructor(baseUrl: string, token: string, private readonly events: VisitorHubEvents) {
    this.connection = new HubConnectionBuilder()
      .withUrl(`${baseUrl}/hubs/visitor?visitor_token=${encodeURIComponent(token)}`)
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('Message', (m: VisitorMessage) => this.receive(m));
    this.connection.on('Typing', () => events.agentTyping());
    this.connection.onreconnecting(() => events.connection('reconnecting'));
    this.connection.onreconnected(() => {
      events.connection('connected');
      void this.catchUp();
    });
  }

  async start(): Promise<void> {
    await this.connection.start();
    await this.catchUp();
  }

  /** Everything after the last message this page has, oldest first (all of it on first load). */
  async catchUp(): Promise<void> {
    const missed = await this.connection.invoke<VisitorMessage[]>('History', this.lastSeq);
    missed.forEach((m) => this.receive(m));
  }

  /**
   * Sends until acknowledged: a lost connection or answer is retried with the same client id (with files too: the
   * server acknowledges a retry whose files it already took).
   */
  async send(clientId: string, text: string, attachmentIds: string[] = []): Promise<SendAck> {
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.connection.state !== HubConnectionState.Connected) {
          throw new Error('not connected');
        }
        return attachmentIds.length > 0
          ? await this.connection.invoke<SendAck>('SendWithFiles', clientId, text, attachmentIds)
          : await this.connection.invoke<SendAck>('Send', clientId, text);
      } catch (error) {
        if (error instanceof Error && /Too many messages|characters|closed|files/.test(error.message)) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 10000)));
      }
    }
  }

  typing(): void {
    if (this.connection.state === HubConnectionState.Connected) {
      void this.connection.invoke('Typing').catch(() => undefined);
    }
  }

  private receive(m: VisitorMessage): void {
    this.lastSeq = Math.max(this.lastSeq, m.seq);
    if (m.direction === 'in') {
      // Another tab started the conversation: join it to hear the agent's replies.
      void this.connection.invoke('Join').catch(() => undefined);
    }
    this.events.message(m);
  }
}
