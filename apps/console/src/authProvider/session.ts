/** The signed-in session, kept in localStorage so a reload stays signed in until the token expires. */
export interface Session {
  accessToken: string;
  /** ISO 8601 instant after which the API refuses the token. */
  expiresAt: string;
}

const KEY = 'xuanpin.session';

export function readSession(now: Date = new Date()): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'string') return null;
    if (!(Date.parse(session.expiresAt) > now.getTime())) return null;
    return session;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  globalThis.localStorage?.removeItem(KEY);
}

/** True when a session was stored, expired or not (an expired one deserves a notice). */
export function hasStoredSession(): boolean {
  return !!globalThis.localStorage?.getItem(KEY);
}
