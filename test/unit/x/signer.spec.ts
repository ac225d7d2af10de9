import { describe, expect, it } from 'vitest';
import {
  bearerSigner,
  hmacSha1Signature,
  oauth1Header,
  oauth1Parameters,
  parseOAuthHeader,
  percentEncode,
  signatureBaseString,
  queryParams,
} from '../../../main/services/x/signer.ts';

describe('OAuth 1.0a signing (RFC 5849)', () => {
  it('percent-encodes per RFC 3986 (reserved characters, UTF-8)', () => {
    expect(percentEncode("Ladies + Gentlemen!*'()")).toBe('Ladies%20%2B%20Gentlemen%21%2A%27%28%29');
    expect(percentEncode('☃-_.~')).toBe('%E2%98%83-_.~');
  });

  it("builds RFC 5849 §3.4.1.1's example base string (query, form body, repeated names)", () => {
    const url = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
    const params: Array<[string, string]> = [
      ...queryParams(url),
      ['c2', ''],
      ['a3', '2 q'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
    ];
    expect(signatureBaseString('POST', url, params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it("signs RFC 5849 §1.2's photo request", () => {
    const p = oauth1Parameters({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      credentials: {
        consumerKey: 'dpf43f3p2l4k3l03',
        consumerSecret: 'kd94hf93k423kf44',
        token: 'nnch734d00sl2jdk',
        tokenSecret: 'pfkkdhi9sl3r4s00',
      },
      nonce: 'chapoH',
      timestamp: 137131202,
      includeVersion: false,
    });
    expect(p['oauth_signature']).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it("signs RFC 5849 §1.2's temporary-credentials request (extra oauth_callback, no token)", () => {
    const p = oauth1Parameters({
      method: 'POST',
      url: 'https://photos.example.net/initiate',
      credentials: { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44' },
      extra: { oauth_callback: 'http://printer.example.com/ready' },
      nonce: 'wIjqoS',
      timestamp: 137131200,
      includeVersion: false,
    });
    expect(p['oauth_signature']).toBe('74KNZJeDHnMBp0EMJ9ZHt/XKycU=');
    expect(p['oauth_token']).toBeUndefined();
  });

  it("matches X's published example (Creating a signature: statuses/update with a form body)", () => {
    const input = {
      method: 'POST',
      url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
      form: { status: 'Hello Ladies + Gentlemen, a signed OAuth request!' },
      credentials: {
        consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
        consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
        token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
        tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
      },
      nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      timestamp: 1318622958,
    };
    const base = signatureBaseString('POST', input.url, [
      ...queryParams(input.url),
      ...Object.entries(input.form),
      ['oauth_consumer_key', input.credentials.consumerKey],
      ['oauth_nonce', input.nonce],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '1318622958'],
      ['oauth_token', input.credentials.token],
      ['oauth_version', '1.0'],
    ]);
    expect(base).toBe(
      'POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
    );
    expect(hmacSha1Signature(base, input.credentials.consumerSecret, input.credentials.tokenSecret)).toBe(
      'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
    );
    const header = oauth1Header(input);
    expect(header).toContain('oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"');
    expect(parseOAuthHeader(header)?.['oauth_signature']).toBe('hCtSmYh+iHYCEqBWrE7C7hYmtUk=');
  });

  it('drops default ports and lower-cases the host in the base string URI', () => {
    const a = signatureBaseString(
      'get',
      'HTTPS://Upload.Twitter.com:443/1.1/media/upload.json?command=STATUS',
      [],
    );
    expect(a).toBe('GET&https%3A%2F%2Fupload.twitter.com%2F1.1%2Fmedia%2Fupload.json&');
    const b = signatureBaseString('GET', 'http://127.0.0.1:8080/x', []);
    expect(b).toBe('GET&http%3A%2F%2F127.0.0.1%3A8080%2Fx&');
  });

  it('bearer signer asks for the token on each request', async () => {
    let n = 0;
    const s = bearerSigner(() => Promise.resolve(`t${++n}`));
    expect(s.method).toBe('oauth2');
    expect(await s.authorization({ method: 'GET', url: 'https://api.x.com/2/tweets' })).toBe('Bearer t1');
    expect(await s.authorization({ method: 'GET', url: 'https://api.x.com/2/tweets' })).toBe('Bearer t2');
  });
});
