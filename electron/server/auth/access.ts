// Who may run which command. Every handler declares its access; the registry
// checks it on every call through every door (IPC, CLI, tests) before anything runs.

import { USER_ROLES } from '../../../db/schema';

export type Role = (typeof USER_ROLES)[number];
export { USER_ROLES };

/** Record and correct the books. */
export const RECORDERS: readonly Role[] = ['treasurer', 'secretary', 'chair'];
/** Read the whole association's books (officers and coordinators never change them). */
export const READERS: readonly Role[] = [...RECORDERS, 'officer', 'coordinator'];
/** Manage who may use the books. */
export const ADMINS: readonly Role[] = ['treasurer', 'chair'];
/** Everyone signed in. */
export const EVERYONE: readonly Role[] = [...READERS, 'member'];

export type Access =
  /** Anyone at the laptop, signed in or not (signing in, creating a new association). */
  | { readonly public: true }
  | {
      readonly roles: readonly Role[];
      /** The member role may also call it, for the member named by this input field being themself. */
      readonly ownMember?: string;
    };

export const PUBLIC: Access = { public: true };

/** What a role may do, for the UI to show only what will work (the server still checks every call). */
export interface Capabilities {
  readonly record: boolean;
  readonly readBooks: boolean;
  readonly manageUsers: boolean;
  readonly readAudit: boolean;
}

export function capabilitiesOf(role: Role): Capabilities {
  return {
    record: RECORDERS.includes(role),
    readBooks: READERS.includes(role),
    manageUsers: ADMINS.includes(role),
    readAudit: role !== 'member',
  };
}
