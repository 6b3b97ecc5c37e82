// fetch with the session cookie, JSON in and out, and problem details turned into errors.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Called on every 401 so the app can show the login screen (the session expired or was revoked). */
let onUnauthorized: () => void = () => {};

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' }, signal };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  const response = await fetch(path, init);
  if (response.status === 401 && path !== '/api/auth/login') {
    onUnauthorized();
  }

  if (!response.ok) {
    throw new ApiError(response.status, await problemText(response));
  }

  if (response.status === 204 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }

  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function problemText(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    const fields = problem.errors ? Object.entries(problem.errors).map(([k, v]) => `${k} ${v.join(' ')}`) : [];
    return [problem.title, problem.detail, ...fields].filter(Boolean).join(' ') || response.statusText;
  } catch {
    return response.status === 429 ? 'Too many requests, try again shortly.' : response.statusText || `HTTP ${response.status}`;
  }
}
