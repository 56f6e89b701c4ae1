// The laptop's PIN key (the pepper, electron/server/auth/pepper.ts), kept in the
// app-data folder, never in the ledger. Where the system offers a key store
// (Windows DPAPI, the macOS keychain, the Linux secret service) it is encrypted with
// Electron's safeStorage, so a copy of the app-data folder does not hold it in clear.

import { safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function loadPinKey(folder: string): Buffer {
  const sealed = join(folder, 'ikimina-pin.key.enc');
  const plain = join(folder, 'ikimina-pin.key');
  const canSeal = safeStorage.isEncryptionAvailable();
  if (existsSync(sealed)) return Buffer.from(safeStorage.decryptString(readFileSync(sealed)), 'hex');
  if (existsSync(plain)) {
    const key = Buffer.from(readFileSync(plain, 'utf8').trim(), 'hex');
    // A key store has become available: move the key into it.
    if (canSeal) {
      writeFileSync(sealed, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
      rmSync(plain);
    }
    return key;
  }
  const key = randomBytes(32);
  if (canSeal) writeFileSync(sealed, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
  else writeFileSync(plain, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}
