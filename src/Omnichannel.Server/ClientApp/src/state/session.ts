// Who is signed in, the hub connection and the agent's own availability.
import { signal } from '@preact/signals';
import { ApiError, setUnauthorizedHandler } from '../api/http';
import { api } from '../api/rest';
import type { Agent, Availability } from '../api/types';
import { AgentHubClient, type HubHandlers, type HubStatus } from '../hub/agentHub';
import { navigate } from './router';

export const me = signal<Agent | null>(null);
export const hubStatus = signal<HubStatus>('connecting');
export const availability = signal<Availability>('offline');
export const sessionChecked = signal(false);

let hub: AgentHubClient | null = null;

export const isLead = (agent: Agent | null = me.value): boolean => agent?.role === 'lead' || agent?.role === 'admin';

export function currentHub(): AgentHubClient | null {
  return hub;
}

/** Screens register their live handlers here; the hub client calls all of them. */
const listeners = new Set<Partial<HubHandlers>>();

export function onHub(handlers: Partial<HubHandlers>): () => void {
  listeners.add(handlers);
  return () => listeners.delete(handlers);
}

function fanOut<K extends keyof HubHandlers>(name: K): HubHandlers[K] {
  return ((arg: never) => {
    for (const l of listeners) l[name]?.(arg);
  }) as HubHandlers[K];
}

export async function restoreSession(): Promise<void> {
  try {
    await startSession(await api.me());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) console.error(error);
  } finally {
    sessionChecked.value = true;
  }
}

export async function startSession(agent: Agent): Promise<void> {
  me.value = agent;
  hub = new AgentHubClient({
    event: fanOut('event'),
    typing: fanOut('typing'),
    presence: fanOut('presence'),
    viewers: fanOut('viewers'),
    boardChanged: fanOut('boardChanged'),
    contactMerged: fanOut('contactMerged'),
    incidentUpdated: fanOut('incidentUpdated'),
    reload: fanOut('reload'),
    status: (s) => (hubStatus.value = s),
  });
  const presence = api.presence().then((p) => (availability.value = p.availability)).catch(() => undefined);
  try {
    await hub.start();
  } catch (error) {
    // The first connection failed (server restarting?): show the banner and try again shortly.
    console.warn('hub start failed', error);
    hubStatus.value = 'reconnecting';
    setTimeout(() => void retryStart(), 3000);
  }

  await presence;
}

async function retryStart(): Promise<void> {
  if (!hub || hub.state === 'connected') return;
  try {
    await hub.start();
    fanOut('reload')();
  } catch {
    setTimeout(() => void retryStart(), 5000);
  }
}

export async function setAvailability(value: Availability): Promise<void> {
  const presence = await api.setAvailability(value);
  availability.value = presence.availability;
}

export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  endSession();
}

function endSession(): void {
  void hub?.stop();
  hub = null;
  me.value = null;
  navigate('/login', true);
}

setUnauthorizedHandler(() => {
  if (me.value) endSession();
});
