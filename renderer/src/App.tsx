// Which screen to show: the first-start wizard, the association chooser, signing in,
// the association's books with their sections, or the laptop administrator's
// screen. The app locks itself after a few minutes without use, and every signed-in
// screen shows a warning when the books no longer pass their checks.

import { Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, Result, RestoreResult, WhoIsSignedIn } from '../../electron/server/contract';
import { dropMeetingDrafts } from './meeting-drafts';
import { call, ledger } from './api';
import { useErrorText, useIdleLock, useLedgerHealth, useRoute, type Route } from './hooks';
import { Wizard } from './screens/Wizard';
import { ChooseAssociation } from './screens/ChooseAssociation';
import { SignIn } from './screens/SignIn';
import { Layout } from './screens/Layout';
import { Home } from './screens/Home';
import { Members } from './screens/Members';
import { Settings } from './screens/Settings';
import { BACKUPS_HREF } from './screens/Backups';
import { History } from './screens/History';
import { Meetings } from './screens/Meetings';
import { Reports } from './screens/Reports';
import { Loans } from './screens/Loans';
import { Livestock } from './screens/livestock/Livestock';
import { Grants } from './screens/grants/Grants';
import { AdministratorSignIn } from './screens/administrator/AdministratorSignIn';
import { Administrator } from './screens/administrator/Administrator';
import { WHOLE_FILE_BACKUPS_ID } from './screens/administrator/WholeFileBackups';
import { HealthBanner } from './components/HealthBanner';
import { CoordinatorSignIn } from './screens/programme/CoordinatorSignIn';
import { prefetchLaterScreens, Programme } from './lazy-screens';
import { PracticeStart } from './screens/practice/PracticeStart';
import { PracticeBanner } from './screens/practice/PracticeBanner';

const CURRENT_KEY = 'ikimina.association';
/** Where a coordinator signs in again (after signing out or the lock), with the administrator's door behind it. */
const COORDINATOR_DOOR = { kind: 'coordinator-sign-in', back: { kind: 'administrator-sign-in', back: null } } as const;
/** The app locks itself after this long without a key press or a click. */
export const IDLE_LOCK_MINUTES = 5;

type View =
  | { kind: 'loading' }
  /** The laptop's first start: the first association, its treasurer and the laptop's administrator. */
  | { kind: 'wizard' }
  /** At first start, trying Ikimina with a practice group first. */
  | { kind: 'practice' }
  | { kind: 'choose' }
  | { kind: 'sign-in'; association: AssociationView; lockedUserId?: string }
  /** `programme`: a coordinator reading an imported group, who goes back to the programme page. */
  | { kind: 'books'; association: AssociationView; who: WhoIsSignedIn; programme?: WhoIsSignedIn }
  | { kind: 'administrator-sign-in'; back: View | null }
  | { kind: 'administrator'; who: WhoIsSignedIn }
  /** The laptop's administrator adds an association. */
  | { kind: 'add-association'; who: WhoIsSignedIn }
  | { kind: 'coordinator-sign-in'; back: View }
  /** A programme coordinator: imported groups, imports and their reports. */
  | { kind: 'programme'; who: WhoIsSignedIn };

/** The screen recorded with each change in the history (a section of the books, or one of these). */
const SCREEN_OF: Record<Exclude<View['kind'], 'books'>, string> = {
  loading: 'loading', wizard: 'wizard', practice: 'wizard', choose: 'choose', 'sign-in': 'sign-in',
  'administrator-sign-in': 'sign-in', administrator: 'administrator', 'add-association': 'wizard',
  'coordinator-sign-in': 'sign-in', programme: 'programme',
};

export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const route = useRoute();
  const [associations, setAssociations] = useState<readonly AssociationView[]>([]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  /** Shown on the sign-in (or choose) screen until someone signs in: after a restore, where the books as they were are kept. */
  const [signInNotice, setSignInNotice] = useState<ReactNode>(null);
  /** The association the administrator just added, to say so on their screen. */
  const [addedAssociation, setAddedAssociation] = useState<string | null>(null);
  /** Whether the laptop has named its administrator (then the first start is over, whatever books it holds). */
  const [administratorNamed, setAdministratorNamed] = useState(true);

  const open = useCallback(async (association: AssociationView, session?: Result<WhoIsSignedIn | null>) => {
    localStorage.setItem(CURRENT_KEY, association.id);
    const who = session ?? (await call('session-get', {}));
    if (who.ok && who.value && who.value.user.associationId === association.id) setView({ kind: 'books', association, who: who.value });
    else setView({ kind: 'sign-in', association });
  }, []);

  const load = useCallback(async () => {
    const [r, administrators, session] = await Promise.all([call('association-list', {}), call('administrator-list', {}), call('session-get', {})]);
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setAssociations(r.value);
    setAdministratorNamed(!administrators.ok || administrators.value.length > 0);
    if (session.ok && session.value?.user.role === 'administrator') {
      setView({ kind: 'administrator', who: session.value });
      return;
    }
    const remembered = r.value.find((a) => a.id === localStorage.getItem(CURRENT_KEY));
    // No association yet: the very first start, unless the laptop already has its administrator (who adds one).
    if (r.value.length === 0) setView(administrators.ok && administrators.value.length > 0 ? { kind: 'administrator-sign-in', back: null } : { kind: 'wizard' });
    else if (remembered) await open(remembered, session);
    else if (r.value.length === 1) await open(r.value[0]!, session);
    else setView({ kind: 'choose' });
  }, [errorText, open]);

  useEffect(() => {
    void load();
  }, [load]);

  // Once the first screen is up, the later screens' chunks come in the background.
  useEffect(() => {
    if (view.kind !== 'loading') prefetchLaterScreens();
  }, [view.kind === 'loading']);

  useEffect(() => {
    void ledger.setScreen(view.kind === 'books' ? route : SCREEN_OF[view.kind]);
  }, [route, view.kind]);

  const administering = view.kind === 'administrator' || view.kind === 'add-association';
  const signOutAdministrator = useCallback(async () => {
    await call('session-sign-out', {});
    setAddedAssociation(null);
    await load();
  }, [load]);
  const lock = useCallback(async () => {
    if (view.kind === 'administrator' || view.kind === 'add-association') {
      await signOutAdministrator();
      return;
    }
    // A coordinator (reading an imported group or the programme) signs in again as themself (the group's people have no PIN here).
    if (view.kind === 'programme' || (view.kind === 'books' && view.programme)) {
      await call('session-sign-out', {});
      setView(COORDINATOR_DOOR);
      return;
    }
    if (view.kind !== 'books') return;
    await call('session-sign-out', {});
    setView({ kind: 'sign-in', association: view.association, lockedUserId: view.who.user.userId });
  }, [view, signOutAdministrator]);
  useIdleLock(view.kind === 'books' || view.kind === 'programme' || administering, IDLE_LOCK_MINUTES, lock);

  // Asked after every sign-in (a new key) and every minute while signed in.
  const health = useLedgerHealth(
    view.kind === 'books' ? `${view.association.id}:${view.who.user.userId}` : administering ? `administrator:${view.who.user.userId}` : null,
  );

  /** After a restore everyone concerned signs in again; the sign-in screen says what happened. */
  const afterRestore = useCallback(
    (notice: ReactNode) => {
      setSignInNotice(notice);
      setAddedAssociation(null);
      setView({ kind: 'loading' });
      void load();
    },
    [load],
  );
  const wholeFileRestored = (result: RestoreResult, label: string) =>
    afterRestore(
      <div className="notice" role="status">
        <p>{t('administrator.restored', { from: label })}</p>
        <p>{t('administrator.keptAside')}</p>
        <p className="file-path">{result.keptAside}</p>
      </div>,
    );
  const toAdministratorSignIn = () => setView({ kind: 'administrator-sign-in', back: view });

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (view.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  /** The books of an association just made (or a practice group), signed in at Home. */
  const openNew = (a: AssociationView, who: WhoIsSignedIn | null) => {
    setAssociations((list) => [...list, a]);
    localStorage.setItem(CURRENT_KEY, a.id);
    window.location.hash = '#/home';
    setView(who ? { kind: 'books', association: a, who } : { kind: 'sign-in', association: a });
  };
  // No real books and no administrator yet (perhaps a practice group): the first start's wizard is still open to anyone.
  const setUp = !administratorNamed && associations.every((a) => a.practice) ? () => setView({ kind: 'wizard' }) : undefined;
  if (view.kind === 'practice') {
    return <PracticeStart onStarted={openNew} onBack={() => setView({ kind: 'wizard' })} />;
  }
  if (view.kind === 'wizard') {
    return (
      <Wizard
        firstStart
        onPractice={() => setView({ kind: 'practice' })}
        onCreated={openNew}
        // From a practice group's sign-in, back to it.
        onCancel={associations.length > 0 ? () => void load() : undefined}
      />
    );
  }
  if (view.kind === 'add-association') {
    const { who } = view;
    return (
      <Wizard
        firstStart={false}
        onCreated={(a) => {
          setAssociations((list) => [...list, a]);
          setAddedAssociation(a.name);
          setView({ kind: 'administrator', who });
        }}
        onCancel={() => setView({ kind: 'administrator', who })}
      />
    );
  }
  if (view.kind === 'coordinator-sign-in') {
    const { back } = view;
    return <CoordinatorSignIn onBack={() => setView(back)} onSignedIn={(who) => setView({ kind: 'programme', who })} />;
  }
  if (view.kind === 'programme') {
    const { who } = view;
    return (
      <Suspense fallback={<p className="muted" role="status">{t('common.loading')}</p>}>
      <Programme
        who={who}
        onSignOut={() => void call('session-sign-out', {}).then(() => setView(COORDINATOR_DOOR))}
        onOpenGroup={(signedIn) => {
          void call('association-get', { associationId: signedIn.user.associationId }).then((a) => {
            if (!a.ok) return;
            window.location.hash = '#/home';
            setView({ kind: 'books', association: a.value, who: { user: signedIn.user, can: signedIn.can }, programme: who });
          });
        }}
      />
      </Suspense>
    );
  }
  if (view.kind === 'administrator-sign-in') {
    const { back } = view;
    return (
      <AdministratorSignIn
        onCoordinator={() => setView({ kind: 'coordinator-sign-in', back: view })}
        onBack={back ? () => setView(back) : undefined}
        onSignedIn={(who) => {
          setSignInNotice(null);
          setView({ kind: 'administrator', who });
        }}
      />
    );
  }
  if (view.kind === 'administrator') {
    const { who } = view;
    return (
      <Administrator
        who={who}
        health={health}
        banner={<HealthBanner health={health.health} who={who} onAcknowledged={health.show} backupsHref={`#${WHOLE_FILE_BACKUPS_ID}`} historyHref={null} />}
        addedAssociation={addedAssociation}
        onSignOut={() => void signOutAdministrator()}
        onAddAssociation={() => {
          setAddedAssociation(null);
          setView({ kind: 'add-association', who });
        }}
        onRestored={wholeFileRestored}
      />
    );
  }
  if (view.kind === 'choose') {
    return <ChooseAssociation associations={associations} notice={signInNotice} onChoose={(a) => void open(a)} onAdministrator={toAdministratorSignIn} onSetUp={setUp} />;
  }
  if (view.kind === 'sign-in') {
    return (
      <SignIn
        association={view.association}
        lockedUserId={view.lockedUserId}
        canSwitch={associations.length > 1}
        notice={signInNotice}
        onSetUp={setUp}
        onSwitchAssociation={() => setView({ kind: 'choose' })}
        onAdministrator={toAdministratorSignIn}
        onSignedIn={(who) => {
          setSignInNotice(null);
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
      screen = <Meetings association={association} canRecord={who.can.record} canShareOut={who.can.manageUsers} userId={who.user.userId} />;
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
          onRestored={(notice) => afterRestore(<p className="notice" role="status">{notice}</p>)}
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
        if (view.programme) {
          setView({ kind: 'programme', who: view.programme });
          return;
        }
        dropMeetingDrafts(association.id, who.user.userId);
        await call('session-sign-out', {});
        setView({ kind: 'sign-in', association });
      }}
      banner={
        <>
        {view.programme ? (
          <p className="notice" role="status">
            {t('programme.readingGroup', { name: association.name })}{' '}
            <button type="button" className="link" onClick={() => setView({ kind: 'programme', who: view.programme! })}>{t('programme.back')}</button>
          </p>
        ) : null}
        {association.practice ? (
          <PracticeBanner
            association={association}
            who={who}
            onDeleted={(name) => {
              localStorage.removeItem(CURRENT_KEY);
              dropMeetingDrafts(association.id, who.user.userId);
              setSignInNotice(<p className="notice" role="status">{t('practice.deleted', { name })}</p>);
              setView({ kind: 'loading' });
              void load();
            }}
          />
        ) : null}
        <HealthBanner
          health={health.health}
          who={who}
          onAcknowledged={health.show}
          backupsHref={who.can.manageUsers ? BACKUPS_HREF : null}
          historyHref={who.can.readAudit ? '#/history' : null}
        />
        </>
      }
    >
      {screen}
    </Layout>
  );
}
