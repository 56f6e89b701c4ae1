// The PIN for the command line: from IKIMINA_PIN, or typed at a prompt that does
// not show it. Never from the arguments, which other users of the laptop can see.

export class NoPinError extends Error {}

export async function readPin(): Promise<string> {
  const fromEnv = process.env.IKIMINA_PIN;
  if (fromEnv) return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new NoPinError('A PIN is needed: set IKIMINA_PIN, or run the command in a terminal to be asked for it.');
  process.stderr.write('PIN: ');
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
