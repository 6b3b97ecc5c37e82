// Small display helpers shared by the screens.

// Plain symbols every system font has (no colour emoji: headless and minimal Linux desktops lack those fonts).
export const channelIcons: Record<string, string> = { email: '✉', telegram: '✈', webchat: '❝', api: '⚙' };

export function channelIcon(channel: string): string {
  return channelIcons[channel] ?? '•';
}

export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  return timeAgo(new Date(Date.now() - seconds * 1000).toISOString());
}

export function clock(iso: string): string {
  return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
