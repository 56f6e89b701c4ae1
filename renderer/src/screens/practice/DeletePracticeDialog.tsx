// Asks before a practice group is deleted, saying what goes and what stays; then
// deletes it (its own officers from its banner, the laptop's administrator from theirs).

import { useTranslation } from 'react-i18next';
import type { AssociationView } from '../../../../electron/server/contract';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/fields';
import { useCommand } from '../../hooks';

interface DeletePracticeDialogProps {
  readonly association: Pick<AssociationView, 'id' | 'name'>;
  readonly onClose: () => void;
  readonly onDeleted: (name: string) => void;
}

export function DeletePracticeDialog({ association, onClose, onDeleted }: DeletePracticeDialogProps) {
  const { t } = useTranslation();
  const command = useCommand();

  async function remove() {
    const deleted = await command.run('practice-delete', { associationId: association.id, confirm: true });
    if (deleted) onDeleted(deleted.name);
  }

  return (
    <Dialog title={t('practice.deleteTitle')} onClose={onClose}>
      <p>{t('practice.deleteExplain', { name: association.name })}</p>
      <FormError message={command.errorOutside([])} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="button button--danger" disabled={command.busy} onClick={() => void remove()}>{t('practice.deleteConfirm')}</button>
      </div>
    </Dialog>
  );
}
