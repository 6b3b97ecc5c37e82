// The open conversation's priority, tier and tier path (L1 → L2 …), with escalate and return (docs/sla.md, "Tiers and
// escalation"): the server decides who may (its assignee or a lead) and answers 403/409 with the reason shown.
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { Conversation } from '../api/types';

const priorities: Conversation['priority'][] = ['low', 'normal', 'high', 'urgent'];

export function TierControls(props: { conversation: Conversation; onError: (message: string | null) => void }) {
  const c = props.conversation;
  const [note, setNote] = useState<string | null>(null);
  const [up, setUp] = useState(true);

  function run(action: Promise<unknown>) {
    props.onError(null);
    void action.catch((e: Error) => props.onError(e.message));
  }

  function submit(e: Event) {
    e.preventDefault();
    const text = (note ?? '').trim();
    run(up ? api.escalate(c.id, text) : api.deEscalate(c.id, text));
    setNote(null);
  }

  return (
    <div class="tier-controls">
      <label>
        <span class="visually-hidden">Priority</span>
        <select data-testid="priority" value={c.priority} onChange={(e) => run(api.setPriority(c.id, e.currentTarget.value as Conversation['priority']))}>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <span class="tier" data-testid="tier" title={c.tierPath.length > 0 ? `Came from ${c.tierPath.join(' → ')}` : undefined}>
        {[...c.tierPath, c.queue].join(' → ')} ({c.tier})
      </span>
      {note === null ? (
        <>
          <button type="button" onClick={() => (setUp(true), setNote(''))}>
            Escalate…
          </button>
          {c.tierPath.length > 0 && (
            <button type="button" onClick={() => (setUp(false), setNote(''))}>
              Return…
            </button>
          )}
        </>
      ) : (
        <form class="tier-note" onSubmit={submit}>
          <input
            aria-label={up ? 'Why escalate' : 'Why return'}
            placeholder={up ? 'Why it needs the next tier' : 'Why it goes back'}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" class="primary">
            {up ? 'Escalate' : 'Return'}
          </button>
          <button type="button" onClick={() => setNote(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
