import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InboxEvent } from '../src/hub/agentHub';
import { EventSequence, type ResumeResult } from '../src/hub/eventSequence';
import { event } from './fixtures';

function recorder() {
  const applied: number[] = [];
  let reloads = 0;
  return {
    handlers: { event: (e: InboxEvent) => applied.push(e.seq), reload: () => reloads++ },
    applied,
    reloads: () => reloads,
  };
}

const created = (seq: number) => event({ seq, type: 'conversation.created' });

describe('the agent hub event stream', () => {
  it('applies each sequence number once, in the order it arrives, and resumes after the highest', () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers);
    for (const seq of [1, 3, 2, 3, 1]) sequence.accept(created(seq));
    assert.deepEqual(r.applied, [1, 3, 2]);
    assert.equal(sequence.lastSeq, 3);
  });

  it('replays what a reconnect missed, skipping what a live push already delivered', async () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers);
    sequence.accept(created(1));
    sequence.accept(created(3));
    const asked: number[] = [];
    await sequence.resume((lastSeq) => {
      asked.push(lastSeq);
      return Promise.resolve({ events: [created(2), created(3), created(4)], reload: false, lastSeq: 4 });
    });
    assert.deepEqual(asked, [3]);
    assert.deepEqual(r.applied, [1, 3, 2, 4]);
    assert.equal(sequence.lastSeq, 4);
    assert.equal(r.reloads(), 0);
  });

  it('reloads when nothing had been seen before the drop, without asking the server', async () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers);
    let asked = false;
    await sequence.resume(() => {
      asked = true;
      return Promise.resolve({ events: [], reload: false, lastSeq: 0 });
    });
    assert.equal(asked, false);
    assert.equal(r.reloads(), 1);
  });

  it('reloads and starts over from the server\'s position when its log no longer reaches back', async () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers);
    sequence.accept(created(5));
    const fellOff: ResumeResult = { events: [], reload: true, lastSeq: 900 };
    await sequence.resume(() => Promise.resolve(fellOff));
    assert.equal(r.reloads(), 1);
    assert.equal(sequence.lastSeq, 900);
    sequence.accept(created(901));
    assert.deepEqual(r.applied, [5, 901]);
  });

  it('reloads when the resume call fails', async () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers);
    sequence.accept(created(1));
    await sequence.resume(() => Promise.reject(new Error('connection closed')));
    assert.equal(r.reloads(), 1);
    assert.equal(sequence.lastSeq, 1);
  });

  it('forgets the oldest sequence numbers past its limit but never goes back', () => {
    const r = recorder();
    const sequence = new EventSequence(r.handlers, 5, 3);
    for (let seq = 1; seq <= 6; seq++) sequence.accept(created(seq));
    // 1..6 seen, more than 5: the oldest are forgotten down to 3 (4, 5, 6), so 1 counts as new again.
    sequence.accept(created(6));
    sequence.accept(created(1));
    assert.deepEqual(r.applied, [1, 2, 3, 4, 5, 6, 1]);
    assert.equal(sequence.lastSeq, 6);
  });
});
