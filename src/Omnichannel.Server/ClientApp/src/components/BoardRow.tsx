// One agent on the board, with the lead's actions: pause/resume, capacity, move conversations to someone else.
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { BoardMember } from '../api/types';
import { clock, timeAgo } from '../format';
import { loadBoard } from '../state/board';
import { MoveDialog } from './MoveDialog';

export function BoardRow({ member: m, members, queueId }: { member: BoardMember; members: readonly BoardMember[]; queueId: string }) {
  const [capacity, setCapacity] = useState(String(m.capacity));
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = m.capacity > 0 ? Math.min(100, Math.round((m.open / m.capacity) * 100)) : 100;

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await loadBoard();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <tr data-agent={m.id} class={m.paused ? 'paused' : ''}>
        <th scope="row">
          <span class={`dot ${m.present ? 'present' : 'absent'}`} aria-label={m.present ? 'connected' : 'not connected'} /> {m.name}
        </th>
        <td>
          <span class={`avail-tag avail-${m.availability}`}>{m.availability}</span>
          {m.paused && <span class="tag">paused</span>}
        </td>
        <td>{m.onShift ? `${m.currentShift ?? 'on shift'}${m.shiftEndsAt ? ` until ${clock(m.shiftEndsAt)}` : ''}` : 'off shift'}</td>
        <td>
          <div class="bar" role="meter" aria-valuemin={0} aria-valuemax={m.capacity} aria-valuenow={m.open} aria-label={`${m.open} of ${m.capacity} open`}>
            <span style={{ width: `${load}%` }} class={load >= 100 ? 'full' : ''} />
          </div>
          <span class="load" data-testid="open">
            {m.open} / {m.capacity}
          </span>
        </td>
        <td>{m.oldestUnansweredSince ? timeAgo(m.oldestUnansweredSince) : '—'}</td>
        <td>{m.eligible ? 'yes' : (m.notEligibleBecause ?? 'no')}</td>
        <td class="row-actions">
          <button type="button" onClick={() => void act(() => (m.paused ? api.resume(m.id) : api.pause(m.id)))}>
            {m.paused ? 'Resume' : 'Pause'}
          </button>
          <form
            class="capacity"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => api.setCapacity(m.id, Number(capacity)));
            }}
          >
            <input type="number" min={0} max={1000} aria-label={`Capacity of ${m.name}`} value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />
            <button type="submit">Set</button>
          </form>
          <button type="button" disabled={m.open === 0} onClick={() => setMoving(!moving)}>
            Move…
          </button>
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={7} class="error" role="alert">
            {error}
          </td>
        </tr>
      )}
      {moving && (
        <tr>
          <td colSpan={7}>
            <MoveDialog from={m} members={members} queueId={queueId} onDone={() => setMoving(false)} />
          </td>
        </tr>
      )}
    </>
  );
}
