import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bridgeSpec } from './shared/ipc/contract.ts';

// Three bundles: the Electron main process (ESM), the sandboxed preload (CommonJS: sandboxed
// preloads cannot load ES modules or npm packages), and the Svelte renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('main/app/index.ts') } },
    },
  },
  preload: {
    // The preload is generated from the contract as plain data: no zod in the sandboxed preload.
    define: { __CUELINE_BRIDGE_SPEC__: JSON.stringify(bridgeSpec()) },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    // Relative asset URLs: the renderer is served from the app:// protocol, never file://.
    base: './',
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: {
      outDir: resolve('out/renderer'),
      // Spelling dictionaries stay files: a data: URL is blocked by the CSP's connect-src 'self'.
      assetsInlineLimit: (file: string): boolean | undefined =>
        /\.(aff|dic)$/.test(file) ? false : undefined,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
