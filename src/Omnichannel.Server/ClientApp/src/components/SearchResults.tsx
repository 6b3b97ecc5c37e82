// The hits of a server-side search: title, snippet (plain text, rendered as text), status and channel, and "Load more"
// while the server has more. Shared by the inbox's search box and the command bar.
import type { SearchHit } from '../api/types';
import { channelIcon, timeAgo } from '../format';
import type { Searcher } from '../state/search';

interface Props {
  searcher: Searcher;
  openId?: string | null;
  onOpen: (id: string) => void;
  /** The command bar's keyboard selection (index into the hits) and the id prefix of its options. */
  active?: number;
  idPrefix?: string;
}

export function SearchResults({ searcher, openId = null, onOpen, active, idPrefix }: Props) {
  const s = searcher.state.value;
  const waiting = s.pending !== undefined || s.query !== searcher.text.value.trim();
  const listbox = idPrefix !== undefined;
  return (
    <ul class="items hits" aria-busy={waiting} aria-label="Search results" role={listbox ? 'listbox' : undefined} id={listbox ? `${idPrefix}list` : undefined}>
      {s.items.map((hit, i) => (
        <Hit key={`${hit.kind}:${hit.id}`} hit={hit} open={hit.id === openId} onOpen={onOpen} selected={active === i} id={listbox ? `${idPrefix}${i}` : undefined} />
      ))}
      {s.error && (
        <li class="error" role="alert">
          {s.error}
        </li>
      )}
      {!waiting && !s.error && s.items.length === 0 && <li class="muted none">Nothing found.</li>}
      {waiting && s.items.length === 0 && <li class="muted none">Searching…</li>}
      {s.nextCursor !== null && (
        <li class="more" role={listbox ? 'presentation' : undefined}>
          <button type="button" class="link" disabled={s.pending !== undefined} onClick={() => searcher.more()}>
            Load more
          </button>
        </li>
      )}
    </ul>
  );
}

function Hit({ hit, open, onOpen, selected, id }: { hit: SearchHit; open: boolean; onOpen: (id: string) => void; selected: boolean; id?: string }) {
  // Title and snippet are plain text from the server: JSX renders them as text, never as markup.
  const content = (
    <>
      <span class="chan" title={hit.channel ?? hit.kind} aria-label={hit.channel ?? hit.kind}>
        {hit.channel ? channelIcon(hit.channel) : '•'}
      </span>
      <span class="main">
        <span class="who">{hit.title}</span>
        <span class="snippet">{hit.snippet}</span>
        {hit.status && (
          <span class="meta">
            <span class={`status status-${hit.status}`}>{hit.status}</span>
            {hit.channel && ` · ${hit.channel}`}
            {hit.queue && ` · ${hit.queue}`}
          </span>
        )}
      </span>
      <span class="side">
        <time dateTime={hit.updatedAt}>{timeAgo(hit.updatedAt)}</time>
      </span>
    </>
  );
  if (id !== undefined) {
    return (
      <li id={id} role="option" aria-selected={selected} class={`item hit ${selected ? 'active' : ''}`} data-hit={hit.id} onClick={() => onOpen(hit.id)}>
        {content}
      </li>
    );
  }

  return (
    <li>
      <a
        href={`/c/${hit.id}`}
        class={`item hit ${open ? 'open' : ''}`}
        aria-current={open ? 'true' : undefined}
        data-hit={hit.id}
        onClick={(e) => (e.preventDefault(), onOpen(hit.id))}
      >
        {content}
      </a>
    </li>
  );
}
