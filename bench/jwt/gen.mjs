// Makes keys (RSA-2048, EC P-256), a JWKS, and a set of ID tokens with Node's crypto only.
import crypto from 'node:crypto';
import fs from 'node:fs';
const b64u = (b) => Buffer.from(b).toString('base64url');
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwks = { keys: [
  { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa1', use: 'sig', alg: 'RS256' },
  { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec1', use: 'sig', alg: 'ES256' },
] };
fs.writeFileSync('jwks.json', JSON.stringify(jwks, null, 1));
fs.writeFileSync('rsa_pub.pem', rsa.publicKey.export({ type: 'spki', format: 'pem' }));
const now = Math.floor(Date.now() / 1000);
const base = { iss: 'http://127.0.0.1:4400', aud: 'hearth', sub: 'worker-1', email: 'w1@example.org',
  nonce: 'n-0S6_WzA2Mj', iat: now, exp: now + 10 * 365 * 86400, auth_time: now };
function sign(alg, kid, payload, extraHdr = {}) {
  const h = b64u(JSON.stringify({ alg, kid, ...extraHdr })), p = b64u(JSON.stringify(payload));
  const input = `${h}.${p}`;
  let sig;
  if (alg === 'RS256') sig = crypto.sign('sha256', Buffer.from(input), rsa.privateKey);
  else if (alg === 'ES256') sig = crypto.sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
  else if (alg === 'HS256') sig = crypto.createHmac('sha256', rsa.publicKey.export({ type: 'spki', format: 'pem' })).update(input).digest();
  else if (alg === 'none') return `${input}.`;
  return `${input}.${b64u(sig)}`;
}
const good = sign('RS256', 'rsa1', base);
const [h, p, s] = good.split('.');
const tampered = `${h}.${b64u(JSON.stringify({ ...base, sub: 'admin' }))}.${s}`;
const toks = {
  rs256: good,
  es256: sign('ES256', 'ec1', base),
  tampered,
  wrong_aud: sign('RS256', 'rsa1', { ...base, aud: 'someone-else' }),
  aud_array: sign('RS256', 'rsa1', { ...base, aud: ['hearth', 'other'], azp: 'hearth' }),
  expired: sign('RS256', 'rsa1', { ...base, iat: now - 7200, exp: now - 3600 }),
  no_exp: sign('RS256', 'rsa1', (({ exp, ...r }) => r)(base)),
  bad_nonce: sign('RS256', 'rsa1', { ...base, nonce: 'other' }),
  alg_none: sign('none', 'rsa1', base),
  hs256_confusion: sign('HS256', 'rsa1', base),
  typ_jwt: sign('RS256', 'rsa1', base, { typ: 'JWT' }),
};
for (const [k, v] of Object.entries(toks)) fs.writeFileSync(`tok_${k}.txt`, v);
console.log(Object.keys(toks).join(' '));
