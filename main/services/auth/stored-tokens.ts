// The shape of an account's entry in the keychain (one JSON string per account).
import { z } from 'zod';

export const StoredTokensSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('oauth2'),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1).optional(),
    expiresAt: z.number(),
    obtainedAt: z.number().optional(),
    scopes: z.array(z.string()),
  }),
  z.object({ method: z.literal('oauth1'), token: z.string().min(1), tokenSecret: z.string().min(1) }),
]);
export type StoredTokens = z.infer<typeof StoredTokensSchema>;
export type StoredOAuth2 = Extract<StoredTokens, { method: 'oauth2' }>;
