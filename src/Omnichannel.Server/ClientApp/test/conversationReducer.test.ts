import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeMessages, type Pane, reducePaneEvent } from '../src/state/reducers/conversation';
import { conversation, event, message } from './fixtures';

const pane: Pane = { conversation: conversation(), messages: [message()], activity: [] };

describe('the open conversation under hub events', () => {
  it('ignores events of other conversations', () => {
    const other = event({ type: 'message.created', conversationId: 'c2', message: message({ id: 'm9', conversationId: 'c2' }) });
    assert.equal(reducePaneEvent(pane, other, 'c1'), pane);
    assert.equal(reducePaneEvent(pane, event({ type: 'message.created', message: message({ id: 'm2' }) }), null), pane);
  });

  it('appends a new message and replaces one seen again (a delivery update)', () => {
    const reply = message({ id: 'm2', direction: 'out', authorKind: 'agent', delivery: 'pending' });
    let next = reducePaneEvent(pane, event({ type: 'message.created', message: reply }), 'c1');
    assert.deepEqual(next.messages.map((m) => m.id), ['m1', 'm2']);

    next = reducePaneEvent(next, event({ type: 'message.delivery', message: { ...reply, delivery: 'delivered' } }), 'c1');
    assert.deepEqual(next.messages.map((m) => [m.id, m.delivery]), [['m1', 'none'], ['m2', 'delivered']]);
    assert.equal(next.activity.length, 0);
  });

  it('records an assignment with who, from whom, to whom and why', () => {
    const assigned = event({
      type: 'conversation.assigned',
      actorId: 'lead',
      previousAssigneeId: 'a1',
      reason: 'rebalance',
      conversation: conversation({ assigneeId: 'a2' }),
    });
    const next = reducePaneEvent(pane, assigned, 'c1');
    assert.equal(next.conversation?.assigneeId, 'a2');
    assert.deepEqual(next.activity, [{ type: 'conversation.assigned', at: assigned.at, from: 'a1', to: 'a2', reason: 'rebalance', actorId: 'lead' }]);
  });

  it('records status changes and reopenings', () => {
    let next = reducePaneEvent(pane, event({ type: 'conversation.status_changed', actorId: 'a1', conversation: conversation({ status: 'resolved' }) }), 'c1');
    next = reducePaneEvent(next, event({ type: 'conversation.reopened', conversation: conversation({ status: 'open' }) }), 'c1');
    assert.equal(next.conversation?.status, 'open');
    assert.deepEqual(
      next.activity.map((a) => [a.type, a.to, a.actorId]),
      [
        ['conversation.status_changed', 'resolved', 'a1'],
        ['conversation.reopened', 'open', ''],
      ],
    );
  });

  it('keeps the conversation it has when an event carries none', () => {
    const next = reducePaneEvent(pane, event({ type: 'message.created', message: message({ id: 'm2' }) }), 'c1');
    assert.equal(next.conversation, pane.conversation);
  });

  it('merges pages of messages by id', () => {
    const merged = mergeMessages([message({ id: 'a' }), message({ id: 'b', text: 'old' })], [message({ id: 'b', text: 'new' }), message({ id: 'c' })]);
    assert.deepEqual(merged.map((m) => [m.id, m.text]), [['a', 'Where is my order?'], ['b', 'new'], ['c', 'Where is my order?']]);
  });
});
