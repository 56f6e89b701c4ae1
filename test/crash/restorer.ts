// The child of the restore crash test: restores two whole-file backups in turn, as
// the laptop's administrator, as fast as it can, saying which one after each, until
// it is killed.

import { createServer } from '../../electron/server/server';
import { administratorDoor } from '../helpers/ledger';

const [file, ...backups] = process.argv.slice(2);
if (!file || backups.length === 0) {
  process.stderr.write('usage: restorer.ts <ledger> <backup> [<backup> …]\n');
  process.exit(2);
}
let server = createServer(file);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const backup = backups[i % backups.length]!;
  const admin = administratorDoor(() => server);
  const r = admin.call('ledger-backup-restore', { file: backup, confirm: true });
  if (!r.ok) {
    process.stderr.write(`restore refused: ${r.error.code}\n`);
    process.exit(1);
  }
  process.stdout.write(`restored ${i % backups.length}\n`);
  if (i % 5 === 4) {
    // Now and then the app restarts too.
    server.close();
    server = createServer(file);
  }
}
