// Incident helpers as pure functions of the server's answers.
import type { Activity, IncidentSummary } from '../../api/types';

/** The incidents a conversation is linked to now, from its activity (links and unlinks in order), oldest link first. */
export function linkedIncidentIds(activity: readonly Activity[]): string[] {
  const linked = new Set<string>();
  for (const entry of activity) {
    if (!entry.incidentId) continue;
    if (entry.type === 'conversation.incident_linked') linked.add(entry.incidentId);
    else if (entry.type === 'conversation.incident_unlinked') linked.delete(entry.incidentId);
  }
  return [...linked];
}

/** The incidents list: open ones first (newest first, as the server sends them), then resolved ones. */
export function openFirst(incidents: readonly IncidentSummary[]): IncidentSummary[] {
  return [...incidents.filter((i) => i.status === 'open'), ...incidents.filter((i) => i.status !== 'open')];
}
