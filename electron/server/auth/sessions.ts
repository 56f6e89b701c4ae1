// Signed-in sessions, kept in memory by the server that issued them: a random
// token stands for a user, and expires after a spell of inactivity. Nothing a
// caller sends can make up a role: it is always read from the users table.

import { randomBytes } from 'node:crypto';
import type { Role } from './access';

export interface SessionUser {
  readonly userId: string;
  readonly associationId: string;
  readonly name: string;
  readonly role: Role;
  readonly memberId: string | null;
  /** A programme coordinator of this laptop (not a user of an association): imports groups' books and reads them. */
  readonly programme?: boolean;
}

/** The server forgets an idle session after this long; the app locks itself sooner. */
export const SESSION_IDLE_MINUTES = 15;

export class SessionStore {
  private readonly sessions = new Map<string, { user: SessionUser; lastSeen: number }>();

  constructor(private readonly now: () => Date) {}

  open(user: SessionUser): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { user, lastSeen: this.now().getTime() });
    return token;
  }

  /** The session's user, or 'expired' / null; touching it keeps it alive. */
  resolve(token: string | undefined): SessionUser | 'expired' | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.now().getTime();
    if (now - session.lastSeen > SESSION_IDLE_MINUTES * 60_000) {
      this.sessions.delete(token);
      return 'expired';
    }
    session.lastSeen = now;
    return session.user;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of a user (PIN reset, deactivation) or of everyone (restore). */
  closeWhere(match: (user: SessionUser) => boolean): void {
    for (const [token, session] of this.sessions) if (match(session.user)) this.sessions.delete(token);
  }
}
