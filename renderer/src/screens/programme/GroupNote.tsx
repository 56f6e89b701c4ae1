// The coordinator's note on an imported group: the project it belongs to and its
// facilitator (the programme view rolls groups up by them). Never part of the group's
// own books.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeGroupRow } from '../../../../electron/server/contract';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/fields';
import { useCommand } from '../../hooks';

export function GroupNote({ group, onClose, onDone }: { readonly group: ProgrammeGroupRow; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [project, setProject] = useState(group.project ?? '');
  const [facilitator, setFacilitator] = useState(group.facilitator ?? '');
  async function save() {
    const done = await command.run('programme-group-note', {
      groupId: group.id, ...(project.trim() ? { project } : {}), ...(facilitator.trim() ? { facilitator } : {}),
    });
    if (done) onDone();
  }
  return (
    <Dialog title={t('programme.noteTitle', { name: group.name })} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField label={t('programme.grouping.project')} name="project" value={project} onChange={setProject} error={command.fieldErrors.project} maxLength={120} autoFocus />
        <TextField label={t('programme.grouping.facilitator')} name="facilitator" value={facilitator} onChange={setFacilitator} error={command.fieldErrors.facilitator} maxLength={120} />
        <FormError message={command.errorOutside(['project', 'facilitator'])} />
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button" disabled={command.busy}>{t('programme.noteSave')}</button>
        </div>
      </form>
    </Dialog>
  );
}
