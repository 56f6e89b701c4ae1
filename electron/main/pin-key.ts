// The laptop's PIN key (the pepper, electron/server/auth/pepper.ts), kept in the
// app-data folder, never in the ledger. Where the system offers a key store
// (Windows DPAPI, the macOS keychain, the Linux secret service) it is encrypted with
// Electron's safeStorage, so a copy of the app-data folder does not hold it in clear.
// A key that cannot be read is kept aside and a new one made (see pepper.ts).

import { safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keyFromText, newPepperKey, setAside, writeKeyFile } from '../server/auth/pepper';

function readSealed(file: string): Buffer | null {
  try {
    return keyFromText(safeStorage.decryptString(readFileSync(file)));
  } catch {
    // Sealed by a key store this user no longer has.
    return null;
  }
}

export function loadPinKey(folder: string): Buffer {
  const sealedFile = join(folder, 'ikimina-pin.key.enc');
  const plainFile = join(folder, 'ikimina-pin.key');
  const canSeal = safeStorage.isEncryptionAvailable();
  if (canSeal && existsSync(sealedFile)) {
    const key = readSealed(sealedFile);
    if (key) return key;
    setAside(sealedFile);
  }
  // Without a key store a sealed key stays where it is, for when the store is back.
  const plain = readPlain(plainFile);
  const key = plain ?? newPepperKey();
  if (canSeal) {
    // Moved into the key store (or made there); the file in clear goes once the sealed one is written.
    if (!writeKeyFile(sealedFile, safeStorage.encryptString(key.toString('hex')))) return loadPinKey(folder);
    if (plain) rmSync(plainFile);
    return key;
  }
  if (!plain && !writeKeyFile(plainFile, key.toString('hex'))) return loadPinKey(folder);
  return key;
}

/** The key in clear, or null when there is none; one that cannot be read is kept aside. */
function readPlain(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  const key = keyFromText(readFileSync(file, 'utf8'));
  if (!key) setAside(file);
  return key;
}
