// Every incident, open ones first, with how many linked conversations the agent may see and how many are not
// resolved; leads and admins declare new ones here. Fetched again on IncidentUpdated.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { IncidentSummary } from '../api/types';
import { timeAgo } from '../format';
import { incidentsChanged, incidentsVersion } from '../state/incidents';
import { openFirst } from '../state/reducers/incidents';
import { navigate } from '../state/router';
import { isLead } from '../state/session';

export function IncidentsScreen() {
  const version = incidentsVersion.value;
  const [incidents, setIncidents] = useState<IncidentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.incidents().then(
      (list) => current && (setIncidents(openFirst(list)), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    return () => void (current = false);
  }, [version]);

  return (
    <main class="incidents">
      <h2>Incidents</h2>
      {isLead() && <NewIncident />}
      {error && <p class="error" role="alert">{error}</p>}
      {incidents === null && !error && <p class="muted">Loading…</p>}
      {incidents?.length === 0 && <p class="muted">No incidents.</p>}
      {incidents && incidents.length > 0 && (
        <table class="incident-list">
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Status</th>
              <th scope="col">Conversations</th>
              <th scope="col">Not resolved</th>
              <th scope="col">Declared</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((i) => (
              <tr key={i.id} data-incident={i.id}>
                <td>
                  <a href={`/incidents/${i.id}`} onClick={(e) => (e.preventDefault(), navigate(`/incidents/${i.id}`))}>
                    {i.title}
                  </a>
                </td>
                <td>
                  <span class={`tag incident-${i.status}`}>{i.status}</span>
                </td>
                <td data-testid="conversation-count">{i.conversationCount}</td>
                <td data-testid="open-count">{i.openConversationCount}</td>
                <td>
                  <time dateTime={i.createdAt}>{timeAgo(i.createdAt)} ago</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function NewIncident() {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.createIncident(title.trim(), description.trim());
      setTitle('');
      setDescription('');
      incidentsChanged();
      navigate(`/incidents/${created.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="new-incident" aria-label="Declare an incident" onSubmit={(e) => void create(e)}>
      <input aria-label="Title" placeholder="Title (e.g. Checkout payments failing)" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />
      <textarea aria-label="Description" placeholder="What is broken, since when" value={description} onInput={(e) => setDescription(e.currentTarget.value)} rows={2} />
      <button type="submit" disabled={busy || !title.trim()}>
        Declare incident
      </button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
