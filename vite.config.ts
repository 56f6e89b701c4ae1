import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './electron/main/content-security-policy';

// The renderer bundle. `base: './'` so it loads from the app:// protocol in Electron
// and from the test harness's local server alike.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    // The page's policy comes from the same place as the app protocol's header.
    { name: 'ikimina-content-security-policy', transformIndexHtml: (html) => html.replace('%IKIMINA_CSP%', META_CONTENT_SECURITY_POLICY) },
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
