// Merge two contacts the agent knows are one person: find the other contact, choose which one stays, confirm.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { api } from '../api/rest';
import type { Contact } from '../api/types';
import { applyContactMerged } from '../state/merge';

export function contactLabel(c: Contact): string {
  return c.name || c.email || c.identities[0]?.value || 'Customer';
}

// The server's problem details say what went wrong; a bare 403 gets the rule that refused it.
function mergeError(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) {
    return 'You may merge only contacts you can see: one of their conversations must be yours or in your queues.';
  }

  return err instanceof Error ? err.message : String(err);
}

export function MergeDialog({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Contact[] | null>(null);
  const [other, setOther] = useState<Contact | null>(null);
  const [keepOther, setKeepOther] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Searches once typing pauses; a newer query makes an older answer irrelevant.
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }

    let current = true;
    const timer = setTimeout(() => {
      api
        .searchContacts(q)
        .then((page) => current && (setResults(page.items.filter((c) => c.id !== contact.id)), setError(null)))
        .catch((err: Error) => current && setError(err.message));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, contact.id]);

  function pick(c: Contact) {
    setOther(c);
    // Keep the contact whose address someone verified: a claimed one may not even be theirs.
    setKeepOther(contact.emailClaimed && !c.emailClaimed);
    setError(null);
  }

  async function merge(e: Event) {
    e.preventDefault();
    if (!other) return;
    const [into, from] = keepOther ? [other, contact] : [contact, other];
    setBusy(true);
    setError(null);
    try {
      await api.mergeContacts(into.id, from.id);
      applyContactMerged({ contactId: into.id, fromId: from.id, conversationIds: from.conversations.map((c) => c.id) });
      onDone();
    } catch (err) {
      setError(mergeError(err));
    } finally {
      setBusy(false);
    }
  }

  if (other) {
    const [into, from] = keepOther ? [other, contact] : [contact, other];
    return (
      <div class="merge" role="dialog" aria-label="Merge contacts">
        <form onSubmit={(e) => void merge(e)}>
          <fieldset>
            <legend>Keep</legend>
            {[contact, other].map((c) => (
              <label key={c.id} class="check">
                <input type="radio" name="keep" checked={c.id === into.id} onChange={() => setKeepOther(c.id === other.id)} />
                {contactLabel(c)} <span class="muted">{c.email}</span>
              </label>
            ))}
          </fieldset>
          <p data-testid="merge-confirm">
            Merge <strong>{contactLabel(from)}</strong> into <strong>{contactLabel(into)}</strong>? Its conversations and
            identities move to {contactLabel(into)}, whose own name and email win. This cannot be undone.
          </p>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            Merge
          </button>{' '}
          <button type="button" onClick={() => setOther(null)}>
            Back
          </button>{' '}
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </form>
      </div>
    );
  }

  return (
    <div class="merge" role="dialog" aria-label="Merge contacts">
      <label>
        Merge {contactLabel(contact)} with{' '}
        <input
          type="search"
          value={query}
          maxLength={100}
          placeholder="name or email"
          aria-label="Find a contact"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {results && results.length === 0 && <p class="muted">No contact found (names among the newest contacts; an email exactly).</p>}
      <ul class="merge-results">
        {results?.map((c) => (
          <li key={c.id}>
            <button type="button" class="link" onClick={() => pick(c)}>
              {contactLabel(c)}
            </button>{' '}
            <span class="muted">
              {c.email}
              {c.emailClaimed && ' (claimed)'} · {c.conversations.length} conversation{c.conversations.length === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
