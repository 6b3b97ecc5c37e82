// The lead board: one queue's members and waiting line, refetched when the hub says it changed.
import { signal } from '@preact/signals';
import { api } from '../api/rest';
import type { Board, Moves, Queue } from '../api/types';
import { loadAgents } from './agents';

export const boardQueues = signal<readonly Queue[]>([]);
export const queueId = signal('default');
export const board = signal<Board | null>(null);
export const boardError = signal<string | null>(null);
/** A rebalance dry run waiting for the lead to apply or discard it. */
export const plan = signal<Moves | null>(null);

export async function loadBoard(): Promise<void> {
  try {
    if (boardQueues.value.length === 0) {
      boardQueues.value = await api.queues();
      if (!boardQueues.value.some((q) => q.id === queueId.value) && boardQueues.value[0]) queueId.value = boardQueues.value[0].id;
    }

    board.value = await api.board(queueId.value);
    boardError.value = null;
  } catch (error) {
    boardError.value = error instanceof Error ? error.message : String(error);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Bursts of changes (a rebalance moves many conversations) cost one refetch. */
export function refreshSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void loadBoard();
    void loadAgents().catch(() => undefined);
  }, 250);
}

export async function planRebalance(): Promise<void> {
  plan.value = await api.rebalance(queueId.value, true);
}

export async function applyRebalance(): Promise<Moves> {
  const applied = await api.rebalance(queueId.value, false);
  plan.value = null;
  await loadBoard();
  return applied;
}
