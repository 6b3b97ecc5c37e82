import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barKey, opensBar } from '../src/state/reducers/commandBar';

describe('the command bar keyboard', () => {
  it('moves the selection with the arrows, wrapping at both ends', () => {
    assert.deepEqual(barKey('ArrowDown', -1, 3), { kind: 'select', index: 0 });
    assert.deepEqual(barKey('ArrowDown', 1, 3), { kind: 'select', index: 2 });
    assert.deepEqual(barKey('ArrowDown', 2, 3), { kind: 'select', index: 0 });
    assert.deepEqual(barKey('ArrowUp', 0, 3), { kind: 'select', index: 2 });
    assert.deepEqual(barKey('ArrowUp', -1, 3), { kind: 'select', index: 2 });
    assert.deepEqual(barKey('End', 0, 3), { kind: 'select', index: 2 });
    assert.deepEqual(barKey('ArrowDown', -1, 0), { kind: 'none' });
  });

  it('opens the selected hit on Enter, the first when none is selected, nothing without hits', () => {
    assert.deepEqual(barKey('Enter', 1, 3), { kind: 'open', index: 1 });
    assert.deepEqual(barKey('Enter', -1, 3), { kind: 'open', index: 0 });
    assert.deepEqual(barKey('Enter', 5, 3), { kind: 'open', index: 0 }, 'a selection beyond fewer hits falls back');
    assert.deepEqual(barKey('Enter', -1, 0), { kind: 'none' });
  });

  it('closes on Escape and leaves typing alone', () => {
    assert.deepEqual(barKey('Escape', 0, 3), { kind: 'close' });
    assert.deepEqual(barKey('a', 0, 3), { kind: 'none' });
  });

  it('opens on Ctrl+K and Cmd+K only', () => {
    const key = { key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    assert.equal(opensBar({ ...key, ctrlKey: true }), true);
    assert.equal(opensBar({ ...key, metaKey: true }), true);
    assert.equal(opensBar({ ...key, key: 'K', ctrlKey: true }), true);
    assert.equal(opensBar(key), false);
    assert.equal(opensBar({ ...key, ctrlKey: true, shiftKey: true }), false);
  });
});
