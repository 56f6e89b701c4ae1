// The guided first meeting of a practice group: its steps, and which are done, from
// what the books hold (a closed meeting does the first four).

export const PRACTICE_STEPS = ['step1', 'step2', 'step3', 'step4', 'step5'] as const;
export type PracticeStep = (typeof PRACTICE_STEPS)[number];

/** Each step with whether it is done; the first not done is the one to do now. */
export function practiceSteps(meetingHeld: boolean): { readonly step: PracticeStep; readonly done: boolean; readonly now: boolean }[] {
  const done = (step: PracticeStep) => step !== 'step5' && meetingHeld;
  const next = PRACTICE_STEPS.find((s) => !done(s));
  return PRACTICE_STEPS.map((step) => ({ step, done: done(step), now: step === next }));
}
