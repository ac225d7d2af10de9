// Loaded into the Electronegativity process (NODE_OPTIONS=--require) by scripts/electronegativity.ts.
// Electronegativity fetches optional translations from S3 at start-up; where that host is
// unreachable (CI with only the npm registry), got's retry timer throws after the request already
// timed out and kills the scan. Those errors are ignored — only those, by their origin in `got`.
process.on('uncaughtException', (err) => {
  const stack = String(err && err.stack);
  if (
    /onCancel. handler was attached/.test(stack) ||
    /[\\/]got[\\/]/.test(stack) ||
    (err && err.name === 'RequestError')
  ) {
    console.error(`electronegativity: ignored offline translation download error (${err.message})`);
    return;
  }
  throw err;
});
