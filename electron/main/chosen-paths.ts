// Paths the person picked in a file dialog stay here, in the main process: the page
// gets an opaque token and a name to show. A call from the page that names a file or
// folder must carry such a token; a path typed into it (by a page that was tricked,
// or by someone at the developer tools) is refused. No `electron` import: the test
// harness uses the same class.

import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

export interface ChosenPath {
  /** What the page passes back in `file` or `folder`. */
  readonly token: string;
  /** The file or folder's own name, to show. */
  readonly label: string;
}

const TOKEN = /^chosen:[0-9a-f]{32}$/;
const PATH_FIELDS = ['file', 'folder'] as const;
/** Fields holding a list of paths (the files of an import): each must be a token. */
const PATH_LIST_FIELDS = ['files'] as const;

export class ChosenPaths {
  private readonly paths = new Map<string, string>();

  remember(path: string): ChosenPath {
    const token = `chosen:${randomBytes(16).toString('hex')}`;
    this.paths.set(token, path);
    return { token, label: basename(path) || path };
  }

  /**
   * The input with each token in `file`, `folder` or `files` replaced by its path;
   * null when such a field holds anything but tokens this process handed out.
   */
  resolve(input: unknown): unknown {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
    const fields = input as Record<string, unknown>;
    const resolved: Record<string, unknown> = { ...fields };
    for (const key of PATH_FIELDS) {
      if (!(key in fields) || fields[key] === undefined) continue;
      const path = this.pathOf(fields[key]);
      if (path === undefined) return null;
      resolved[key] = path;
    }
    for (const key of PATH_LIST_FIELDS) {
      if (!(key in fields) || fields[key] === undefined) continue;
      const list = fields[key];
      if (!Array.isArray(list)) return null;
      const paths = list.map((v) => this.pathOf(v));
      if (paths.some((p) => p === undefined)) return null;
      resolved[key] = paths;
    }
    return resolved;
  }

  private pathOf(value: unknown): string | undefined {
    return typeof value === 'string' && TOKEN.test(value) ? this.paths.get(value) : undefined;
  }

  forget(): void {
    this.paths.clear();
  }
}

/** The answer to a call whose file or folder was not chosen in a dialog. */
export const NOT_CHOSEN = {
  ok: false as const,
  error: { code: 'file-not-chosen', messageKey: 'errors.file-not-chosen', params: {}, message: 'Choose the file or folder with the button: Ikimina does not take a typed path.' },
};
