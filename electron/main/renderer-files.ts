// What the app answers for a file of the renderer: where it is (never outside the
// bundle folder) and the headers it goes with — its type and the Content-Security-
// Policy. No `electron` import: the end-to-end harness serves the page with exactly
// these headers, so a screen the app would block fails a test first.

import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.map': 'application/json',
};

/** Resolves a request path inside the bundle folder, or null when it tries to leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^[/\\]+/, '');
  const full = join(root, relative || 'index.html');
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** The headers every renderer file is sent with. */
export function rendererHeaders(file: string): Record<string, string> {
  return { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY };
}
