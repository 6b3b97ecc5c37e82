import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InboxLists, inView, isNewAssignment, reduceInboxEvent } from '../src/state/reducers/inbox';
import { conversation, event, message } from './fixtures';

const empty: InboxLists = { known: new Map(), unread: new Set(), previews: new Map() };
const me = 'agent-me';

describe('the conversation list under hub events', () => {
  it('adds a created conversation and marks an inbound message unread', () => {
    const created = reduceInboxEvent(empty, event({ type: 'conversation.created', conversation: conversation() }), null, me);
    assert.deepEqual([...created.known.keys()], ['c1']);
    assert.equal(created.unread.size, 0);

    const inbound = event({ seq: 2, type: 'message.created', conversation: conversation({ messageCount: 2 }), message: message() });
    const after = reduceInboxEvent(created, inbound, null, me);
    assert.equal(after.known.get('c1')?.messageCount, 2);
    assert.ok(after.unread.has('c1'));
    assert.equal(after.previews.get('c1'), 'Where is my order?');
  });

  it('replaces a conversation with its state in each event (status changed, reopened)', () => {
    let lists = reduceInboxEvent(empty, event({ type: 'conversation.created', conversation: conversation() }), null, me);
    lists = reduceInboxEvent(lists, event({ type: 'conversation.status_changed', conversation: conversation({ status: 'resolved' }) }), null, me);
    assert.equal(lists.known.get('c1')?.status, 'resolved');
    lists = reduceInboxEvent(lists, event({ type: 'conversation.reopened', conversation: conversation({ status: 'open' }) }), null, me);
    assert.equal(lists.known.get('c1')?.status, 'open');
    assert.equal(lists.known.size, 1);
  });

  it('never marks the conversation on screen unread', () => {
    const after = reduceInboxEvent(empty, event({ type: 'message.created', message: message() }), 'c1', me);
    assert.equal(after.unread.size, 0);
    assert.equal(after.previews.get('c1'), 'Where is my order?');
  });

  it('keeps private notes out of the preview and outbound replies out of unread', () => {
    const note = event({ type: 'message.created', message: message({ direction: 'out', private: true, text: 'internal' }) });
    const after = reduceInboxEvent(empty, note, null, me);
    assert.equal(after.previews.size, 0);
    assert.equal(after.unread.size, 0);
  });

  it('marks a conversation assigned to me by someone else unread, not one I took myself', () => {
    const byLead = event({ type: 'conversation.assigned', actorId: 'lead', conversation: conversation({ assigneeId: me }) });
    assert.ok(isNewAssignment(byLead, me));
    assert.ok(reduceInboxEvent(empty, byLead, null, me).unread.has('c1'));

    const byMe = { ...byLead, actorId: me };
    assert.equal(isNewAssignment(byMe, me), false);
    assert.equal(reduceInboxEvent(empty, byMe, null, me).unread.size, 0);

    const alreadyMine = { ...byLead, previousAssigneeId: me };
    assert.equal(isNewAssignment(alreadyMine, me), false);
    assert.equal(isNewAssignment(byLead, null), false);
  });

  it('moves a conversation out of "mine" when it is assigned away (the agent no longer holds it)', () => {
    let lists = reduceInboxEvent(empty, event({ type: 'conversation.assigned', conversation: conversation({ assigneeId: me }) }), null, me);
    assert.ok(inView(lists.known.get('c1')!, 'mine', me, false));

    const away = event({ seq: 2, type: 'conversation.assigned', actorId: 'lead', previousAssigneeId: me, conversation: conversation({ assigneeId: 'other' }) });
    lists = reduceInboxEvent(lists, away, null, me);
    const c = lists.known.get('c1')!;
    assert.equal(inView(c, 'mine', me, false), false);
    assert.equal(inView(c, 'unassigned', me, false), false);
    assert.equal(isNewAssignment(away, me), false);
  });

  it('shows "all" to leads only and "unassigned" to everyone', () => {
    const waiting = conversation({ assigneeId: null });
    assert.equal(inView(waiting, 'all', me, false), false);
    assert.ok(inView(waiting, 'all', me, true));
    assert.ok(inView(waiting, 'unassigned', me, false));
    assert.equal(inView(waiting, 'mine', null, false), false);
  });

  it('leaves the lists it was given untouched', () => {
    const before: InboxLists = { known: new Map([['c1', conversation()]]), unread: new Set(), previews: new Map() };
    reduceInboxEvent(before, event({ type: 'message.created', conversation: conversation({ status: 'pending' }), message: message() }), null, me);
    assert.equal(before.known.get('c1')?.status, 'open');
    assert.equal(before.unread.size, 0);
    assert.equal(before.previews.size, 0);
  });
});
