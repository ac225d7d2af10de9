// What a person can do about an error, as data: a service never words advice for one surface.
// The CLI says "rerun with --force" (main/cli/remedy-text.ts); the app shows its own control or
// a sentence about it (renderer/src/lib/remedy-text.ts). Each surface's text is appended to the
// error's message as is, so it starts with its own separator.
import { z } from 'zod';

export const remedySchema = z.discriminatedUnion('hint', [
  /** The account's sign-in no longer works: the message ends "…sign in again", each surface says where. */
  z.object({ hint: z.literal('auth.sign_in'), account: z.string().optional() }),
  /** No account is signed in at all. */
  z.object({ hint: z.literal('auth.first_sign_in') }),
  /** Several accounts and no default: name one, or make one the default. */
  z.object({ hint: z.literal('auth.choose_account') }),
  /** The X app's settings (client id, consumer key and secret, redirect port) need a fix. */
  z.object({
    hint: z.literal('auth.setup'),
    what: z.enum(['client_id', 'client_id_native', 'consumer', 'consumer_again', 'redirect_port']),
  }),
  /** A post may already be on X: post anyway once the account was checked. */
  z.object({ hint: z.literal('publish.force') }),
  /** The job is done by its journal: start it over to publish again. */
  z.object({ hint: z.literal('publish.fresh') }),
  /** The other API dialect would take this. */
  z.object({ hint: z.literal('publish.use_api'), api: z.enum(['v2', 'v1.1']) }),
  /** X would refuse the video and Cueline's transcode fixes it: make an X-ready copy. */
  z.object({ hint: z.literal('media.transcode'), path: z.string() }),
  /** A subtitle file's language is missing or not a tag: say which language it is. */
  z.object({ hint: z.literal('captions.language') }),
  /** The bytes don't fit the chosen text encoding: choose another. */
  z.object({ hint: z.literal('captions.encoding') }),
]);
export type Remedy = z.output<typeof remedySchema>;
