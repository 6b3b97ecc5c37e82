// The shell: the login screen until signed in, then the top bar, the banners and the screen the route names.
import { useEffect } from 'preact/hooks';
import { Banners } from './components/Banners';
import { CommandBar } from './components/CommandBar';
import { TopBar } from './components/TopBar';
import { BoardScreen } from './screens/BoardScreen';
import { IncidentScreen } from './screens/IncidentScreen';
import { IncidentsScreen } from './screens/IncidentsScreen';
import { InboxScreen } from './screens/InboxScreen';
import { LoginScreen } from './screens/LoginScreen';
import { startLiveUpdates } from './live';
import { navigate, route } from './state/router';
import { isLead, me, sessionChecked } from './state/session';

export function App() {
  const agent = me.value;
  const current = route.value;
  const checked = sessionChecked.value;
  useEffect(() => (agent ? startLiveUpdates() : undefined), [agent]);
  useEffect(() => {
    if (checked && !agent && current.name !== 'login') navigate('/login', true);
    if (agent && current.name === 'login') navigate('/', true);
  }, [checked, agent, current]);

  if (!checked) return <p class="loading">Loading…</p>;
  if (!agent) return <LoginScreen />;
  if (current.name === 'login') return null;

  return (
    <div class="shell">
      <TopBar />
      <Banners />
      <CommandBar />
      <Screen />
    </div>
  );
}

function Screen() {
  const current = route.value;
  if (current.name === 'board' && isLead()) return <BoardScreen />;
  if (current.name === 'incidents') return <IncidentsScreen />;
  if (current.name === 'incident') return <IncidentScreen incidentId={current.incidentId} />;
  return <InboxScreen conversationId={current.name === 'inbox' ? current.conversationId : null} />;
}
