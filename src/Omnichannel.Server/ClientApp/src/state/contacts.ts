// Contact names for the list (the list API carries only contact ids): fetched once each, a few at a time.
import { signal } from '@preact/signals';
import { api } from '../api/rest';
import type { Contact } from '../api/types';

export const contacts = signal<ReadonlyMap<string, Contact>>(new Map());

const requested = new Set<string>();
const pending: string[] = [];
let running = 0;
const parallel = 4;

export function contactName(id: string): string {
  const contact = contacts.value.get(id);
  return contact?.name || contact?.email || contact?.identities[0]?.value || '';
}

export function wantContact(id: string, refresh = false): void {
  if (requested.has(id) && !refresh) return;
  requested.add(id);
  pending.push(id);
  pump();
}

function pump(): void {
  while (running < parallel && pending.length > 0) {
    const id = pending.shift()!;
    running++;
    api
      .contact(id)
      .then((contact) => {
        const map = new Map(contacts.value);
        map.set(id, contact);
        contacts.value = map;
      })
      .catch(() => undefined)
      .finally(() => {
        running--;
        pump();
      });
  }
}
