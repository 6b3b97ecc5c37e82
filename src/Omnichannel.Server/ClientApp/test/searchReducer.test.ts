import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchHit } from '../src/api/types';
import { failed, idle, moreWanted, pageArrived, queried } from '../src/state/reducers/search';
import { at } from './fixtures';

function hit(id: string): SearchHit {
  return { kind: 'conversation', id, title: `T ${id}`, snippet: 'refund <b>', updatedAt: at, status: 'open', channel: 'api', queue: 'default', assigneeId: null };
}

describe('server-side search paging', () => {
  it('asks for the first page of a query and shows it, then the next page from its cursor', () => {
    let s = queried(idle, '  refund ');
    assert.deepEqual([s.query, s.pending, s.items.length], ['refund', null, 0]);
    s = pageArrived(s, 'refund', null, { items: [hit('a'), hit('b')], nextCursor: '2' });
    assert.deepEqual(s.items.map((h) => h.id), ['a', 'b']);
    assert.equal(s.pending, undefined);
    s = moreWanted(s);
    assert.equal(s.pending, '2');
    assert.equal(moreWanted(s), s, 'no second request while one is in flight');
    s = pageArrived(s, 'refund', '2', { items: [hit('b'), hit('c')], nextCursor: null });
    assert.deepEqual(s.items.map((h) => h.id), ['a', 'b', 'c'], 'a hit seen on the page before shows once');
    assert.equal(moreWanted(s), s, 'nothing more after the last page');
  });

  it('drops a late answer to an older query or cursor', () => {
    let s = queried(idle, 'refund');
    s = queried(s, 'refunds');
    const late = pageArrived(s, 'refund', null, { items: [hit('a')], nextCursor: null });
    assert.equal(late, s);
    assert.equal(failed(s, 'refund', null, 'boom'), s);
    s = pageArrived(s, 'refunds', '5', { items: [hit('x')], nextCursor: null });
    assert.equal(s.items.length, 0);
  });

  it('starts over for a new query, keeps the results for the same one and empties for an empty query', () => {
    let s = pageArrived(queried(idle, 'refund'), 'refund', null, { items: [hit('a')], nextCursor: 'n' });
    assert.equal(queried(s, 'refund '), s);
    assert.equal(queried(s, 'order').items.length, 0);
    assert.equal(queried(s, '   '), idle);
    s = failed(moreWanted(s), 'refund', 'n', 'Too many requests');
    assert.equal(s.error, 'Too many requests');
    assert.equal(s.items.length, 1);
    assert.equal(queried(s, 'refund').pending, null, 'typing the query again after an error retries');
  });
});
