// The server's layout, checked: each feature has one folder; features depend on the
// core beneath them and on each other without a cycle; the core never reaches up
// into a feature. (README, "Layout".)

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = resolve(__dirname, '../../electron/server');

/** The feature folders, each one feature's handlers, rules and views. */
export const FEATURES = ['access', 'accounts', 'associations', 'backups', 'cycles', 'exchange', 'grants', 'history', 'livestock', 'loans', 'home', 'meetings', 'members', 'practice', 'programme', 'reports', 'shareouts', 'statements'];
/** The core every feature stands on. */
const CORE_FOLDERS = ['auth', 'funds', 'integrity', 'journal', 'locale', 'messages', 'money'];
/** What joins the features into one server (may import anything). */
const COMPOSITION = ['handlers.ts', 'server.ts', 'contract.ts', 'async-commands.ts', 'worker'];

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level part of the server a file belongs to: a folder, or a core file. */
function partOf(file: string): string {
  return relative(SERVER, file).split(/[/\\]/)[0]!;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!)).filter((p) => p.startsWith(SERVER));
}

const edges = new Map<string, Set<string>>();
for (const file of sources(SERVER)) {
  const from = partOf(file);
  for (const target of importsOf(file)) {
    const to = partOf(target.endsWith('.ts') ? target : `${target}.ts`).replace(/\.ts$/, '');
    const fromPart = from.replace(/\.ts$/, '');
    if (to !== fromPart) edges.set(fromPart, new Set([...(edges.get(fromPart) ?? []), to]));
  }
}

describe('the server’s layout', () => {
  it('has exactly the feature folders the README names, and nothing else beside the core', () => {
    const folders = readdirSync(SERVER).filter((n) => statSync(join(SERVER, n)).isDirectory()).sort();
    expect(folders).toEqual([...FEATURES, ...CORE_FOLDERS, 'worker'].sort());
  });

  it('keeps the core free of features', () => {
    const core = [...CORE_FOLDERS, ...readdirSync(SERVER).filter((n) => n.endsWith('.ts') && !COMPOSITION.includes(n)).map((n) => n.replace(/\.ts$/, ''))];
    const upward = core.flatMap((part) => [...(edges.get(part) ?? [])].filter((to) => FEATURES.includes(to)).map((to) => `${part} → ${to}`));
    expect(upward).toEqual([]);
  });

  it('has no cycle between features', () => {
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (!FEATURES.includes(next)) continue;
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const feature of FEATURES) visit(feature, [feature]);
    expect([...new Set(cycles)]).toEqual([]);
  });
});
