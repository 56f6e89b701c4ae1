// Generates a programme's groups as .ikimina files, for the exchange bench
// (`npm run bench -- --exchange-from=DIR`) and the programme view's demo:
//
//   npx tsx test/bench/generate.ts --groups=1294 --years=5 --out=DIR [--jobs=2] [--from=1]
//
// Group number n (1, 2, …) is test/bench/exchange.ts generateGroup's index n − 1, always
// the same books for the same number, written to DIR/group-0000n.ikimina. Groups whose
// file is already there are skipped, so an interrupted run picks up where it stopped
// (a file is only given its name once whole). `--from=K` starts at group number K (to
// share a programme between machines); `--jobs` child processes generate in parallel,
// each in its own scratch folder, and the parent prints the progress.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { generateGroup } from './exchange';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const whole = (name: string, fallback?: number): number => {
  const text = option(name);
  const value = text === undefined ? fallback : Number(text);
  if (value === undefined || !Number.isInteger(value) || value < 1) throw new Error(`--${name}=<a whole number ≥ 1> is needed${text === undefined ? '' : ` (not "${text}")`}`);
  return value;
};

/** The file of group number n (1-based). */
const groupFile = (out: string, n: number): string => join(out, `group-${String(n).padStart(5, '0')}.ikimina`);

/** Moves a finished export to its name in one step: a file with that name is always whole. */
function place(exported: string, target: string): void {
  try {
    renameSync(exported, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    // Another file system: copied under a name the import does not read, then renamed there.
    const partial = `${target}.partial`;
    copyFileSync(exported, partial);
    renameSync(partial, target);
    rmSync(exported);
  }
}

/**
 * A child: generates the given group numbers one after the other, a line on stdout for
 * each. A group is made in one synchronous stretch; asked to stop (Ctrl-C, or the parent
 * stopping), the child finishes the group it is making and stops before the next.
 */
async function child(out: string, years: number, numbers: readonly number[]): Promise<void> {
  let stopping = false;
  process.on('SIGINT', () => (stopping = true));
  process.on('SIGTERM', () => (stopping = true));
  const work = mkdtempSync(join(tmpdir(), 'ikimina-generate-'));
  try {
    for (const n of numbers) {
      // Let a stop request in between groups.
      await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
      if (stopping) break;
      const target = groupFile(out, n);
      if (existsSync(target)) continue;
      const started = performance.now();
      const exported = join(work, 'out');
      mkdirSync(exported, { recursive: true });
      try {
        place(generateGroup(work, exported, n - 1, years), target);
        process.stdout.write(`${JSON.stringify({ done: n, ms: Math.round(performance.now() - started) })}\n`);
      } catch (err) {
        // One group that cannot be made does not stop the others (the job ends in failure).
        process.stderr.write(`group ${n} (generateGroup index ${n - 1}) failed: ${(err as Error).stack ?? String(err)}\n`);
        process.exitCode = 1;
        rmSync(exported, { recursive: true, force: true });
      }
      // The scratch ledger (and its WAL) is not needed once exported.
      for (const name of readdirSync(work)) if (name.startsWith(`group-${n - 1}.sqlite`)) rmSync(join(work, name), { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function parent(): Promise<void> {
  const groups = whole('groups');
  const years = whole('years', 5);
  const jobs = whole('jobs', 2);
  const from = whole('from', 1);
  const outText = option('out');
  if (!outText) throw new Error('--out=<folder> is needed');
  const out = resolve(outText);
  mkdirSync(out, { recursive: true });
  // What an interrupted copy left behind (never read by the import: it does not end in .ikimina).
  for (const name of readdirSync(out)) if (name.endsWith('.ikimina.partial')) rmSync(join(out, name), { force: true });

  const wanted = Array.from({ length: groups }, (_, k) => from + k);
  const todo = wanted.filter((n) => !existsSync(groupFile(out, n)));
  const skipped = wanted.length - todo.length;
  process.stdout.write(`generating ${todo.length} of groups ${from}–${from + groups - 1} (${years} years each) into ${out}` +
    `${skipped > 0 ? `; ${skipped} already there` : ''}; ${Math.min(jobs, todo.length)} job(s)\n`);
  if (todo.length === 0) return;

  const started = performance.now();
  let done = 0;
  let busyMs = 0;
  const script = fileURLToPath(import.meta.url);
  const children = Array.from({ length: Math.min(jobs, todo.length) }, (_, j) => {
    const mine = todo.filter((_, k) => k % jobs === j);
    // The same Node, with the same loader flags (tsx's), running this file as a child.
    const proc = spawn(process.execPath, [...process.execArgv, script, '--child', `--out=${out}`, `--years=${years}`, `--numbers=${mine.join(',')}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (!line.startsWith('{"done":')) {
        process.stdout.write(`  [job ${j + 1}] ${line}\n`);
        return;
      }
      const report = JSON.parse(line) as { done: number; ms: number };
      done++;
      busyMs += report.ms;
      const elapsed = (performance.now() - started) / 1000;
      const left = ((todo.length - done) * elapsed) / done;
      if (done % 10 === 0 || done === todo.length || done <= jobs) {
        process.stdout.write(`  ${done} of ${todo.length} groups (group ${report.done} took ${(report.ms / 1000).toFixed(1)} s; ` +
          `${(busyMs / done / 1000).toFixed(2)} s a group in a job; ${elapsed.toFixed(0)} s so far, about ${left.toFixed(0)} s left)\n`);
      }
    });
    return { proc, exited: new Promise<number>((resolveExit) => proc.on('close', (code) => resolveExit(code ?? 1))) };
  });
  const procs = children.map((c) => c.proc);
  // Stopped: each job finishes the group it is making (a few seconds) and stops.
  let stopped = false;
  const stopAll = () => {
    if (!stopped) process.stderr.write('stopping: each job finishes the group it is making; run the same command again to go on\n');
    stopped = true;
    for (const proc of procs) proc.kill('SIGTERM');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  const codes = await Promise.all(children.map((c) => c.exited));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${done} groups generated in ${seconds.toFixed(1)} s (${(seconds / Math.max(done, 1)).toFixed(2)} s a group overall, ` +
    `${(busyMs / Math.max(done, 1) / 1000).toFixed(2)} s in a job)\n`);
  if (stopped) {
    process.exitCode = 130;
  } else if (codes.some((c) => c !== 0)) {
    process.stderr.write(`a job failed (exit codes ${codes.join(', ')}): run the same command again to go on from where it stopped\n`);
    process.exitCode = 1;
  }
}

if (args.includes('--child')) {
  const out = option('out')!;
  child(out, whole('years', 5), (option('numbers') ?? '').split(',').filter(Boolean).map(Number)).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
} else {
  parent().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
