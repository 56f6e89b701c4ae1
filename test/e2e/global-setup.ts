// Builds the renderer once before the end-to-end tests run.
import { buildRenderer } from './harness';

export default function setup(): void {
  buildRenderer();
}
