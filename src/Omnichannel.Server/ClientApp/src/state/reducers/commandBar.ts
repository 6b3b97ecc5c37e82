// The command bar's keyboard, as a pure function: which hit is selected after a key, and what the key asks for.

export type BarAction = { kind: 'none' } | { kind: 'select'; index: number } | { kind: 'open'; index: number } | { kind: 'close' };

/** `active` is the selected hit (-1: none), `count` how many hits are shown. */
export function barKey(key: string, active: number, count: number): BarAction {
  switch (key) {
    case 'ArrowDown':
      return count === 0 ? { kind: 'none' } : { kind: 'select', index: active < 0 || active >= count - 1 ? 0 : active + 1 };
    case 'ArrowUp':
      return count === 0 ? { kind: 'none' } : { kind: 'select', index: active <= 0 || active >= count ? count - 1 : active - 1 };
    case 'Home':
      return count === 0 ? { kind: 'none' } : { kind: 'select', index: 0 };
    case 'End':
      return count === 0 ? { kind: 'none' } : { kind: 'select', index: count - 1 };
    case 'Enter':
      // Enter with nothing selected opens the best hit.
      return count === 0 ? { kind: 'none' } : { kind: 'open', index: active >= 0 && active < count ? active : 0 };
    case 'Escape':
      return { kind: 'close' };
    default:
      return { kind: 'none' };
  }
}

/** Ctrl+K on Linux and Windows, Cmd+K on a Mac. */
export function opensBar(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}
