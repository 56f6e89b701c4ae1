// The renderer is served from app://ikimina/ (not file://), with a strict
// Content-Security-Policy on every response and no way out of the bundle folder.

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://ikimina';
export const START_URL = `${APP_ORIGIN}/index.html`;

import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { rendererHeaders, resolveInside } from './renderer-files';
export { CONTENT_SECURITY_POLICY, resolveInside };

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'ikimina' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: rendererHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
