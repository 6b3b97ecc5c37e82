import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reduceContactMerged } from '../src/state/reducers/merge';
import { conversation } from './fixtures';

describe('a contact merge pushed by the hub', () => {
  const known = new Map([
    ['c1', conversation({ id: 'c1', contactId: 'old' })],
    ['c2', conversation({ id: 'c2', contactId: 'other' })],
    ['c3', conversation({ id: 'c3', contactId: 'survivor' })],
  ]);

  it('shows the surviving contact on the old contact\'s conversations and on those named', () => {
    const next = reduceContactMerged(
      { known, open: null },
      { contactId: 'survivor', fromId: 'old', conversationIds: ['c2'] },
    );
    assert.deepEqual([...next.known.values()].map((c) => [c.id, c.contactId]), [
      ['c1', 'survivor'],
      ['c2', 'survivor'],
      ['c3', 'survivor'],
    ]);
    assert.equal(known.get('c1')?.contactId, 'old');
  });

  it('updates the open conversation when it moved, and nothing else', () => {
    const open = conversation({ id: 'c1', contactId: 'old' });
    const moved = reduceContactMerged({ known, open }, { contactId: 'survivor', fromId: 'old', conversationIds: [] });
    assert.equal(moved.open?.contactId, 'survivor');

    const unrelated = conversation({ id: 'c2', contactId: 'other' });
    const untouched = reduceContactMerged({ known, open: unrelated }, { contactId: 'survivor', fromId: 'old', conversationIds: [] });
    assert.equal(untouched.open, unrelated);
  });

  it('keeps the same list when no conversation it holds moved', () => {
    const next = reduceContactMerged({ known, open: null }, { contactId: 'x', fromId: 'y', conversationIds: ['c9'] });
    assert.equal(next.known, known);
  });
});
