// Wires the hub's events to the state modules for as long as someone is signed in.
import { effect } from '@preact/signals';
import type { InboxEvent } from './hub/agentHub';
import { notifyAssignment } from './notify';
import { learnName, loadAgents } from './state/agents';
import { contactName, wantContact } from './state/contacts';
import { applyContactMerged } from './state/merge';
import { applyConversationEvent, applyTyping, applyViewers, openId, rejoin, reloadConversation } from './state/conversation';
import { incidentsChanged } from './state/incidents';
import { applyInboxEvent, isNewAssignment, loadInbox } from './state/inbox';
import { navigate } from './state/router';
import { hubStatus, onHub } from './state/session';

export function startLiveUpdates(): () => void {
  void loadInbox();
  void loadAgents().catch(() => undefined);
  let previous = hubStatus.value;
  const stopStatus = effect(() => {
    const now = hubStatus.value;
    if (previous === 'reconnecting' && now === 'connected') rejoin();
    previous = now;
  });
  const stopHub = onHub({
    event: (e: InboxEvent) => {
      applyInboxEvent(e, openId.value);
      applyConversationEvent(e);
      if (e.message?.authorKind === 'agent') learnName(e.message.authorId, e.message.authorName);
      if (e.conversation) wantContact(e.conversation.contactId);
      if (e.type === 'conversation.incident_linked') incidentsChanged();
      if (isNewAssignment(e) && e.conversation) {
        const c = e.conversation;
        notifyAssignment('New conversation assigned to you', c.subject ?? (contactName(c.contactId) || c.channel), () => navigate(`/c/${c.id}`));
      }
    },
    viewers: (v) => {
      for (const viewer of v.viewers) learnName(viewer.agentId, viewer.name);
      applyViewers(v.conversationId, v.viewers);
    },
    typing: (t) => {
      learnName(t.agentId, t.name);
      applyTyping(t);
    },
    contactMerged: applyContactMerged,
    incidentUpdated: incidentsChanged,
    reload: () => {
      void loadInbox();
      incidentsChanged();
      void reloadConversation();
    },
  });
  return () => {
    stopStatus();
    stopHub();
  };
}
