// Builds what Electron runs: the renderer (vite) into dist/renderer, and the main
// process, preload and ledger worker (esbuild) into dist-electron, with the
// migrations beside them so they ship inside the app archive.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-electron');

if (!process.argv.includes('--skip-renderer')) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

rmSync(out, { recursive: true, force: true });
// The shell always passes the migrations folder, so db/open.ts never needs import.meta here.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning', define: { 'import.meta.url': 'undefined' } };
await build({ ...common, entryPoints: [join(root, 'electron/main/main.ts')], outfile: join(out, 'main.cjs'), external: ['electron'] });
// The sandboxed preload may require only 'electron': everything else is bundled in.
await build({ ...common, entryPoints: [join(root, 'electron/preload/preload.ts')], outfile: join(out, 'preload.cjs'), external: ['electron'] });
await build({ ...common, entryPoints: [join(root, 'electron/server/worker/entry.ts')], outfile: join(out, 'ledger-worker.cjs'), external: ['better-sqlite3', 'pdfmake', 'exceljs', '@duckdb/node-api'] });
cpSync(join(root, 'db/migrations'), join(out, 'migrations'), { recursive: true });
console.log(process.argv.includes('--skip-renderer') ? 'Built dist-electron.' : 'Built dist/renderer and dist-electron.');
