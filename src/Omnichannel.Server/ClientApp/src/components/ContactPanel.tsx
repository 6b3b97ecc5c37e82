// The customer: identities on every channel, attributes and their other conversations; the conversation's incidents.
import { useEffect, useState } from 'preact/hooks';
import { channelIcon, timeAgo } from '../format';
import { contacts, wantContact } from '../state/contacts';
import { conversation } from '../state/conversation';
import { navigate } from '../state/router';
import { me } from '../state/session';
import { IncidentsPanel } from './IncidentsPanel';
import { MergeDialog } from './MergeDialog';

export function ContactPanel() {
  const c = conversation.value;
  useEffect(() => {
    if (c) wantContact(c.contactId, true);
  }, [c?.id]);
  const contact = c ? contacts.value.get(c.contactId) : undefined;
  const [merging, setMerging] = useState(false);
  useEffect(() => setMerging(false), [c?.id]);
  // Every agent may merge contacts they can see (the server checks both); the app is only ever an agent's.
  const mayMerge = me.value !== null;
  return (
    <aside class="contact" aria-label="Contact">
      {c && <IncidentsPanel conversationId={c.id} />}
      {!contact ? (
        <p class="muted">…</p>
      ) : (
        <>
          <div class="contact-head">
            <h3>{contact.name ?? contact.email ?? 'Customer'}</h3>
            {mayMerge && !merging && (
              <button type="button" class="link" onClick={() => setMerging(true)} title="This customer has another contact: merge them">
                Merge…
              </button>
            )}
          </div>
          {merging && <MergeDialog contact={contact} onDone={() => setMerging(false)} />}
          {contact.email && (
            <p class="muted">
              {contact.email}
              {contact.emailClaimed && <Claimed />}
            </p>
          )}
          <h4>Identities</h4>
          <ul class="identities">
            {contact.identities.map((i) => (
              <li key={`${i.kind}:${i.value}`}>
                <span class="kind">{i.kind}</span> {i.value}
                {i.claimed && <Claimed />}
              </li>
            ))}
          </ul>
          {Object.keys(contact.attributes).length > 0 && (
            <>
              <h4>Attributes</h4>
              <dl>
                {Object.entries(contact.attributes).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <h4>Conversations</h4>
          <ul class="past">
            {contact.conversations.map((p) => (
              <li key={p.id}>
                <a href={`/c/${p.id}`} aria-current={p.id === c?.id ? 'true' : undefined} onClick={(e) => (e.preventDefault(), navigate(`/c/${p.id}`))}>
                  {channelIcon(p.channel)} {p.status} · {timeAgo(p.lastActivityAt)} ago
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

// An address the customer typed without proof: it may be someone else's, so agents should not trust it yet.
function Claimed() {
  return (
    <span class="tag claimed" title="Typed by the customer, not verified: it may not be theirs">
      claimed
    </span>
  );
}
