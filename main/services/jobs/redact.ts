// What the journal keeps of X's error text: X's words, with anything token-shaped taken out
// (a bearer token, OAuth parameters, key=value secrets, long mixed letter-and-digit strings).
// Media and post ids are digits only, so they stay.
const RULES: Array<[RegExp, string]> = [
  [/\b(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[redacted]'],
  [/\b(oauth_[a-z_]+=)("?)[^",&\s]+/gi, '$1$2[redacted]'],
  [
    /\b((?:access_|refresh_)?(?:token|secret|code|verifier)["']?\s*[:=]\s*["']?)[^"'\s,&;]+/gi,
    '$1[redacted]',
  ],
  [/(?=[A-Za-z0-9_-]*[A-Za-z])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{24,}/g, '[redacted]'],
];

export function redactSecrets(text: string): string {
  return RULES.reduce((t, [re, by]) => t.replace(re, by), text);
}
