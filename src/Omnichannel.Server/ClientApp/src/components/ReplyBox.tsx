// The reply box: a reply to the customer or a private note; Ctrl+Enter (⌘+Enter) sends. While it holds text the
// others viewing see "… is replying", and keystrokes tell the server I am typing (a rebalance then leaves it alone).
// "/" at the start of a word opens the canned responses (useCannedPicker).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/rest';
import { useCannedPicker } from '../canned/useCannedPicker';
import { currentHub } from '../state/session';
import { CannedMenu, cannedMenuId, cannedOptionId } from './CannedMenu';

const typingEveryMs = 3000;

export function ReplyBox({ conversationId }: { conversationId: string }) {
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replying = useRef(false);
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedPicker(conversationId, box, (value) => onInput(value));

  const setReplying = (on: boolean) => {
    if (replying.current === on) return;
    replying.current = on;
    void currentHub()?.replying(conversationId, on);
  };

  useEffect(() => {
    setText('');
    setError(null);
    return () => setReplying(false);
  }, [conversationId]);

  function onInput(value: string) {
    setText(value);
    setReplying(value.trim().length > 0);
    if (value && Date.now() - lastTyping.current > typingEveryMs) {
      lastTyping.current = Date.now();
      void currentHub()?.typing(conversationId);
    }
  }

  async function send() {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(conversationId, text, isPrivate);
      setText('');
      setReplying(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class={`reply ${isPrivate ? 'reply-note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label for="reply-text" class="visually-hidden">
        {isPrivate ? 'Private note' : 'Reply'}
      </label>
      <textarea
        id="reply-text"
        ref={box}
        rows={3}
        placeholder={isPrivate ? 'Private note — only agents see this' : 'Reply… (/ for canned responses, Ctrl+Enter to send)'}
        value={text}
        aria-autocomplete="list"
        aria-expanded={canned.open}
        aria-controls={cannedMenuId}
        aria-activedescendant={canned.open ? cannedOptionId(canned.selected) : undefined}
        onInput={(e) => {
          onInput(e.currentTarget.value);
          canned.follow(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onClick={(e) => canned.follow(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyUp={(e) => {
          if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
            canned.follow(e.currentTarget.value, e.currentTarget.selectionStart);
          }
        }}
        onKeyDown={(e) => {
          if (canned.onKey(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      <CannedMenu picker={canned} />
      {(error ?? canned.error) && (
        <p class="error" role="alert">
          {error ?? canned.error}
        </p>
      )}
      <div class="reply-bar">
        <label class="toggle">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.currentTarget.checked)} />
          Private note
        </label>
        <button type="submit" class="primary" disabled={busy || !text.trim()}>
          {isPrivate ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
