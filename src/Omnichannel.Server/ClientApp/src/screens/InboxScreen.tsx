// The agent's screen: the conversation list, the open conversation and the contact beside it.
// Keys: j / k next / previous conversation, r reply, e resolve.
import { useEffect } from 'preact/hooks';
import { api } from '../api/rest';
import { ContactPanel } from '../components/ContactPanel';
import { ConversationList } from '../components/ConversationList';
import { ConversationPane } from '../components/ConversationPane';
import { conversation, openConversation } from '../state/conversation';
import { markRead, visible } from '../state/inbox';
import { navigate } from '../state/router';

export function InboxScreen({ conversationId }: { conversationId: string | null }) {
  useEffect(() => {
    void openConversation(conversationId);
    if (conversationId) markRead(conversationId);
  }, [conversationId]);
  useEffect(() => () => void openConversation(null), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleKey(e, conversationId);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [conversationId]);

  return (
    <main class={`inbox ${conversationId ? 'has-open' : ''}`}>
      <ConversationList openId={conversationId} />
      {conversationId ? (
        <>
          <ConversationPane />
          <ContactPanel />
        </>
      ) : (
        <section class="pane empty" aria-label="Conversation">
          <p class="muted">Select a conversation (j / k to move, r to reply, e to resolve).</p>
        </section>
      )}
    </main>
  );
}

function handleKey(e: KeyboardEvent, openId: string | null): void {
  const target = e.target as HTMLElement | null;
  if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select, [contenteditable]')) return;
  const list = visible.value;
  const index = list.findIndex((c) => c.id === openId);
  if (e.key === 'j' || e.key === 'k') {
    const next = list[e.key === 'j' ? Math.min(index + 1, list.length - 1) : Math.max(index - 1, 0)];
    if (next) navigate(`/c/${next.id}`);
    e.preventDefault();
  } else if (e.key === 'r' && openId) {
    document.getElementById('reply-text')?.focus();
    e.preventDefault();
  } else if (e.key === 'e' && openId && conversation.value?.status !== 'resolved') {
    void api.setStatus(openId, 'resolved');
    e.preventDefault();
  }
}
