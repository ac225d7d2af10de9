#!/usr/bin/env node
// The `cueline` command. In a checkout it runs the TypeScript sources on Node 24's type stripping,
// so `npx cueline` works right after `npm ci` and always runs what is being edited. An installed
// package has no sources (Node won't strip types inside node_modules anyway): it runs the bundle
// in out/cli/ that `npm pack` builds (`npm run build:cli`).
import { existsSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `cueline: Node.js 24 or newer is required (this is ${process.version}). See README.md, "Requirements".\n`,
  );
  process.exit(2);
}
const bundle = new URL('../out/cli/cueline.mjs', import.meta.url);
const sources = new URL('../main/cli/index.ts', import.meta.url);
const { main } = await import(existsSync(sources) ? sources.href : bundle.href);
process.exitCode = await main(process.argv);
