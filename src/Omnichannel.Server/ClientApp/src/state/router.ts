// History-based routes: /login, / (inbox), /c/{id} (inbox with a conversation open), /board (leads), /incidents and
// /incidents/{id}.
// The server answers index.html for every such path (MapFallbackToFile).
import { signal } from '@preact/signals';

export type Route =
  | { name: 'login' }
  | { name: 'inbox'; conversationId: string | null }
  | { name: 'board' }
  | { name: 'incidents' }
  | { name: 'incident'; incidentId: string };

export const route = signal<Route>(parse(location.pathname));

function parse(path: string): Route {
  if (path === '/login') return { name: 'login' };
  if (path === '/board') return { name: 'board' };
  if (path === '/incidents') return { name: 'incidents' };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident) return { name: 'incident', incidentId: decodeURIComponent(incident[1]) };
  const match = /^\/c\/([^/]+)$/.exec(path);
  return { name: 'inbox', conversationId: match ? decodeURIComponent(match[1]) : null };
}

export function navigate(path: string, replace = false): void {
  if (path !== location.pathname) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }

  route.value = parse(path);
}

addEventListener('popstate', () => (route.value = parse(location.pathname)));
