// The open conversation: header with status buttons and assignee, the collision banner, the timeline, the reply box.
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { Status } from '../api/types';
import { channelIcon } from '../format';
import { contactName } from '../state/contacts';
import { conversation, others, paneError, typing } from '../state/conversation';
import { navigate } from '../state/router';
import { AssigneePicker } from './AssigneePicker';
import { ReplyBox } from './ReplyBox';
import { TierControls } from './TierControls';
import { Timeline } from './Timeline';

const statusActions: { status: Status; label: string }[] = [
  { status: 'open', label: 'Reopen' },
  { status: 'pending', label: 'Pending' },
  { status: 'resolved', label: 'Resolve (e)' },
];

export function ConversationPane() {
  const c = conversation.value;
  const [error, setError] = useState<string | null>(null);
  if (!c) {
    return (
      <section class="pane" aria-label="Conversation">
        {paneError.value ? <p class="error" role="alert">{paneError.value}</p> : <p class="muted">Loading…</p>}
      </section>
    );
  }

  const replying = others.value.filter((v) => v.replying);
  const watching = others.value.filter((v) => !v.replying);
  const typers = typing.value.map((t) => (t.agentId ? t.name ?? 'An agent' : contactName(c.contactId) || 'The customer'));

  async function setStatus(status: Status) {
    setError(null);
    await api.setStatus(c!.id, status).catch((e: Error) => setError(e.message));
  }

  return (
    <section class="pane" aria-label="Conversation">
      <header class="pane-head">
        <button type="button" class="back link" aria-label="Back to the list" onClick={() => navigate('/')}>
          ←
        </button>
        <span class="chan big" title={c.channel}>
          {channelIcon(c.channel)}
        </span>
        <div class="title">
          <h2>{contactName(c.contactId) || 'Customer'}</h2>
          <p class="muted">
            {c.subject ? <span class="subject">{c.subject}</span> : c.channel} · {c.queue} · <span class={`status status-${c.status}`}>{c.status}</span>
          </p>
        </div>
        <div class="actions">
          <AssigneePicker conversation={c} />
          {statusActions
            .filter((a) => a.status !== c.status && !(a.status === 'open' && c.status === 'open'))
            .map((a) => (
              <button key={a.status} type="button" onClick={() => void setStatus(a.status)}>
                {a.label}
              </button>
            ))}
        </div>
      </header>
      {replying.length > 0 && (
        <div class="banner banner-collision" role="alert" data-testid="collision-banner">
          {replying.map((v) => v.name).join(', ')} {replying.length === 1 ? 'is' : 'are'} replying
        </div>
      )}
      {watching.length > 0 && <div class="banner banner-info">Also viewing: {watching.map((v) => v.name).join(', ')}</div>}
      <TierControls conversation={c} onError={setError} />
      {error && <p class="error" role="alert">{error}</p>}
      <Timeline />
      <p class="typing" aria-live="polite">
        {typers.length > 0 ? `${typers.join(', ')} ${typers.length === 1 ? 'is' : 'are'} typing…` : ''}
      </p>
      <ReplyBox conversationId={c.id} />
    </section>
  );
}
