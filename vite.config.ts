import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle. `base: './'` so it loads from the app:// protocol in Electron
// and from the test harness's local server alike.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
