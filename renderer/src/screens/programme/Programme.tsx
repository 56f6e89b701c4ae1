// The coordinator's page: the programme at a glance (indicators, trend, groups
// needing a visit) and the imports that feed it. A group opens its books, read-only.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn, WhoIsSignedIn } from '../../../../electron/server/contract';
import { TopBar } from '../../components/TopBar';
import { call } from '../../api';
import { useErrorText } from '../../hooks';
import { ProgrammeOverview } from './ProgrammeOverview';
import { ProgrammeImports } from './ProgrammeImports';

interface ProgrammeProps {
  readonly who: WhoIsSignedIn;
  readonly onOpenGroup: (signedIn: SignedIn) => void;
  readonly onSignOut: () => void;
}

export function Programme({ who, onOpenGroup, onSignOut }: ProgrammeProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [tab, setTab] = useState<'overview' | 'imports'>('overview');
  const [error, setError] = useState<string | null>(null);
  // Bumped after an import or a decision: the overview reads the summary again.
  const [changes, setChanges] = useState(0);

  async function open(groupId: string) {
    const r = await call('coordinator-open-group', { groupId });
    if (r.ok) onOpenGroup(r.value);
    else setError(errorText(r.error));
  }

  return (
    <div className="layout layout--single">
      <TopBar who={who}>
        <button type="button" className="button button--secondary button--small" onClick={onSignOut}>{t('programme.signOut')}</button>
      </TopBar>
      <main id="main" className="content content--wide programme" tabIndex={-1} aria-labelledby="programme-title">
        <h1 id="programme-title">{t('programme.title')}</h1>
        <div className="tabs no-print" role="group" aria-label={t('programme.views')}>
          <button type="button" className={`tab${tab === 'overview' ? ' tab--current' : ''}`} aria-pressed={tab === 'overview'} onClick={() => setTab('overview')}>
            {t('programme.overviewTab')}
          </button>
          <button type="button" className={`tab${tab === 'imports' ? ' tab--current' : ''}`} aria-pressed={tab === 'imports'} onClick={() => setTab('imports')}>
            {t('programme.importsTab')}
          </button>
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        {tab === 'overview'
          ? <ProgrammeOverview changes={changes} onOpenGroup={(id) => void open(id)} />
          : <ProgrammeImports onOpenGroup={(id) => void open(id)} onChanged={() => setChanges((n) => n + 1)} />}
      </main>
    </div>
  );
}
