// Which screen to show: the first-run wizard, the association chooser, or the
// association's books with their sections.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../electron/server/contract';
import { call } from './api';
import { useErrorText, useRoute } from './hooks';
import { Wizard } from './screens/Wizard';
import { ChooseAssociation } from './screens/ChooseAssociation';
import { Layout } from './screens/Layout';
import { Home } from './screens/Home';
import { Members } from './screens/Members';
import { Settings } from './screens/Settings';
import { ComingSoon } from './screens/ComingSoon';

const CURRENT_KEY = 'ikimina.association';

type View = { kind: 'loading' } | { kind: 'wizard'; first: boolean } | { kind: 'choose' } | { kind: 'books'; association: AssociationView };

export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const route = useRoute();
  const [associations, setAssociations] = useState<readonly AssociationView[]>([]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);

  const open = useCallback((association: AssociationView) => {
    localStorage.setItem(CURRENT_KEY, association.id);
    setView({ kind: 'books', association });
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
    else if (remembered) open(remembered);
    else if (r.value.length === 1) open(r.value[0]!);
    else setView({ kind: 'choose' });
  }, [errorText, open]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (view.kind === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (view.kind === 'wizard') {
    return (
      <Wizard
        onCreated={(a) => {
          setAssociations((list) => [...list, a]);
          window.location.hash = '#/home';
          open(a);
        }}
        onCancel={view.first ? undefined : () => void load()}
      />
    );
  }
  if (view.kind === 'choose') {
    return <ChooseAssociation associations={associations} onChoose={open} onAdd={() => setView({ kind: 'wizard', first: false })} />;
  }

  const { association } = view;
  let screen;
  switch (route) {
    case 'home':
      screen = <Home association={association} />;
      break;
    case 'members':
      screen = <Members association={association} />;
      break;
    case 'settings':
      screen = (
        <Settings
          association={association}
          onChanged={open}
          onAddAssociation={() => setView({ kind: 'wizard', first: false })}
          onLedgerSwitched={() => {
            localStorage.removeItem(CURRENT_KEY);
            setView({ kind: 'loading' });
            void load();
          }}
        />
      );
      break;
    default:
      screen = <ComingSoon section={route} />;
  }
  return (
    <Layout association={association} route={route} canSwitch={associations.length > 1} onSwitchAssociation={() => setView({ kind: 'choose' })}>
      {screen}
    </Layout>
  );
}
