// The architecture's boundaries are lint rules; this checks the rules themselves
// fire, so a broken config cannot silently let a forbidden import through.

import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(__dirname, '../..') });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '../..', file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('architecture boundaries', () => {
  it('refuses electron outside the shell', async () => {
    expect(await restrictedImports('electron/server/members/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedImports('db/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedImports('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(0);
    expect(await restrictedImports('electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toBe(0);
  });

  it('refuses Node, the database and server code in the renderer, but allows the contract types and formatting', async () => {
    const forbidden = [
      "import fs from 'node:fs';", "import fs from 'fs';", "import Database from 'better-sqlite3';", "import { eq } from 'drizzle-orm';",
      "import { createServer } from '../../electron/server/server';", "import { openLedger } from '../../db/open';", "import { app } from 'electron';",
    ];
    for (const line of forbidden) expect(await restrictedImports('renderer/src/x.ts', `${line}\nexport {};\n`), line).toBe(1);
    const allowed = [
      "import type { MemberView } from '../../electron/server/contract';",
      "import { formatAmount } from '../../electron/server/money/money';",
      "import { formatDate } from '../../electron/server/locale/dates';",
      "import en from '../../electron/server/messages/en.json';",
      "import type { LedgerServer } from '../../electron/server/server';",
    ];
    for (const line of allowed) expect(await restrictedImports('renderer/src/x.ts', `${line}\nexport {};\n`), line).toBe(0);
  });
});
