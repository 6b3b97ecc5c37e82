// Agent names by id, for "assigned to Ana" and the assignee picker. Leads read them from the queue boards; anyone
// learns them from message authors and viewers. (GET /api/agents is for admins only.)
import { signal } from '@preact/signals';
import { api } from '../api/rest';
import type { BoardMember } from '../api/types';
import { isLead, me } from './session';

export const agentNames = signal<ReadonlyMap<string, string>>(new Map());
/** For leads: the members of each queue, as the boards list them. */
export const queueMembers = signal<ReadonlyMap<string, readonly BoardMember[]>>(new Map());

export function learnName(id: string | null | undefined, name: string | null | undefined): void {
  if (!id || !name || agentNames.value.get(id) === name) return;
  agentNames.value = new Map(agentNames.value).set(id, name);
}

export function agentName(id: string | null | undefined): string {
  if (!id) return 'nobody';
  if (id === me.value?.id) return 'me';
  if (id === 'system') return 'the system';
  return agentNames.value.get(id) ?? 'another agent';
}

export async function loadAgents(): Promise<void> {
  if (!isLead()) return;
  const queues = await api.queues();
  const boards = await Promise.all(queues.map((q) => api.board(q.id).catch(() => null)));
  const members = new Map<string, readonly BoardMember[]>();
  const names = new Map(agentNames.value);
  for (const board of boards) {
    if (!board) continue;
    members.set(board.queue.id, board.members);
    for (const m of board.members) names.set(m.id, m.name);
  }

  queueMembers.value = members;
  agentNames.value = names;
}
