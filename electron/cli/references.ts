// In a CLI script a step can use what an earlier step returned: the string "$0.id"
// becomes the id of step 0's result, "$2.postings.1.amount" a nested field; "$PIN"
// becomes the PIN given through IKIMINA_PIN or the prompt, "$NEW_PIN" the PIN being
// given (IKIMINA_NEW_PIN or the prompt), "$CONFIRM_PIN" the PIN of the second officer
// confirming a write-off or a correction (IKIMINA_CONFIRM_PIN or the prompt); "$FILE:receipt.jpg" becomes the file's
// content in base64 (for evidence-attach), in a script and in `call`.

const REFERENCE = /^\$(\d+)((?:\.[A-Za-z0-9_]+)*)$/;

const FILE = /^\$FILE:(.+)$/;

export const PIN_MARK = '$PIN';
export const NEW_PIN_MARK = '$NEW_PIN';
export const CONFIRM_PIN_MARK = '$CONFIRM_PIN';
const MARKS: readonly string[] = [PIN_MARK, NEW_PIN_MARK, CONFIRM_PIN_MARK];

/** The PINs read for this run; a mark whose PIN was not read is an error, never an empty string. */
export interface Secrets {
  readonly pin?: string;
  readonly newPin?: string;
  readonly confirmPin?: string;
}

/** Which of "$PIN", "$NEW_PIN" and "$CONFIRM_PIN" an input (or a whole script) uses, so they are read before anything runs. */
export function secretsUsed(value: unknown): { pin: boolean; newPin: boolean; confirmPin: boolean } {
  const used = { pin: false, newPin: false, confirmPin: false };
  const walk = (v: unknown) => {
    if (v === PIN_MARK) used.pin = true;
    else if (v === NEW_PIN_MARK) used.newPin = true;
    else if (v === CONFIRM_PIN_MARK) used.confirmPin = true;
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return used;
}

/** A key that holds a secret: a PIN, a password or a recovery code. */
const SECRET_KEY = /pin|password|recoverycode/i;

/**
 * The first place where an input given as a command-line argument holds a secret
 * itself rather than "$PIN" or "$NEW_PIN" (as "treasurer.pin"), or null. Arguments
 * are visible to every user of the laptop, so a secret there is refused.
 */
export function secretInArguments(value: unknown, path: readonly string[] = []): string | null {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = secretInArguments(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const here = [...path, key];
    if (SECRET_KEY.test(key) && !(typeof v === 'string' && MARKS.includes(v))) return here.join('.');
    const found = secretInArguments(v, here);
    if (found) return found;
  }
  return null;
}

export function resolveReferences(value: unknown, results: readonly unknown[], secrets: Secrets = {}, readBase64: (path: string) => string = noFiles): unknown {
  if (value === PIN_MARK) return secret(secrets.pin, PIN_MARK);
  if (value === NEW_PIN_MARK) return secret(secrets.newPin, NEW_PIN_MARK);
  if (value === CONFIRM_PIN_MARK) return secret(secrets.confirmPin, CONFIRM_PIN_MARK);
  if (typeof value === 'string' && FILE.test(value)) return readBase64(FILE.exec(value)![1]!);
  if (typeof value === 'string') {
    const m = REFERENCE.exec(value);
    if (!m) return value;
    const step = Number(m[1]);
    if (step >= results.length) throw new Error(`"${value}" refers to step ${step}, which has not run yet`);
    let v: unknown = results[step];
    for (const key of m[2]!.split('.').filter(Boolean)) {
      if (v === null || typeof v !== 'object') throw new Error(`"${value}": step ${step}'s result has no ${key}`);
      v = (v as Record<string, unknown>)[key];
    }
    return v;
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, results, secrets, readBase64));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results, secrets, readBase64)]));
  }
  return value;
}

function secret(value: string | undefined, mark: string): string {
  if (value === undefined || value === '') throw new Error(`"${mark}" is used but no PIN was given for it`);
  return value;
}

function noFiles(path: string): string {
  throw new Error(`"$FILE:${path}": files cannot be read here`);
}
