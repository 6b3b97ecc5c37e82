// Server-side search for the inbox's search box and the command bar: each has its own state (searcher), typing
// queries GET /api/search after a short pause and a newer query aborts the request of the older one.
import { signal, type Signal } from '@preact/signals';
import { api } from '../api/rest';
import * as reduce from './reducers/search';

export const debounceMs = 250;

export interface Searcher {
  state: Signal<reduce.SearchState>;
  /** The text typed (the query the results are for follows it after the pause). */
  text: Signal<string>;
  type(text: string): void;
  more(): void;
  clear(): void;
}

export function searcher(): Searcher {
  const state = signal(reduce.idle);
  const text = signal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  function fetchPending(): void {
    const { query, pending } = state.value;
    if (pending === undefined) return;
    inFlight?.abort();
    const controller = (inFlight = new AbortController());
    api.search(query, pending, controller.signal).then(
      (page) => (state.value = reduce.pageArrived(state.value, query, pending, page)),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        state.value = reduce.failed(state.value, query, pending, error instanceof Error ? error.message : String(error));
      },
    );
  }

  function apply(next: reduce.SearchState): void {
    if (next === state.value) return;
    state.value = next;
    if (next.pending === undefined) {
      inFlight?.abort();
      inFlight = null;
    }
    fetchPending();
  }

  return {
    state,
    text,
    type(value) {
      text.value = value;
      clearTimeout(timer);
      if (!value.trim()) apply(reduce.queried(state.value, ''));
      else timer = setTimeout(() => apply(reduce.queried(state.value, value)), debounceMs);
    },
    more: () => apply(reduce.moreWanted(state.value)),
    clear() {
      clearTimeout(timer);
      text.value = '';
      apply(reduce.idle);
    },
  };
}

/** The inbox's search box. */
export const inboxSearch = searcher();
