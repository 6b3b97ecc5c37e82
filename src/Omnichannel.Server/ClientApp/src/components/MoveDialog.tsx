// Move selected conversations of one agent to another agent (or back to the queue), with a note for the audit log.
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { BoardMember } from '../api/types';
import { loadBoard } from '../state/board';
import { contactName } from '../state/contacts';
import { known } from '../state/inbox';

export function MoveDialog({ from, members, queueId, onDone }: { from: BoardMember; members: readonly BoardMember[]; queueId: string; onDone: () => void }) {
  const theirs = [...known.value.values()].filter((c) => c.assigneeId === from.id && c.queue === queueId && c.status !== 'resolved');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  function toggle(id: string) {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  }

  async function move(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      await api.move(queueId, from.id, to || null, [...selected], note || undefined);
      await loadBoard();
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form class="move" onSubmit={(e) => void move(e)} aria-label={`Move conversations of ${from.name}`}>
      <fieldset>
        <legend>Conversations of {from.name}</legend>
        {theirs.length === 0 && <p class="muted">None loaded (open the inbox's All view).</p>}
        {theirs.map((c) => (
          <label key={c.id} class="check">
            <input type="checkbox" checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
            {contactName(c.contactId) || c.subject || c.id} <span class="muted">({c.status})</span>
          </label>
        ))}
      </fieldset>
      <label>
        To{' '}
        <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">the queue (unassigned)</option>
          {members
            .filter((m) => m.id !== from.id)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.open}/{m.capacity})
              </option>
            ))}
        </select>
      </label>
      <label>
        Note <input value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} placeholder="why (audit log)" />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" class="primary" disabled={selected.size === 0}>
        Move {selected.size}
      </button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
