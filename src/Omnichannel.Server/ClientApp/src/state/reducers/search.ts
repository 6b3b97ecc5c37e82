// The paging state of one server-side search (GET /api/search), as pure functions: a new query starts over, a page
// extends the results only when it answers the query (and the cursor) still wanted, so a late answer to an older
// query never shows.
import type { SearchHit, SearchPage } from '../../api/types';

export interface SearchState {
  /** The query the results are for ('' : no search, the list shows the loaded conversations). */
  query: string;
  items: readonly SearchHit[];
  /** Where the next page starts; null: no more (or nothing fetched yet). */
  nextCursor: string | null;
  /** The cursor of the page being fetched (null: the first page), undefined when nothing is in flight. */
  pending: string | null | undefined;
  error: string | null;
}

export const idle: SearchState = { query: '', items: [], nextCursor: null, pending: undefined, error: null };

/** The query changed: the old results go and its first page is wanted (an empty query wants nothing). */
export function queried(state: SearchState, query: string): SearchState {
  const q = query.trim();
  if (q === state.query && !state.error) return state;
  return q ? { query: q, items: [], nextCursor: null, pending: null, error: null } : idle;
}

/** "Load more": the page after the last one, if there is one and nothing is in flight. */
export function moreWanted(state: SearchState): SearchState {
  if (!state.query || state.nextCursor === null || state.pending !== undefined) return state;
  return { ...state, pending: state.nextCursor, error: null };
}

/** A page arrived for `query` from `cursor`: kept only if it is the one in flight. */
export function pageArrived(state: SearchState, query: string, cursor: string | null, page: SearchPage): SearchState {
  if (query !== state.query || cursor !== state.pending) return state;
  const seen = new Set(state.items.map((h) => `${h.kind}:${h.id}`));
  // Offset paging: a hit that moved up while paging may come again (docs/search.md); show it once.
  const fresh = page.items.filter((h) => !seen.has(`${h.kind}:${h.id}`));
  return { ...state, items: [...state.items, ...fresh], nextCursor: page.nextCursor, pending: undefined };
}

export function failed(state: SearchState, query: string, cursor: string | null, message: string): SearchState {
  if (query !== state.query || cursor !== state.pending) return state;
  return { ...state, pending: undefined, error: message };
}
