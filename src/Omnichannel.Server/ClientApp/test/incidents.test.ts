import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Activity, IncidentSummary } from '../src/api/types';
import { linkedIncidentIds, openFirst } from '../src/state/reducers/incidents';
import { at } from './fixtures';

const entry = (type: string, incidentId?: string): Activity => ({ type, at, incidentId });

function summary(id: string, status: 'open' | 'resolved'): IncidentSummary {
  return { id, title: id, status, createdAt: at, createdBy: 'lead', resolvedAt: null, trackerUrl: null, conversationCount: 1, openConversationCount: 1 };
}

describe('incidents in the web app', () => {
  it('reads the linked incidents from the activity: linked, unlinked and linked again, in link order', () => {
    const activity = [
      entry('conversation.assigned'),
      entry('conversation.incident_linked', 'i1'),
      entry('conversation.incident_linked', 'i2'),
      entry('conversation.incident_unlinked', 'i1'),
      entry('conversation.incident_linked', 'i3'),
      entry('conversation.incident_linked', 'i1'),
    ];
    assert.deepEqual(linkedIncidentIds(activity), ['i2', 'i3', 'i1']);
    assert.deepEqual(linkedIncidentIds([entry('incident.replied', 'i9')]), []);
  });

  it('lists open incidents before resolved ones, keeping the server order within each', () => {
    const list = [summary('a', 'resolved'), summary('b', 'open'), summary('c', 'resolved'), summary('d', 'open')];
    assert.deepEqual(openFirst(list).map((i) => i.id), ['b', 'd', 'a', 'c']);
  });
});
