// Navigation, my availability (online / busy / offline), notifications on/off and sign out.
import type { Availability } from '../api/types';
import { notifyEnabled, setNotify } from '../notify';
import { navigate, route } from '../state/router';
import { availability, isLead, me, setAvailability, signOut } from '../state/session';

const choices: Availability[] = ['online', 'busy', 'offline'];

export function TopBar() {
  const current = route.value.name;
  return (
    <header class="topbar">
      <a class="brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
        Omnichannel
      </a>
      <nav aria-label="Screens">
        <a href="/" aria-current={current === 'inbox' ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate('/'))}>
          Inbox
        </a>
        <a
          href="/incidents"
          aria-current={current === 'incidents' || current === 'incident' ? 'page' : undefined}
          onClick={(e) => (e.preventDefault(), navigate('/incidents'))}
        >
          Incidents
        </a>
        {isLead() && (
          <a href="/board" aria-current={current === 'board' ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate('/board'))}>
            Board
          </a>
        )}
      </nav>
      <div class="spacer" />
      <div class="availability" role="radiogroup" aria-label="My availability">
        {choices.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={availability.value === c}
            class={`avail avail-${c}`}
            onClick={() => void setAvailability(c).catch((e) => alert(String(e)))}
          >
            {c}
          </button>
        ))}
      </div>
      <label class="toggle" title="Desktop notification and sound when a conversation is assigned to me">
        <input type="checkbox" checked={notifyEnabled.value} onChange={(e) => void setNotify(e.currentTarget.checked)} />
        Alerts
      </label>
      <span class="who" title={me.value?.email}>
        {me.value?.name} <span class="role">{me.value?.role}</span>
      </span>
      <button type="button" class="link" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
