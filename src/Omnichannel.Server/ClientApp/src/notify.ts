// Desktop notification and a short chime when a conversation is assigned to me. Agents can turn it off (kept in
// localStorage); the browser asks for notification permission the first time it is turned on.
import { signal } from '@preact/signals';

const key = 'omnichannel.notify';
export const notifyEnabled = signal(localStorage.getItem(key) !== 'off');

export async function setNotify(on: boolean): Promise<void> {
  notifyEnabled.value = on;
  localStorage.setItem(key, on ? 'on' : 'off');
  if (on && 'Notification' in window && Notification.permission === 'default') {
    await Notification.requestPermission();
  }
}

/** Browsers ask only from a user's gesture: signing in is one (alerts are on unless the agent turned them off). */
export function askPermissionOnce(): void {
  if (notifyEnabled.value && 'Notification' in window && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}

export function notifyAssignment(title: string, body: string, onClick: () => void): void {
  if (!notifyEnabled.value) return;
  chime();
  if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
    const n = new Notification(title, { body, tag: 'omnichannel-assignment' });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  }
}

let audio: AudioContext | null = null;

/** Two soft sine tones; no audio file to fetch. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.15, start + i * 0.15 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.15 + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.15);
      osc.stop(start + i * 0.15 + 0.32);
    }
  } catch {
    // No audio (autoplay policy before any click): the notification is enough.
  }
}
