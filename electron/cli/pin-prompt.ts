// PINs for the command line: from an environment variable, or typed at a prompt
// that does not show them. Never from the arguments, which other users of the
// laptop can see. "$PIN" is the signing-in user's PIN (IKIMINA_PIN); "$NEW_PIN" is
// a PIN being given — to a new user, or in a reset or change (IKIMINA_NEW_PIN);
// "$CONFIRM_PIN" is the second officer's, confirming a write-off or a correction
// (IKIMINA_CONFIRM_PIN).
// Neither ever quietly becomes an empty string: with nowhere to read it from, the
// command stops with a sentence saying how to give it.

export class NoPinError extends Error {}

interface SecretSource {
  /** The environment variable that holds it. */
  readonly env: string;
  /** What the hidden prompt asks. */
  readonly prompt: string;
  /** The sentence when there is no variable and no terminal to ask on. */
  readonly missing: string;
}

const PIN: SecretSource = {
  env: 'IKIMINA_PIN',
  prompt: 'PIN: ',
  missing: 'A PIN is needed: set IKIMINA_PIN, or run the command in a terminal to be asked for it.',
};

const NEW_PIN: SecretSource = {
  env: 'IKIMINA_NEW_PIN',
  prompt: 'New PIN for the new user (or the PIN being set): ',
  missing: '"$NEW_PIN" needs the new PIN: set IKIMINA_NEW_PIN, or run the command in a terminal to be asked for it.',
};

const CONFIRM_PIN: SecretSource = {
  env: 'IKIMINA_CONFIRM_PIN',
  prompt: 'PIN of the second officer who confirms: ',
  missing: '"$CONFIRM_PIN" needs the confirming officer\'s PIN: set IKIMINA_CONFIRM_PIN, or run the command in a terminal so they can type it.',
};

/** The second officer's PIN, confirming a decision that needs two people. */
export function readConfirmPin(): Promise<string> {
  return readSecret(CONFIRM_PIN);
}

/** The signing-in user's PIN. */
export function readPin(): Promise<string> {
  return readSecret(PIN);
}

/** The PIN being given (to a new user, or in a reset or change). */
export function readNewPin(): Promise<string> {
  return readSecret(NEW_PIN);
}

async function readSecret(source: SecretSource): Promise<string> {
  const fromEnv = process.env[source.env];
  if (fromEnv) return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new NoPinError(source.missing);
  const typed = await prompt(source.prompt);
  if (typed === '') throw new NoPinError('No PIN was typed. Nothing was done.');
  return typed;
}

function prompt(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let pin = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(pin);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new NoPinError('Cancelled.'));
          return;
        }
        pin = ch === '\u007f' ? pin.slice(0, -1) : pin + ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
