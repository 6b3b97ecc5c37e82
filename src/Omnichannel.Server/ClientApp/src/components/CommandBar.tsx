// Ctrl+K (Cmd+K): a modal bar that searches conversations as the inbox's search box does; arrow keys choose a hit,
// Enter opens it, Escape closes. The input keeps the focus and names the chosen option (aria-activedescendant).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { barKey, opensBar } from '../state/reducers/commandBar';
import { navigate } from '../state/router';
import { searcher } from '../state/search';
import { SearchResults } from './SearchResults';

const barSearch = searcher();
const prefix = 'command-hit-';

export function CommandBar() {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!opensBar(e)) return;
      e.preventDefault();
      if (!open) returnTo.current = document.activeElement;
      setOpen(true);
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  // Before the next key arrives: what is typed right after Ctrl+K goes into the bar.
  useLayoutEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const hits = barSearch.state.value.items;
  useEffect(() => setActive(-1), [barSearch.state.value.query]);

  if (!open) return null;

  function close() {
    setOpen(false);
    barSearch.clear();
    setActive(-1);
    (returnTo.current as HTMLElement | null)?.focus?.();
  }

  function openHit(id: string) {
    close();
    navigate(`/c/${id}`);
  }

  function onKeyDown(e: KeyboardEvent) {
    const action = barKey(e.key, active, hits.length);
    if (action.kind === 'none') return;
    e.preventDefault();
    if (action.kind === 'select') {
      setActive(action.index);
      document.getElementById(`${prefix}${action.index}`)?.scrollIntoView({ block: 'nearest' });
    } else if (action.kind === 'open') openHit(hits[action.index].id);
    else close();
  }

  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div class="command-bar" role="dialog" aria-modal="true" aria-label="Search conversations">
        <input
          ref={input}
          type="search"
          aria-label="Search"
          aria-controls={`${prefix}list`}
          aria-activedescendant={active >= 0 ? `${prefix}${active}` : undefined}
          placeholder="Search conversations… (↑ ↓ to choose, Enter to open, Esc to close)"
          value={barSearch.text.value}
          onInput={(e) => barSearch.type(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        {barSearch.text.value.trim() && <SearchResults searcher={barSearch} onOpen={openHit} active={active} idPrefix={prefix} />}
      </div>
    </div>
  );
}
