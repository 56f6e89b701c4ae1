// The one error type that crosses the server boundary. It carries a stable code
// (kebab-case), the translation key the UI shows, the values the message needs, and
// the input field it concerns, so the UI can put the sentence next to that field.
// Nothing else ever leaves a handler: no raw exceptions, no stack traces.

export type ErrorParams = Readonly<Record<string, string | number>>;

export class LedgerError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly field: string | undefined;

  constructor(code: string, params: ErrorParams = {}, field?: string) {
    super(code);
    this.name = 'LedgerError';
    this.code = code;
    this.params = params;
    this.field = field;
  }

  get messageKey(): string {
    return messageKeyOf(this.code);
  }

  /** The same error, said about a particular input field. */
  atField(field: string): LedgerError {
    return new LedgerError(this.code, this.params, field);
  }
}

export function messageKeyOf(code: string): string {
  return `errors.${code}`;
}

export interface ErrorResult {
  readonly code: string;
  readonly messageKey: string;
  readonly params: ErrorParams;
  readonly field?: string;
  /** The message in English, for logs and the command line. */
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorResult };
