// What an agent sees of a conversation's SLA in the list: the nearest running deadline as a countdown, coloured as it
// nears, "breached" once a promise was broken (final), "paused" while pending or snoozed (docs/sla.md).
import { signal } from '@preact/signals';
import type { Sla } from './api/types';

export type SlaLevel = 'ok' | 'warn' | 'risk' | 'breached' | 'paused';

export interface SlaBadge {
  label: string;
  level: SlaLevel;
  title: string;
}

const names: Record<string, string> = { firstResponse: 'first response', nextResponse: 'next response', resolution: 'resolution' };

/** The badge for a conversation's promises at `now` (ms); null when it has none. */
export function slaBadge(sla: Sla | null | undefined, now: number): SlaBadge | null {
  if (!sla) return null;
  const dues: [string, string | null][] = [
    ['firstResponse', sla.firstResponseDue],
    ['nextResponse', sla.nextResponseDue],
    ['resolution', sla.resolutionDue],
  ];
  const running = dues.filter((d): d is [string, string] => d[1] !== null).map(([kind, at]) => ({ kind, at: Date.parse(at) }));
  running.sort((a, b) => a.at - b.at);
  const next = running[0];
  // A deadline passed on this screen before the server said so is broken all the same.
  const overdue = running.filter((r) => r.at <= now).map((r) => r.kind);
  const breaches = [...sla.breaches, ...overdue.filter((k) => !sla.breaches.includes(k as (typeof sla.breaches)[number]))];
  if (breaches.length > 0) {
    return { label: 'breached', level: 'breached', title: `SLA breached: ${breaches.map((b) => names[b] ?? b).join(', ')}` };
  }

  if (!next) {
    return sla.paused ? { label: 'paused', level: 'paused', title: 'SLA clocks paused while pending or snoozed' } : null;
  }

  const minutes = Math.ceil((next.at - now) / 60_000);
  const label = minutes < 60 ? `${minutes}m` : minutes < 1440 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${Math.floor(minutes / 1440)}d`;
  const level: SlaLevel = minutes <= 15 ? 'risk' : minutes <= 60 ? 'warn' : 'ok';
  return { label, level, title: `${names[next.kind]} due ${new Date(next.at).toLocaleString()}` };
}

/** The clock the countdowns are drawn at, ticking every 5 seconds while the app is open. */
export const now = signal(Date.now());
if (typeof setInterval === 'function' && typeof window !== 'undefined') {
  setInterval(() => (now.value = Date.now()), 5_000);
}
