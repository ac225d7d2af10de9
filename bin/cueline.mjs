#!/usr/bin/env node
// The `cueline` command. The CLI is written in TypeScript and runs directly on Node 24's
// built-in type stripping, so `npx cueline` works right after `npm ci` with no build step.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `cueline: Node.js 24 or newer is required (this is ${process.version}). See README.md, "Requirements".\n`,
  );
  process.exit(2);
}
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv);
