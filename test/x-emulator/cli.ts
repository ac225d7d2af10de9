// `npm run emulator`: a local X for manual use. Prints its URL, credentials and env lines.
import { startEmulator } from './server.ts';

const port = Number(process.env['PORT'] ?? 0);
const checkAfter = Number(process.env['EMULATOR_CHECK_AFTER_SECS'] ?? 1);
const emulator = await startEmulator({ port, config: { checkAfterSecs: checkAfter } });
const c = emulator.credentials;
process.stdout.write(
  [
    `X emulator listening on ${emulator.url} (v2 /2/…, v1.1 /1.1/…)`,
    `consumer key:        ${c.consumerKey}`,
    `consumer secret:     ${c.consumerSecret}`,
    `access token:        ${c.accessToken}`,
    `access token secret: ${c.accessTokenSecret}`,
    `OAuth 2.0 token:     ${c.bearerToken}`,
    '',
    '# OAuth 1.0a:',
    ...Object.entries(emulator.env('oauth1')).map(([k, v]) => `export ${k}=${v}`),
    '# or OAuth 2.0: unset the four X_* above and',
    `export X_OAUTH2_ACCESS_TOKEN=${c.bearerToken}`,
    '',
  ].join('\n'),
);
const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
