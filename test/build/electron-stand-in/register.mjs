// `node --import ./register.mjs out/main/index.js`: resolves `electron` to the stand-in and makes
// the process look like unpackaged Electron (`electron .`: argv[1] is the app folder).
import { registerHooks } from 'node:module';

const standIn = new URL('./electron.mjs', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true, format: 'module' };
    return nextResolve(specifier, context);
  },
});
process.defaultApp = true;
process.versions.electron ??= '0.0.0-stand-in';
