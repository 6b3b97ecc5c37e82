// Where the agent hub's event stream stands: which sequence numbers were applied and where a resume starts. Kept
// apart from the SignalR connection (agentHub.ts) so its rules can be tested on their own.
import type { InboxEvent } from './agentHub';

export interface ResumeResult {
  events: InboxEvent[];
  reload: boolean;
  lastSeq: number;
}

export interface SequenceHandlers {
  event(event: InboxEvent): void;
  reload(): void;
}

/**
 * A resume can overlap live pushes, and two server nodes need not deliver in exact order: an event is applied once
 * (by its sequence number), and the highest one seen is where the next resume starts.
 */
export class EventSequence {
  private readonly seen = new Set<number>();
  private last = 0;

  /** Remembers up to `remember` sequence numbers, then forgets the oldest down to `keep`. */
  constructor(
    private readonly handlers: SequenceHandlers,
    private readonly remember = 5000,
    private readonly keep = 4000,
  ) {}

  get lastSeq(): number {
    return this.last;
  }

  accept(event: InboxEvent): void {
    if (this.seen.has(event.seq)) return;
    this.seen.add(event.seq);
    if (this.seen.size > this.remember) {
      for (const seq of this.seen) {
        this.seen.delete(seq);
        if (this.seen.size <= this.keep) break;
      }
    }

    this.last = Math.max(this.last, event.seq);
    this.handlers.event(event);
  }

  /**
   * After a reconnect: replays what was missed, in order, or has the app reload when nothing had been seen, the
   * server's log no longer reaches back that far, or the resume call failed.
   */
  async resume(invokeResume: (lastSeq: number) => Promise<ResumeResult>): Promise<void> {
    if (this.last === 0) {
      this.handlers.reload();
      return;
    }

    let result: ResumeResult;
    try {
      result = await invokeResume(this.last);
    } catch {
      this.handlers.reload();
      return;
    }

    if (result.reload) {
      this.last = result.lastSeq;
      this.handlers.reload();
    } else {
      for (const event of result.events) this.accept(event);
    }
  }
}
