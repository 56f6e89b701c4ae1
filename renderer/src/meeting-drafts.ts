// Where a meeting sheet is kept while it is typed: on this laptop, one per
// association and per person, so nobody else who signs in finds someone's
// half-typed sheet; the person's own drafts go when they sign out.

const PREFIX = 'ikimina.meeting-draft.';

export function meetingDraftKey(associationId: string, userId: string): string {
  return `${PREFIX}${associationId}.${userId}`;
}

/** Signing out (Switch user) drops the person's drafts; locking keeps them for when they come back. */
export function dropMeetingDrafts(associationId: string, userId: string): void {
  localStorage.removeItem(meetingDraftKey(associationId, userId));
  // Drafts kept before they were per person.
  localStorage.removeItem(`${PREFIX}${associationId}`);
}
