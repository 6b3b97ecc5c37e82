// Who has the conversation. Leads pick any member of its queue (or the queue itself); agents take an unassigned
// one or give theirs back — what the assign endpoint allows each.
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { Conversation } from '../api/types';
import { agentName, queueMembers } from '../state/agents';
import { isLead, me } from '../state/session';

export function AssigneePicker({ conversation: c }: { conversation: Conversation }) {
  const [error, setError] = useState<string | null>(null);
  const myId = me.value?.id ?? '';
  const options = new Map<string, string>([['', 'Unassigned']]);
  if (isLead()) {
    for (const m of queueMembers.value.get(c.queue) ?? []) options.set(m.id, m.name);
  }

  options.set(myId, 'Me');
  if (c.assigneeId && !options.has(c.assigneeId)) options.set(c.assigneeId, agentName(c.assigneeId));
  const choices = isLead() ? [...options] : [...options].filter(([id]) => id === '' || id === myId || id === c.assigneeId);

  async function assign(agentId: string) {
    setError(null);
    await api.assign(c.id, agentId || null).catch((e: Error) => setError(e.message));
  }

  return (
    <label class="picker">
      <span class="visually-hidden">Assignee</span>
      <select aria-label="Assignee" value={c.assigneeId ?? ''} onChange={(e) => void assign(e.currentTarget.value)}>
        {choices.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
