// Home of a practice group: the first meeting, step by step, each ticked once the
// books show it done, and what to do when the practice is over.

import { useTranslation } from 'react-i18next';
import { practiceSteps } from '../../practice-guide';

/** `meetingHeld`: the books hold a closed meeting (Home's to-do already knows the last one). */
export function PracticeGuide({ meetingHeld }: { readonly meetingHeld: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="practice-guide" aria-labelledby="practice-guide-title">
      <h2 id="practice-guide-title">{t('practice.guideTitle')}</h2>
      <ol>
        {practiceSteps(meetingHeld).map(({ step, done, now }) => (
          <li key={step} className={done ? 'is-done' : now ? 'is-current' : ''} aria-current={now ? 'step' : undefined}>
            {t(`practice.${step}`, { button: t('home.goMeetings') })}
            {done ? <span className="practice-guide__done"> ✓ <span className="visually-hidden">{t('practice.done')}</span></span> : null}
          </li>
        ))}
      </ol>
      <p className="muted">{t('practice.whenReady')}</p>
    </section>
  );
}
