// Starts the ledger worker from its TypeScript source in tests (the app runs the
// bundled .cjs). Node 20 does not pass --import loaders to worker threads.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/server/worker/entry.ts');
