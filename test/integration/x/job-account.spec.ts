// The account in a job's identity for an OAuth 2.0 token from the environment: X's user id, asked
// once per client; the token's hash only when X won't name the user; other failures stop the job.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobAccount } from '../../../main/services/jobs/job-account.ts';
import { XClient } from '../../../main/services/x/client.ts';
import { bearerSigner, credentialKey } from '../../../main/services/x/signer.ts';
import { startEmulator, type Emulator } from '../../x-emulator/server.ts';

let emu: Emulator;
/** GET /2/users/me answers 503 this many more times (the sign-in routes take no faults). */
let usersMeDown = 0;
beforeAll(async () => {
  emu = await startEmulator({
    extraRoutes: [
      (req, res, ctx) => {
        if (usersMeDown === 0 || ctx.url.pathname !== '/2/users/me') return Promise.resolve(false);
        usersMeDown--;
        ctx.log('v2.users.me', 503);
        ctx.sendJson(res, 503, { title: 'Service Unavailable', detail: 'Try later', status: 503 });
        return Promise.resolve(true);
      },
    ],
  });
});
afterAll(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.state.requests.length = 0;
});

const envClient = (token: string): XClient =>
  new XClient({
    signer: bearerSigner(() => Promise.resolve(token), undefined, {
      accountKey: credentialKey('oauth2', token),
      accountLookup: true,
    }),
    apiBase: emu.apiBase,
    uploadBase: emu.uploadBase,
    retry: { baseDelayMs: 1, maxAttempts: 2 },
  });

describe('jobAccount', () => {
  it("is X's user id, asked once per client", async () => {
    const c = envClient(emu.credentials.bearerToken);
    const [a, b] = await Promise.all([jobAccount(c), jobAccount(c)]);
    expect(a).toBe('x:1500000000000000001');
    expect(b).toBe(a);
    expect(await jobAccount(c)).toBe(a);
    expect(emu.state.requests.filter((r) => r.route === 'v2.users.me')).toHaveLength(1);
  });

  it("is the token's hash when X won't name the user (no users.read)", async () => {
    const token = emu.mintBearer(['media.write']);
    expect(await jobAccount(envClient(token))).toBe(credentialKey('oauth2', token));
  });

  it('stops the job when X could not be asked, and asks again next time', async () => {
    usersMeDown = 2;
    const c = envClient(emu.credentials.bearerToken);
    await expect(jobAccount(c)).rejects.toMatchObject({ code: 'x.server' });
    expect(await jobAccount(c)).toBe('x:1500000000000000001');
  });

  it('uses the signer’s own key, or else the name the caller picked, without asking X', async () => {
    const keyed = new XClient({
      signer: bearerSigner(() => Promise.resolve('t'), undefined, { accountKey: 'x:42' }),
      apiBase: emu.apiBase,
    });
    expect(await jobAccount(keyed, 'alice')).toBe('x:42');
    const plain = new XClient({ signer: bearerSigner(() => Promise.resolve('t')), apiBase: emu.apiBase });
    expect(await jobAccount(plain, 'alice')).toBe('alice');
    expect(await jobAccount(plain)).toBeNull();
    expect(emu.state.requests).toEqual([]);
  });
});
