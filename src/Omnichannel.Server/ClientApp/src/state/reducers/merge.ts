// A contact merge applied to what the web app holds, as a pure function (state/merge.ts applies it).
import type { Conversation } from '../../api/types';
import type { ContactMergedEvent } from '../../hub/agentHub';

export type Merged = Pick<ContactMergedEvent, 'contactId' | 'fromId' | 'conversationIds'>;

export interface MergeTarget {
  known: ReadonlyMap<string, Conversation>;
  open: Conversation | null;
}

/** The moved conversations (the old contact's, and those named) now show the surviving contact. */
export function reduceContactMerged(target: MergeTarget, merged: Merged): MergeTarget {
  const moved = new Set(merged.conversationIds);
  const belongs = (c: Conversation) => c.contactId === merged.fromId || moved.has(c.id);
  let known = target.known;
  for (const c of target.known.values()) {
    if (belongs(c) && c.contactId !== merged.contactId) {
      if (known === target.known) known = new Map(known);
      (known as Map<string, Conversation>).set(c.id, { ...c, contactId: merged.contactId });
    }
  }
  const open = target.open && belongs(target.open) ? { ...target.open, contactId: merged.contactId } : target.open;
  return { known, open };
}
