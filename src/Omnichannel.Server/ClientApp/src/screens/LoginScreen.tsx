// Sign in with email and password (cookie session).
import { useState } from 'preact/hooks';
import { api } from '../api/rest';
import { askPermissionOnce } from '../notify';
import { navigate } from '../state/router';
import { startSession } from '../state/session';

export function LoginScreen() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const agent = await api.login(email, password);
      askPermissionOnce();
      navigate('/', true);
      await startSession(agent);
    } catch (err) {
      setError(err instanceof Error && err.message !== 'Unauthorized' ? err.message : 'Wrong email or password.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Omnichannel</h1>
        <p class="muted">Sign in to your inbox</p>
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
