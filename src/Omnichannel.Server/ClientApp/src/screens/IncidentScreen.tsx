// One incident: what it is and its linked conversations as they are now (fetched again on IncidentUpdated, so a
// status changed by a reply or the resolve shows live); leads and admins reply to all of them and resolve it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { Incident } from '../api/types';
import { channelIcon, clock, timeAgo } from '../format';
import { agentName } from '../state/agents';
import { incidentsChanged, incidentsVersion } from '../state/incidents';
import { navigate } from '../state/router';
import { isLead } from '../state/session';

export function IncidentScreen({ incidentId }: { incidentId: string }) {
  const version = incidentsVersion.value;
  const [incident, setIncident] = useState<Incident | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.incident(incidentId).then(
      (i) => current && (setIncident(i), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    return () => void (current = false);
  }, [incidentId, version]);

  if (!incident) {
    return <main class="incidents">{error ? <p class="error" role="alert">{error}</p> : <p class="muted">Loading…</p>}</main>;
  }

  return (
    <main class="incidents incident">
      <p>
        <a href="/incidents" onClick={(e) => (e.preventDefault(), navigate('/incidents'))}>
          ← Incidents
        </a>
      </p>
      <h2>
        {incident.title} <span class={`tag incident-${incident.status}`}>{incident.status}</span>
      </h2>
      <p class="muted">
        Declared {clock(incident.createdAt)} by {agentName(incident.createdBy)}
        {incident.resolvedAt && ` · resolved ${clock(incident.resolvedAt)}`}
        {incident.trackerUrl && (
          <>
            {' · '}
            <a href={incident.trackerUrl} target="_blank" rel="noopener noreferrer">
              tracker
            </a>
          </>
        )}
      </p>
      {incident.description && <p class="description">{incident.description}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {isLead() && incident.status === 'open' && <LeadActions incident={incident} />}
      <h3>Linked conversations ({incident.conversations.length})</h3>
      {incident.conversations.length === 0 ? (
        <p class="muted">None yet: agents link them from a conversation's side panel.</p>
      ) : (
        <ul class="items incident-conversations">
          {incident.conversations.map((c) => (
            <li key={c.id}>
              <a href={`/c/${c.id}`} class="item" data-conversation={c.id} onClick={(e) => (e.preventDefault(), navigate(`/c/${c.id}`))}>
                <span class="chan" title={c.channel} aria-label={c.channel}>
                  {channelIcon(c.channel)}
                </span>
                <span class="main">
                  <span class="who">{c.contactName ?? 'Customer'}</span>
                  {c.subject && <span class="preview">{c.subject}</span>}
                  <span class="meta">
                    <span class={`status status-${c.status}`} data-testid="status">
                      {c.status}
                    </span>{' '}
                    · {c.assigneeId ? agentName(c.assigneeId) : 'unassigned'} · {c.queue}
                  </span>
                </span>
                <span class="side">
                  <time dateTime={c.lastActivityAt}>{timeAgo(c.lastActivityAt)}</time>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function LeadActions({ incident }: { incident: Incident }) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await action());
      incidentsChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const reply = () =>
    run(async () => {
      const answer = await api.replyToIncident(incident.id, text.trim());
      setText('');
      const sent = answer.conversations.filter((c) => c.outcome === 'sent').length;
      const skipped = answer.conversations.filter((c) => c.outcome === 'skipped').length;
      return `Sent to ${sent} conversation${sent === 1 ? '' : 's'}${skipped ? `, ${skipped} resolved skipped` : ''}.`;
    });
  const resolve = () =>
    run(async () => {
      if (!confirm(`Resolve "${incident.title}" and every linked conversation?`)) return '';
      await api.resolveIncident(incident.id, text.trim() || null);
      setText('');
      return 'Resolved.';
    });

  return (
    <div class="lead-actions">
      <textarea
        aria-label="Update to every linked conversation"
        placeholder="A public reply to every linked conversation (or, on resolve, a private note)"
        rows={3}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="buttons">
        <button type="button" disabled={busy || !text.trim()} onClick={() => void reply()}>
          Reply to all
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve()}>
          Resolve incident
        </button>
      </div>
      {outcome && <p class="muted" role="status">{outcome}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
