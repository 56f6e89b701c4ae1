// Meetings: start a cycle if there is none, hold a new meeting, see past ones
// (as minutes) and correct them.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationView, MeetingView } from '../../../electron/server/contract';
import { useCommand, useQuery } from '../hooks';
import { SelectField } from '../components/fields';
import { date, money } from '../format';
import { CycleForm } from './CycleForm';
import { CycleOpening } from './CycleOpening';
import { MeetingSheet } from './MeetingSheet';
import { MeetingSummary } from './MeetingSummary';
import { ShareOut } from './ShareOut';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'rules' } | { kind: 'share-out' } | { kind: 'summary'; meeting: MeetingView } | { kind: 'correct'; meeting: MeetingView };

export function Meetings({ association, canRecord, canShareOut, userId }: { readonly association: AssociationView; readonly canRecord: boolean; readonly canShareOut: boolean; readonly userId: string }) {
  const { t } = useTranslation();
  // '#/meetings/new' (Home's "Record a meeting") opens a new sheet at once.
  const [view, setView] = useState<View>(() => (canRecord && !association.readOnly && window.location.hash === '#/meetings/new' ? { kind: 'new' } : { kind: 'list' }));
  useEffect(() => {
    // Opened once: a reload after the meeting is closed shows the list, not a new sheet.
    if (window.location.hash === '#/meetings/new') window.history.replaceState(null, '', '#/meetings');
  }, []);
  const { data: cycles, reload: reloadCycles } = useQuery('cycle-list', { associationId: association.id }, [association.id]);
  const [shownCycleId, setShownCycleId] = useState('');
  // The meetings of one cycle: the current one unless an earlier one is chosen.
  const listedCycleId = shownCycleId || cycles?.[0]?.id;
  const { data: meetings, reload } = useQuery('meeting-list', cycles ? { associationId: association.id, ...(listedCycleId ? { cycleId: listedCycleId } : {}) } : null, [association.id, view.kind, listedCycleId]);
  const { data: members } = useQuery('member-list', { associationId: association.id, status: 'active' }, [association.id, view.kind]);
  const { data: loans } = useQuery('loan-list', { associationId: association.id }, [association.id, view.kind]);
  const borrowers = new Set((loans ?? []).filter((l) => l.status === 'disbursed').map((l) => l.memberId));
  const open = useCommand();
  const cycle = cycles?.[0];
  const rules = cycle?.rules.at(-1)?.rules;

  async function show(meetingId: string) {
    const meeting = await open.run('meeting-get', { associationId: association.id, meetingId });
    if (meeting) setView({ kind: 'summary', meeting });
  }

  if (!cycles) return null;
  if (!cycle || !rules) {
    return (
      <section aria-labelledby="meetings-title">
        <h1 id="meetings-title">{t('nav.meetings')}</h1>
        {canRecord ? <CycleForm association={association} onCreated={() => reloadCycles()} /> : <p className="notice">{t('cycle.none')}</p>}
      </section>
    );
  }
  if (view.kind === 'share-out') {
    return <ShareOut association={association} cycle={cycle} userId={userId} canPost={canShareOut} onBack={() => {
      reloadCycles();
      setView({ kind: 'list' });
    }} />;
  }
  // A cycle shared out is closed: the next one starts here.
  if (cycle.status === 'closed') {
    return (
      <section aria-labelledby="meetings-title">
        <h1 id="meetings-title">{t('nav.meetings')}</h1>
        <p className="notice" data-testid="cycle-closed">{t('shareOut.cycleClosed', { name: cycle.name, date: date(cycle.endsOn) })}</p>
        <p><button type="button" className="button button--secondary" onClick={() => setView({ kind: 'share-out' })}>{t('shareOut.open')}</button></p>
        {canRecord && !association.readOnly ? <CycleForm association={association} template={cycle} onCreated={() => reloadCycles()} /> : null}
      </section>
    );
  }
  if (view.kind === 'rules') {
    return (
      <section aria-labelledby="meetings-title">
        <h1 id="meetings-title">{t('nav.meetings')}</h1>
        <CycleForm association={association} changing={cycle} onCancel={() => setView({ kind: 'list' })} onCreated={() => {
          reloadCycles();
          setView({ kind: 'list' });
        }} />
      </section>
    );
  }
  if (view.kind === 'new' || view.kind === 'correct') {
    // The sheet starts from the members: it waits for them.
    if (!members) return null;
    const correcting = view.kind === 'correct' ? view.meeting : undefined;
    return (
      <MeetingSheet
        association={association}
        userId={userId}
        rules={correcting ? (cycle.rules.filter((v) => v.effectiveFrom <= correcting.date).at(-1) ?? cycle.rules[0]!).rules : rules}
        members={members}
        borrowers={borrowers}
        correcting={correcting}
        onCancel={() => setView(correcting ? { kind: 'summary', meeting: correcting } : { kind: 'list' })}
        onDone={(meeting) => setView({ kind: 'summary', meeting })}
      />
    );
  }
  if (view.kind === 'summary') {
    return <MeetingSummary association={association} meeting={view.meeting} canRecord={canRecord} onCorrect={() => setView({ kind: 'correct', meeting: view.meeting })} onBack={() => {
      setView({ kind: 'list' });
      reload();
    }} />;
  }
  return (
    <section aria-labelledby="meetings-title">
      <div className="section-head">
        <h1 id="meetings-title">{t('nav.meetings')}</h1>
        {canRecord && !association.readOnly ? <button type="button" className="button" onClick={() => setView({ kind: 'new' })}>{t('meeting.new')}</button> : null}
      </div>
      <p className="muted">{t('cycle.current', { name: cycle.name, from: date(cycle.startsOn), to: date(cycle.endsOn) })}</p>
      <CycleOpening association={association} cycle={cycle} />
      {cycle.rules.length > 1 ? (
        <p className="muted" data-testid="rule-versions">{t('cycle.versions', { dates: cycle.rules.map((v) => date(v.effectiveFrom)).join(', ') })}</p>
      ) : null}
      <p className="actions actions--start">
        {canRecord && !association.readOnly ? (
          <button type="button" className="button button--small button--secondary" onClick={() => setView({ kind: 'rules' })}>{t('cycle.change')}</button>
        ) : null}
        <button type="button" className="button button--small button--secondary" data-testid="open-share-out" onClick={() => setView({ kind: 'share-out' })}>{t('shareOut.open')}</button>
      </p>
      {cycles && cycles.length > 1 ? (
        <div className="filters">
          <SelectField label={t('meeting.ofCycle')} name="cycle" value={listedCycleId ?? ''} onChange={setShownCycleId}
            options={cycles.map((c) => ({ value: c.id, label: `${c.name} (${date(c.startsOn)} – ${date(c.endsOn)})` }))} />
        </div>
      ) : null}
      {meetings && meetings.length === 0 ? <p className="empty">{t('meeting.none')}</p> : null}
      {meetings && meetings.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('nav.meetings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.date')}</th>
                <th scope="col" className="num">{t('meeting.came')}</th>
                <th scope="col" className="num">{t('meeting.total')}</th>
                <th scope="col" className="num">{t('meeting.difference')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{date(m.date)}{m.corrected ? ` · ${t('meeting.corrected')}` : ''}</th>
                  <td className="num">{m.present}</td>
                  <td className="num">{money(m.total, association.currency)}</td>
                  <td className="num">{money(m.boxDifference, association.currency)}</td>
                  <td className="row-actions">
                    <button type="button" className="button button--small button--secondary" onClick={() => void show(m.id)}>{t('meeting.open')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
