// The "/" picker of the reply box, keyboard only: typing "/" at the start of a word opens the canned responses the
// agent may use, filtered as they type (short code and title); ↑/↓ choose, Enter or Tab inserts the response
// rendered for the conversation (the server fills the variables in), Escape closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { CannedResponse } from '../api/types';
import { type CannedTrigger, filterChoices, findTrigger, insertAt } from './trigger';

export interface CannedPicker {
  open: boolean;
  choices: CannedResponse[];
  selected: number;
  error: string | null;
  /** Call on every input and caret move: opens, filters or closes the list. */
  follow: (text: string, caret: number) => void;
  /** Call first on every keydown of the reply box; true when the picker used the key. */
  onKey: (e: KeyboardEvent) => boolean;
  choose: (index: number) => void;
}

export function useCannedPicker(
  conversationId: string,
  textarea: { current: HTMLTextAreaElement | null },
  setText: (text: string) => void,
): CannedPicker {
  const [all, setAll] = useState<CannedResponse[] | null>(null);
  const [trigger, setTrigger] = useState<CannedTrigger | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Escape closes the list until the agent leaves the word it was opened in.
  const dismissedAt = useRef<number | null>(null);
  const loading = useRef(false);

  useEffect(() => {
    setTrigger(null);
    setError(null);
  }, [conversationId]);

  const choices = trigger && all ? filterChoices(all, trigger.query) : [];
  const open = trigger !== null && choices.length > 0;

  function load() {
    if (all !== null || loading.current) return;
    loading.current = true;
    api
      .cannedResponses()
      .then(setAll)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => (loading.current = false));
  }

  function follow(text: string, caret: number) {
    const found = findTrigger(text, caret);
    if (found === null || found.start !== dismissedAt.current) dismissedAt.current = null;
    if (found === null || dismissedAt.current !== null) {
      setTrigger(null);
      return;
    }
    load();
    if (found.query !== trigger?.query || found.start !== trigger.start) setSelected(0);
    setTrigger(found);
  }

  function choose(index: number) {
    const choice = choices[index];
    const at = trigger;
    if (!choice || !at) return;
    setTrigger(null);
    api
      .renderCanned(conversationId, choice.id)
      .then(({ text: rendered }) => {
        const box = textarea.current;
        const current = box?.value ?? '';
        // Only where the agent still has the short code they chose from, so a late answer never overwrites typing.
        if (current.slice(at.start, at.end) !== `/${at.query}`) return;
        const next = insertAt(current, at, rendered);
        setText(next.text);
        requestAnimationFrame(() => box?.setSelectionRange(next.caret, next.caret));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }

  function onKey(e: KeyboardEvent): boolean {
    if (!open) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setSelected((selected + step + choices.length) % choices.length);
    } else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey) || e.key === 'Tab') {
      choose(Math.min(selected, choices.length - 1));
    } else if (e.key === 'Escape') {
      dismissedAt.current = trigger?.start ?? null;
      setTrigger(null);
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  return { open, choices, selected: Math.min(selected, Math.max(choices.length - 1, 0)), error, follow, onKey, choose };
}
