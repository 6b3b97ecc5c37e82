// The open conversation's incidents (from its activity) and the open incidents its customer's words suggest, each
// with a one-click "Link". Fetched again when the conversation changes or an incident does (the hub).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/rest';
import type { IncidentSuggestion, IncidentSummary } from '../api/types';
import { incidentsChanged, incidentsVersion } from '../state/incidents';
import { linkedIncidentIds } from '../state/reducers/incidents';
import { navigate } from '../state/router';

interface Linked {
  id: string;
  title: string;
  status: string;
}

export function IncidentsPanel({ conversationId }: { conversationId: string }) {
  const version = incidentsVersion.value;
  const [linked, setLinked] = useState<Linked[]>([]);
  const [suggestions, setSuggestions] = useState<IncidentSuggestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const ids = linkedIncidentIds(await api.activity(conversationId));
        const [incidents, suggested] = await Promise.all([Promise.all(ids.map((id) => api.incident(id))), api.incidentSuggestions(conversationId)]);
        if (!current) return;
        setLinked(incidents.map((i) => ({ id: i.id, title: i.title, status: i.status })));
        setSuggestions(suggested);
        setError(null);
      } catch (e) {
        if (current) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => void (current = false);
  }, [conversationId, version]);

  async function link(incident: IncidentSummary) {
    setBusy(incident.id);
    setError(null);
    try {
      await api.linkIncident(incident.id, [conversationId]);
      incidentsChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  if (linked.length === 0 && suggestions.length === 0 && !error) return null;
  return (
    <section class="incidents-panel" aria-label="Incidents">
      <h4>Incidents</h4>
      {error && <p class="error" role="alert">{error}</p>}
      {linked.length > 0 && (
        <ul class="linked">
          {linked.map((i) => (
            <li key={i.id}>
              <a href={`/incidents/${i.id}`} onClick={(e) => (e.preventDefault(), navigate(`/incidents/${i.id}`))}>
                {i.title}
              </a>{' '}
              <span class={`tag incident-${i.status}`}>{i.status}</span>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <>
          <p class="muted">May be one of these:</p>
          <ul class="suggestions">
            {suggestions.map((s) => (
              <li key={s.incident.id}>
                <span class="title">{s.incident.title}</span>{' '}
                <span class="muted" title="Words of the title the customer used">
                  ({s.keywords.join(', ')})
                </span>{' '}
                <button type="button" disabled={busy !== null} aria-label={`Link to ${s.incident.title}`} onClick={() => void link(s.incident)}>
                  Link
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
