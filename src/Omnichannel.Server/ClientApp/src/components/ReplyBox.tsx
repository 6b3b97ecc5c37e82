// The reply box: a reply to the customer or a private note; Ctrl+Enter (⌘+Enter) sends. While it holds text the
// others viewing see "… is replying", and keystrokes tell the server I am typing (a rebalance then leaves it alone).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/rest';
import { currentHub } from '../state/session';

const typingEveryMs = 3000;

export function ReplyBox({ conversationId }: { conversationId: string }) {
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replying = useRef(false);
  const lastTyping = useRef(0);

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
        rows={3}
        placeholder={isPrivate ? 'Private note — only agents see this' : 'Reply… (Ctrl+Enter to send)'}
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      {error && <p class="error" role="alert">{error}</p>}
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
