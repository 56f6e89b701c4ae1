// Which screen to show: the first-run wizard, the association chooser, signing in,
// or the association's books with their sections. The app locks itself after a
// few minutes without use.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, WhoIsSignedIn } from '../../electron/server/contract';
import { call, ledger } from './api';
import { useErrorText, useIdleLock, useRoute, type Route } from './hooks';
import { Wizard } from './screens/Wizard';
import { ChooseAssociation } from './screens/ChooseAssociation';
import { SignIn } from './screens/SignIn';
import { Layout } from './screens/Layout';
import { Home } from './screens/Home';
import { Members } from './screens/Members';
import { Settings } from './screens/Settings';
import { History } from './screens/History';
import { Meetings } from './screens/Meetings';
import { Reports } from './screens/Reports';
import { Loans } from './screens/Loans';
import { Livestock } from './screens/livestock/Livestock';
import { Grants } from './screens/grants/Grants';

const CURRENT_KEY = 'ikimina.association';
/** The app locks itself after this long without a key press or a click. */
export const IDLE_LOCK_MINUTES = 5;

type View =
  | { kind: 'loading' }
  | { kind: 'wizard'; first: boolean }
  | { kind: 'choose' }
  | { kind: 'sign-in'; association: AssociationView; lockedUserId?: string }
  | { kind: 'books'; association: AssociationView; who: WhoIsSignedIn };

export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const route = useRoute();
  const [associations, setAssociations] = useState<readonly AssociationView[]>([]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(async (association: AssociationView) => {
    localStorage.setItem(CURRENT_KEY, association.id);
    const who = await call('session-get', {});
    if (who.ok && who.value && who.value.user.associationId === association.id) setView({ kind: 'books', association, who: who.value });
    else setView({ kind: 'sign-in', association });
  }, []);

  const load = useCallback(async () => {
    const r = await call('association-list', {});
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setAssociations(r.value);
    const remembered = r.value.find((a) => a.id === localStorage.getItem(CURRENT_KEY));
    if (r.value.length === 0) setView({ kind: 'wizard', first: true });
    else if (remembered) await open(remembered);
    else if (r.value.length === 1) await open(r.value[0]!);
    else setView({ kind: 'choose' });
  }, [errorText, open]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    void ledger.setScreen(view.kind === 'books' ? route : view.kind);
  }, [route, view.kind]);

  const lock = useCallback(async () => {
    if (view.kind !== 'books') return;
    await call('session-sign-out', {});
    setView({ kind: 'sign-in', association: view.association, lockedUserId: view.who.user.userId });
  }, [view]);
  useIdleLock(view.kind === 'books', IDLE_LOCK_MINUTES, lock);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (view.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (view.kind === 'wizard') {
    return (
      <Wizard
        onCreated={(a, who) => {
          setAssociations((list) => [...list, a]);
          localStorage.setItem(CURRENT_KEY, a.id);
          window.location.hash = '#/home';
          setView({ kind: 'books', association: a, who });
        }}
        onCancel={view.first ? undefined : () => void load()}
      />
    );
  }
  if (view.kind === 'choose') {
    return <ChooseAssociation associations={associations} onChoose={(a) => void open(a)} onAdd={() => setView({ kind: 'wizard', first: false })} />;
  }
  if (view.kind === 'sign-in') {
    return (
      <SignIn
        association={view.association}
        lockedUserId={view.lockedUserId}
        canSwitch={associations.length > 1}
        onSwitchAssociation={() => setView({ kind: 'choose' })}
        onSignedIn={(who) => {
          // Someone new starts at Home; someone unlocking goes back to where they were.
          if (who.user.userId !== view.lockedUserId) window.location.hash = '#/home';
          setView({ kind: 'books', association: view.association, who });
        }}
      />
    );
  }

  const { association, who } = view;
  const allowed: readonly Route[] = who.can.readBooks
    ? ['home', 'members', 'meetings', 'loans', 'livestock', 'grants', 'reports', 'history', 'settings']
    : ['home', 'settings'];
  const shown = allowed.includes(route) ? route : 'home';
  let screen;
  switch (shown) {
    case 'home':
      screen = <Home association={association} who={who} />;
      break;
    case 'members':
      screen = <Members association={association} canRecord={who.can.record} />;
      break;
    case 'meetings':
      screen = <Meetings association={association} canRecord={who.can.record} />;
      break;
    case 'loans':
      screen = <Loans association={association} who={who} />;
      break;
    case 'livestock':
      screen = <Livestock association={association} who={who} />;
      break;
    case 'grants':
      screen = <Grants association={association} who={who} />;
      break;
    case 'reports':
      screen = <Reports association={association} />;
      break;
    case 'history':
      screen = <History association={association} />;
      break;
    case 'settings':
      screen = (
        <Settings
          association={association}
          who={who}
          onChanged={(a) => setView({ kind: 'books', association: a, who })}
          onAddAssociation={() => setView({ kind: 'wizard', first: false })}
          onLedgerSwitched={() => {
            localStorage.removeItem(CURRENT_KEY);
            setView({ kind: 'loading' });
            void load();
          }}
        />
      );
      break;
  }
  return (
    <Layout
      association={association}
      who={who}
      route={shown}
      routes={allowed}
      onLock={() => void lock()}
      onSwitchUser={async () => {
        await call('session-sign-out', {});
        setView({ kind: 'sign-in', association });
      }}
    >
      {screen}
    </Layout>
  );
}
