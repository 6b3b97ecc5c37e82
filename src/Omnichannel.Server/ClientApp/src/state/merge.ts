// A contact merge (ours or another agent's, pushed as ContactMerged): the moved conversations now belong to the
// surviving contact, so the list, the open conversation and the contact panel show it without a reload.
import type { Conversation } from '../api/types';
import type { ContactMergedEvent } from '../hub/agentHub';
import { wantContact } from './contacts';
import { conversation } from './conversation';
import { known, upsert } from './inbox';

export function applyContactMerged(merged: Pick<ContactMergedEvent, 'contactId' | 'fromId' | 'conversationIds'>): void {
  const moved = new Set(merged.conversationIds);
  const belongs = (c: Conversation) => c.contactId === merged.fromId || moved.has(c.id);
  for (const c of known.value.values()) {
    if (belongs(c) && c.contactId !== merged.contactId) upsert({ ...c, contactId: merged.contactId });
  }

  const open = conversation.value;
  if (open && belongs(open)) conversation.value = { ...open, contactId: merged.contactId };
  // Both afresh: the survivor has new identities and conversations; the old id now answers as the survivor.
  wantContact(merged.contactId, true);
  wantContact(merged.fromId, true);
}
