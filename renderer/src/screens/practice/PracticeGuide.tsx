// Home of a practice group: the first meeting, step by step, each ticked once the
// books show it done, and what to do when the practice is over.

import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../../electron/server/contract';
import { useQuery } from '../../hooks';
import { practiceSteps } from '../../practice-guide';

export function PracticeGuide({ association }: { readonly association: AssociationView }) {
  const { t } = useTranslation();
  const { data: meetings } = useQuery('meeting-list', { associationId: association.id }, [association.id]);
  if (!meetings) return null;
  return (
    <section className="practice-guide" aria-labelledby="practice-guide-title">
      <h2 id="practice-guide-title">{t('practice.guideTitle')}</h2>
      <ol>
        {practiceSteps(meetings.length).map(({ step, done, now }) => (
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
