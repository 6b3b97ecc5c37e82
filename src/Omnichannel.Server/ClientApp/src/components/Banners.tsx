// The connection banner: shown while the hub is reconnecting (events are replayed when it is back).
import { hubStatus } from '../state/session';

export function Banners() {
  const status = hubStatus.value;
  if (status === 'connected' || status === 'connecting') return null;
  return (
    <div class="banner banner-warn" role="status" data-testid="reconnect-banner">
      {status === 'reconnecting' ? 'Connection lost — reconnecting… (nothing is missed: updates are replayed once back)' : 'Disconnected. Reload the page to reconnect.'}
    </div>
  );
}
