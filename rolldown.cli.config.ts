// The `cueline` command as users install it (`npm pack`, `npm install -g`): one bundled ES module
// entry in out/cli/, with the lazily loaded commands as chunks beside it. Node strips types only
// outside node_modules, so an installed package can't run the TypeScript sources; bundling also
// cuts start-up time. The keychain module is native and stays an installed dependency; so do nspell
// and the Hunspell dictionaries, whose packages read their .aff/.dic files from beside themselves.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cueline: 'main/cli/index.ts' },
  platform: 'node',
  external: [/^node:/, '@napi-rs/keyring', 'electron', 'nspell', /^dictionary-[a-z]+$/],
  output: {
    dir: 'out/cli',
    // Chunk names carry a content hash: without emptying the folder, every build left the previous
    // chunks beside the new ones, and `npm pack` shipped them all.
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].mjs',
    chunkFileNames: 'chunks/[name]-[hash].mjs',
    sourcemap: false,
  },
});
