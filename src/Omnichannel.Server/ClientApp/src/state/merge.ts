// A contact merge (ours or another agent's, pushed as ContactMerged): the moved conversations now belong to the
// surviving contact, so the list, the open conversation and the contact panel show it without a reload.
import { wantContact } from './contacts';
import { conversation } from './conversation';
import { known } from './inbox';
import { type Merged, reduceContactMerged } from './reducers/merge';

export function applyContactMerged(merged: Merged): void {
  const next = reduceContactMerged({ known: known.value, open: conversation.value }, merged);
  known.value = next.known;
  conversation.value = next.open;
  // Both afresh: the survivor has new identities and conversations; the old id now answers as the survivor.
  wantContact(merged.contactId, true);
  wantContact(merged.fromId, true);
}
