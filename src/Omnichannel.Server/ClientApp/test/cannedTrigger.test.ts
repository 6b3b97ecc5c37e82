import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterChoices, findTrigger, insertAt } from '../src/canned/trigger';

describe('a canned response asked for in the reply box', () => {
  it('starts with a "/" at the start of the text or of a word, up to the caret', () => {
    assert.deepEqual(findTrigger('/gr', 3), { start: 0, end: 3, query: 'gr' });
    assert.deepEqual(findTrigger('Hello /', 7), { start: 6, end: 7, query: '' });
    assert.deepEqual(findTrigger('line\n/re-set_1 more', 14), { start: 5, end: 14, query: 're-set_1' });
  });

  it('is not a slash inside a word, a path or a sentence', () => {
    assert.equal(findTrigger('and/or', 6), null);
    assert.equal(findTrigger('/usr/bin', 8), null);
    assert.equal(findTrigger('/gr ok', 6), null);
    assert.equal(findTrigger('no slash', 8), null);
  });

  it('lists short codes starting with the query first, then codes and titles containing it', () => {
    const choices = [
      { id: '1', shortCode: 'agreement', title: null },
      { id: '2', shortCode: 'bye', title: 'Greeting for leaving' },
      { id: '3', shortCode: 'greeting', title: 'Hello' },
      { id: '4', shortCode: 'refund', title: 'Refund policy' },
    ];
    assert.deepEqual(filterChoices(choices, 'GR').map((c) => c.id), ['3', '1', '2']);
    assert.deepEqual(filterChoices(choices, '').map((c) => c.id), ['1', '2', '3', '4']);
  });

  it('replaces the typed short code with the text and puts the caret after it', () => {
    const text = 'Hi /gr there';
    assert.deepEqual(insertAt(text, { start: 3, end: 6, query: 'gr' }, 'Hello Ana'), {
      text: 'Hi Hello Ana there',
      caret: 12,
    });
  });
});
