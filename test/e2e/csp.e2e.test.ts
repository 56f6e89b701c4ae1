// The page under the app's own rules (issue 18): the harness serves the renderer with
// exactly the headers the app's protocol sends — the Content-Security-Policy from its
// one source — and records what the policy blocks, so every end-to-end test fails on a
// screen the app would break. Here: the headers themselves, the way out of the bundle
// refused, and the check catching an inline script, a blob image and a style attribute.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, RENDERER_DIST, serveRenderer, type AppSession } from './harness';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';

let web: Awaited<ReturnType<typeof serveRenderer>>;
let app: AppSession;

beforeAll(async () => {
  web = await serveRenderer();
  app = await openApp({ url: web.url });
});
afterAll(async () => {
  await app?.close();
  await web?.close();
});

describe('the renderer served as the app serves it', () => {
  it('sends every file with the app’s Content-Security-Policy, and nothing outside the bundle', async () => {
    const script = readdirSync(join(RENDERER_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    for (const [path, type] of [['', 'text/html; charset=utf-8'], ['index.html', 'text/html; charset=utf-8'], [`assets/${script}`, 'text/javascript']] as const) {
      const response = await fetch(`${web.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('content-type')).toBe(type);
    }
    for (const outside of ['..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/package.json', 'assets/no-such-file.js']) {
      expect((await fetch(`${web.url}${outside}`)).status).toBe(404);
    }
  });

  it('records what the policy blocks: an inline script, a blob image, a style attribute', async () => {
    const { page } = app;
    await page.locator('h1').first().waitFor();
    expect(app.cspViolations).toEqual([]);
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.ranInline = true;';
      document.body.append(inline);
      const image = document.createElement('img');
      image.src = URL.createObjectURL(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/svg+xml' }));
      document.body.append(image);
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: red');
      document.body.append(styled);
    });
    await expect.poll(() => app.cspViolations.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as { ranInline?: boolean }).ranInline ?? false)).toBe(false);
    const seen = app.cspViolations.join('\n');
    expect(seen).toMatch(/^script-src-elem inline/m);
    expect(seen).toMatch(/^img-src blob/m);
    expect(seen).toMatch(/^style-src-attr inline/m);
    // Provoked on purpose: emptied, so closing the session does not fail.
    app.cspViolations.length = 0;
  });
});
