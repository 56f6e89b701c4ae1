// In a CLI script a step can use what an earlier step returned: the string "$0.id"
// becomes the id of step 0's result, "$2.postings.1.amount" a nested field; "$PIN"
// becomes the PIN given through IKIMINA_PIN or the prompt; "$FILE:receipt.jpg" becomes
// the file's content in base64 (for evidence-attach), in a script and in `call`.

const REFERENCE = /^\$(\d+)((?:\.[A-Za-z0-9_]+)*)$/;

const FILE = /^\$FILE:(.+)$/;

export function resolveReferences(value: unknown, results: readonly unknown[], pin = '', readBase64: (path: string) => string = noFiles): unknown {
  if (value === '$PIN') return pin;
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
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, results, pin, readBase64));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results, pin, readBase64)]));
  }
  return value;
}

function noFiles(path: string): string {
  throw new Error(`"$FILE:${path}": files cannot be read here`);
}
