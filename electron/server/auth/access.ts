// Who may run which command. Every handler declares its access; the registry
// checks it on every call through every door (IPC, CLI, tests) before anything runs.

import { USER_ROLES } from '../../../db/schema';

/** An association's roles, and the laptop's administrator (who belongs to no association). */
export type Role = (typeof USER_ROLES)[number] | 'administrator';
export { USER_ROLES };

/** Back up, restore or add to the whole file: the laptop's administrator only. */
export const LAPTOP_ADMIN: readonly Role[] = ['administrator'];

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
      /** Only a programme coordinator of the laptop (not an association's user with the coordinator role). */
      readonly programme?: boolean;
      /**
       * The laptop's administrator (when among the roles) may name any association of
       * the laptop here; everyone else stays inside their own. Declared per handler.
       */
      readonly administratorAnyAssociation?: boolean;
    };

export const PUBLIC: Access = { public: true };

/** What a role may do, for the UI to show only what will work (the server still checks every call). */
export interface Capabilities {
  readonly record: boolean;
  readonly readBooks: boolean;
  readonly manageUsers: boolean;
  readonly readAudit: boolean;
  /** The whole file: backups of every association, restoring it, adding an association. */
  readonly manageLaptop: boolean;
}

export function capabilitiesOf(role: Role): Capabilities {
  return {
    record: RECORDERS.includes(role),
    readBooks: READERS.includes(role),
    manageUsers: ADMINS.includes(role),
    readAudit: role !== 'member' && role !== 'administrator',
    manageLaptop: role === 'administrator',
  };
}

/** Who may import and read imported books, and see the programme: a coordinator of this laptop, never an association's user with the coordinator role. */
export const PROGRAMME: Access = { roles: ['coordinator'], programme: true };
