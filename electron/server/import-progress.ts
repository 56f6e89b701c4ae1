// The import under way, in memory: how far it has come (files, rows, time left) and
// whether the coordinator asked to stop. Read by the progress call while the import
// runs (between two files), never from the books.

export interface ImportProgressView {
  readonly importId: string;
  readonly files: number;
  readonly filesDone: number;
  readonly rows: number;
  readonly current: string | null;
  readonly startedAt: string;
  /** Seconds left, from the pace so far (by bytes); null until one file is done. */
  readonly secondsLeft: number | null;
  readonly cancelling: boolean;
  readonly finished: boolean;
}

export class ImportProgress {
  private state: {
    importId: string; files: number; filesDone: number; rows: number; current: string | null; startedAt: number;
    bytes: number; bytesDone: number; cancelling: boolean; finished: boolean;
  } | null = null;

  start(importId: string, files: number, bytes: number, now: Date): void {
    this.state = { importId, files, filesDone: 0, rows: 0, current: null, startedAt: now.getTime(), bytes, bytesDone: 0, cancelling: false, finished: false };
  }

  working(name: string): void {
    if (this.state) this.state.current = name;
  }

  fileDone(rows: number, bytes: number): void {
    if (!this.state) return;
    this.state.filesDone += 1;
    this.state.rows += rows;
    this.state.bytesDone += bytes;
  }

  finish(): void {
    if (this.state) {
      this.state.finished = true;
      this.state.current = null;
    }
  }

  /** Asks the import to stop before its next file; false when none is running. */
  cancel(): boolean {
    if (!this.state || this.state.finished) return false;
    this.state.cancelling = true;
    return true;
  }

  get cancelled(): boolean {
    return this.state?.cancelling ?? false;
  }

  get running(): boolean {
    return this.state !== null && !this.state.finished;
  }

  view(now: Date): ImportProgressView | null {
    const s = this.state;
    if (!s) return null;
    const elapsed = (now.getTime() - s.startedAt) / 1000;
    const secondsLeft = s.bytesDone > 0 && !s.finished ? Math.round((elapsed * (s.bytes - s.bytesDone)) / s.bytesDone) : null;
    return {
      importId: s.importId, files: s.files, filesDone: s.filesDone, rows: s.rows, current: s.current, startedAt: new Date(s.startedAt).toISOString(),
      secondsLeft, cancelling: s.cancelling, finished: s.finished,
    };
  }
}
