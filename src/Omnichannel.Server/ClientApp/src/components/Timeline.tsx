// Messages across channels, private notes, assignments and status changes, oldest first.
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/rest';
import type { Activity, Message } from '../api/types';
import { bytes, channelIcon, clock } from '../format';
import { agentName } from '../state/agents';
import { conversation, loadOlder, olderCursor, timeline } from '../state/conversation';
import { EmailFrame } from './EmailFrame';

export function Timeline() {
  const items = timeline.value;
  const end = useRef<HTMLLIElement>(null);
  const last = items[items.length - 1];
  // Follow new messages at the bottom; loading older ones (at the top) leaves the view where it is.
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [last?.at]);
  return (
    <ol class="timeline" aria-label="Timeline" aria-live="polite">
      {olderCursor.value && (
        <li class="older">
          <button type="button" class="link" onClick={() => void loadOlder()}>
            Load older messages
          </button>
        </li>
      )}
      {items.map((item) =>
        item.kind === 'message' ? <MessageItem key={item.message.id} m={item.message} /> : <ActivityItem key={`${item.at}-${item.activity.type}`} a={item.activity} />,
      )}
      <li ref={end} class="end" aria-hidden="true" />
    </ol>
  );
}

function MessageItem({ m }: { m: Message }) {
  const channel = conversation.value?.channel ?? '';
  const kind = m.private ? 'note' : m.direction === 'in' ? 'in' : 'out';
  const author = m.authorName ?? (m.direction === 'in' ? 'Customer' : 'Agent');
  return (
    <li class={`msg msg-${kind}`} data-message={m.id}>
      <div class="msg-head">
        <span class="chan" title={channel}>
          {m.private ? '✎' : channelIcon(channel)}
        </span>
        <strong>{author}</strong>
        {m.private && <span class="tag">private note</span>}
        <time dateTime={m.createdAt}>{clock(m.createdAt)}</time>
        {m.direction === 'out' && !m.private && m.delivery !== 'none' && (
          <span class={`delivery delivery-${m.delivery}`} title={m.deliveryError ?? undefined}>
            {m.delivery}
          </span>
        )}
      </div>
      {m.html ? <EmailFrame html={m.html} title={`Email from ${author}`} /> : <p class="text">{m.text}</p>}
      {m.attachments.length > 0 && (
        <ul class="attachments" aria-label="Attachments">
          {m.attachments.map((a) => (
            <li key={a.id}>
              <a href={api.attachmentUrl(m.conversationId, m.id, a.id)} download={a.fileName}>
                ⤓ {a.fileName}
              </a>{' '}
              <span class="muted">{bytes(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ActivityItem({ a }: { a: Activity }) {
  let text: string;
  if (a.type === 'conversation.assigned') {
    const to = a.to ? `Assigned to ${agentName(a.to)}` : 'Returned to the queue';
    const by = a.actorId && a.actorId !== 'system' && a.actorId !== a.to ? ` by ${agentName(a.actorId)}` : '';
    text = `${to}${by} (${a.reason ?? 'assigned'})${a.note ? `: “${a.note}”` : ''}`;
  } else if (a.type === 'conversation.reopened') {
    text = 'Reopened by a new message';
  } else {
    text = `Status: ${a.to ?? '?'}${a.actorId ? ` by ${agentName(a.actorId)}` : ''}`;
  }

  return (
    <li class="activity">
      <span>{text}</span> <time dateTime={a.at}>{clock(a.at)}</time>
    </li>
  );
}
