// Incidents change on the server (IncidentUpdated on the hub, or a conversation.incident_linked event): screens that
// show them read `incidentsVersion` and fetch again when it moves.
import { signal } from '@preact/signals';

export const incidentsVersion = signal(0);

export function incidentsChanged(): void {
  incidentsVersion.value++;
}
