// Views with counts, filters and the list; a typed search shows the server's hits instead (GET /api/search).
import { useEffect } from 'preact/hooks';
import type { Conversation, Status, View } from '../api/types';
import { channelIcon, timeAgo } from '../format';
import { agentName } from '../state/agents';
import { contactName, wantContact } from '../state/contacts';
import { channelFilter, channels, counts, hasMore, labelFilter, labels, loadError, loading, loadInbox, previews, queueFilter, queues, statusFilter, unread, view, visible } from '../state/inbox';
import { navigate } from '../state/router';
import { isLead } from '../state/session';
import { now, slaBadge } from '../sla';
import { inboxSearch } from '../state/search';
import { SearchResults } from './SearchResults';

const statuses: (Status | '')[] = ['open', 'pending', 'snoozed', 'resolved', ''];

export function ConversationList({ openId }: { openId: string | null }) {
  const views: View[] = isLead() ? ['mine', 'unassigned', 'all'] : ['mine', 'unassigned'];
  const list = visible.value;
  useEffect(() => list.forEach((c) => wantContact(c.contactId)), [list]);

  return (
    <section class="list" aria-label="Conversations">
      <div class="views" role="tablist" aria-label="Views">
        {views.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view.value === v} onClick={() => (view.value = v)}>
            {v[0].toUpperCase() + v.slice(1)} <span class="count" data-testid={`count-${v}`}>{counts.value[v]}</span>
          </button>
        ))}
      </div>
      <div class="filters">
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Search messages, contacts… (Ctrl+K)"
          value={inboxSearch.text.value}
          onInput={(e) => inboxSearch.type(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && inboxSearch.clear()}
        />
        <select aria-label="Status" value={statusFilter.value} onChange={(e) => ((statusFilter.value = e.currentTarget.value as Status | ''), void loadInbox())}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s || 'any status'}
            </option>
          ))}
        </select>
        <select aria-label="Channel" value={channelFilter.value} onChange={(e) => (channelFilter.value = e.currentTarget.value)}>
          <option value="">all channels</option>
          {channels.value.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label="Queue" value={queueFilter.value} onChange={(e) => (queueFilter.value = e.currentTarget.value)}>
          <option value="">all queues</option>
          {queues.value.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
        {labels.value.length > 0 && (
          <select aria-label="Label" value={labelFilter.value} onChange={(e) => (labelFilter.value = e.currentTarget.value)}>
            <option value="">all labels</option>
            {labels.value.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        )}
      </div>
      {loadError.value && <p class="error" role="alert">{loadError.value}</p>}
      {inboxSearch.text.value.trim() ? (
        <SearchResults searcher={inboxSearch} openId={openId} onOpen={(id) => navigate(`/c/${id}`)} />
      ) : (
      <ul class="items" aria-busy={loading.value}>
        {list.map((c) => (
          <Item key={c.id} c={c} open={c.id === openId} />
        ))}
        {list.length === 0 && !loading.value && <li class="muted none">No conversations here.</li>}
        {hasMore.value && (
          <li class="more">
            <button type="button" class="link" disabled={loading.value} onClick={() => void loadInbox(true)}>
              Load more
            </button>
          </li>
        )}
      </ul>
      )}
    </section>
  );
}

function Item({ c, open }: { c: Conversation; open: boolean }) {
  const isUnread = unread.value.has(c.id);
  const who = contactName(c.contactId) || 'Customer';
  const sla = slaBadge(c.sla, now.value);
  return (
    <li>
      <a
        href={`/c/${c.id}`}
        class={`item ${open ? 'open' : ''} ${isUnread ? 'unread' : ''}`}
        aria-current={open ? 'true' : undefined}
        data-conversation={c.id}
        onClick={(e) => (e.preventDefault(), navigate(`/c/${c.id}`))}
      >
        <span class="chan" title={c.channel} aria-label={c.channel}>
          {channelIcon(c.channel)}
        </span>
        <span class="main">
          <span class="who">{who}</span>
          <span class="preview">{c.subject ?? previews.value.get(c.id) ?? `${c.messageCount} message${c.messageCount === 1 ? '' : 's'}`}</span>
          <span class="meta">
            <span class={`status status-${c.status}`}>{c.status}</span>
            {c.priority !== 'normal' && <span class={`priority priority-${c.priority}`}> · {c.priority}</span>} · {c.assigneeId ? agentName(c.assigneeId) : 'unassigned'} · {c.queue}
          </span>
        </span>
        <span class="side">
          <time dateTime={c.lastActivityAt}>{timeAgo(c.lastActivityAt)}</time>
          {sla && (
            <span class={`sla sla-${sla.level}`} title={sla.title} data-testid="sla">
              {sla.label}
            </span>
          )}
          {isUnread && <span class="badge" aria-label="unread">new</span>}
        </span>
      </a>
    </li>
  );
}
