// The public HTTP API over fetch: the bearer token of this tab's session, problem+json errors,
// and a 401 that sends the page back to sign-in.
const SESSION_KEY = 'lifestyle.session';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const title = problem?.title || (status ? `Request failed (${status})` : 'The API cannot be reached.');
    super(title);
    this.status = status;
    this.title = title;
    this.detail = problem?.detail || '';
    this.code = problem?.code || '';
    this.errors = problem?.errors || null;
    this.retryAfter = retryAfter;
  }
}

export const session = {
  get() {
    try {
      const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      return s?.token && !(s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) ? s : null;
    } catch {
      return null;
    }
  },
  set(token, userId, expiresAt) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, userId, expiresAt }));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

let unauthorized = () => {};

/** Called with 'rejected' (the API answered 401) or 'expired' (the token's time is up). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

export async function api(method, path, { body, headers = {}, anonymous = false } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (!anonymous) {
    const s = session.get();
    if (!s) {
      unauthorized('expired');
      throw new ApiError(401, { title: 'Signed out.', detail: 'The session has expired: sign in again.' });
    }
    h.Authorization = `Bearer ${s.token}`;
  }

  let response;
  try {
    response = await fetch(path, {
      method, headers: h, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: String(e?.message || e) });
  }

  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && !anonymous) unauthorized('rejected');
    throw new ApiError(response.status, data, Number(response.headers.get('Retry-After')) || 0);
  }
  return { data, status: response.status, stale: response.headers.get('Lifestyle-Consistency') === 'stale' };
}

/** The claims of a JWT, or null; only to show who is signed in and until when, never to trust. */
export function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

export function idempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}
