#!/usr/bin/env node
// A real OpenID provider (panva's certified oidc-provider) on loopback over plain http, for Hearth's SSO tests.
//
//   node provider.mjs [PORT]            PORT (or OIDC_PORT); 0 or absent = any free port
//   prints exactly one line "ready http://127.0.0.1:PORT" on stdout when listening; exits 0 on SIGTERM/SIGINT.
//
// Environment (all optional):
//   OIDC_CLIENT_ID / OIDC_CLIENT_SECRET     the relying party (default hearth / hearth-secret)
//   OIDC_REDIRECT_URIS                      space- or comma-separated (default http://127.0.0.1:8080/auth/oidc/callback)
//   OIDC_POST_LOGOUT_REDIRECT_URIS          space- or comma-separated (default: the origins of the redirect URIs + "/")
//   OIDC_TOKEN_AUTH                         client_secret_basic (default) or client_secret_post
//   OIDC_ID_TOKEN_ALG                       RS256 (default) or ES256
//   OIDC_EXTRA_CLIENTS                      JSON array of more client metadata (e.g. a second client for a wrong audience)
//   OIDC_ACCOUNTS                           JSON file: [{sub, email, preferred_username, name, groups, password?}]
//   OIDC_ID_TOKEN_TTL                       seconds (default 3600; oidc-provider wants a positive integer)
//   OIDC_KEYS                               JSON file with a private JWKS {keys:[...]} (default: fresh RSA + EC keys)
//   OIDC_TEST_HOOKS=1                       enables POST /__test/next-id-token {"mutate": ...} (see below)
//
// Sign-in: /interaction/:uid shows a form (username = preferred_username or email, password if the account has one);
// consent is granted automatically. No page loads anything from outside 127.0.0.1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

const env = process.env;
const list = (s) => (s || '').split(/[\s,]+/).filter(Boolean);
const html = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const log = (...a) => console.error('[oidc]', ...a); // stdout carries only the ready line

// --- accounts ---------------------------------------------------------------------------------------------------
const accounts = env.OIDC_ACCOUNTS
  ? JSON.parse(fs.readFileSync(env.OIDC_ACCOUNTS, 'utf8'))
  : [{ sub: 'w-0001', email: 'worker@example.org', preferred_username: 'worker', name: 'Wendy Worker', groups: ['hearth-workers'] }];
const bySub = new Map(accounts.map((a) => [a.sub, a]));
const byLogin = (login) => accounts.find((a) => [a.preferred_username, a.email, a.sub].some((v) => v && v.toLowerCase() === String(login).trim().toLowerCase()));

// --- keys ---------------------------------------------------------------------------------------------------------
function freshKeys() {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return { keys: [{ ...rsa, kid: `rsa-${crypto.randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' },
                  { ...ec, kid: `ec-${crypto.randomBytes(4).toString('hex')}`, use: 'sig', alg: 'ES256' }] };
}
const jwks = env.OIDC_KEYS ? JSON.parse(fs.readFileSync(env.OIDC_KEYS, 'utf8')) : freshKeys();

// --- the listener first, so that port 0 works and the issuer carries the real port -------------------------------
const server = http.createServer();
const wantPort = Number(process.argv[2] ?? env.OIDC_PORT ?? 0);
await new Promise((ok, fail) => { server.once('error', fail); server.listen(wantPort, '127.0.0.1', ok); });
const issuer = `http://127.0.0.1:${server.address().port}`;

const redirectUris = list(env.OIDC_REDIRECT_URIS || 'http://127.0.0.1:8080/auth/oidc/callback');
const idTokenAlg = env.OIDC_ID_TOKEN_ALG || 'RS256';
const clients = [{
  client_id: env.OIDC_CLIENT_ID || 'hearth',
  client_secret: env.OIDC_CLIENT_SECRET || 'hearth-secret',
  client_name: 'Hearth',
  application_type: 'web', // web clients may use http redirect URIs with the code flow (not with implicit)
  redirect_uris: redirectUris,
  post_logout_redirect_uris: list(env.OIDC_POST_LOGOUT_REDIRECT_URIS) .length
    ? list(env.OIDC_POST_LOGOUT_REDIRECT_URIS) : [...new Set(redirectUris.map((u) => `${new URL(u).origin}/`))],
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: env.OIDC_TOKEN_AUTH || 'client_secret_basic',
  id_token_signed_response_alg: idTokenAlg,
}, ...(env.OIDC_EXTRA_CLIENTS ? JSON.parse(env.OIDC_EXTRA_CLIENTS) : [])];

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title></head>`
  + `<body><main><h1>${html(title)}</h1>${body}</main></body></html>`;
const idTtl = Number(env.OIDC_ID_TOKEN_TTL || 3600);

const provider = new Provider(issuer, {
  clients,
  jwks,
  findAccount: async (_ctx, sub) => {
    const a = bySub.get(sub);
    if (!a) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, email: a.email, email_verified: true, preferred_username: a.preferred_username, name: a.name, groups: a.groups || [] }),
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  // false: the granted scopes' claims (email, preferred_username, groups) go into the ID token itself, as Entra does;
  // true (the default) would put them only at the userinfo endpoint when an access token is also issued.
  conformIdTokenClaims: false,
  pkce: { required: () => true }, // oidc-provider 9 accepts only S256
  features: {
    devInteractions: { enabled: false }, // still present in 9.x but development-only: our own routes below
    rpInitiatedLogout: {
      enabled: true,
      // the provider's own pages load a web font from outside; these do not. The form is submitted at once.
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out', `${form}<button id="yes" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`
          + '<script>document.getElementById("yes").click()</script>');
      },
      postLogoutSuccessSource: async (ctx) => { ctx.body = page('Signed out', '<p>You have signed out.</p>'); },
    },
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<pre id="error">${html(JSON.stringify(out, null, 2))}</pre>`);
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  ttl: { IdToken: idTtl, AccessToken: 600, AuthorizationCode: 60, Grant: 3600, Interaction: 600, Session: 3600 },
  clientBasedCORS: () => false,
});
provider.on('server_error', (_ctx, err) => log('server_error', err));

// --- test hooks: the next token response carries a broken ID token ---------------------------------------------
// mutate: tampered (a claim changed after signing) | wrong_aud | expired | wrong_nonce | wrong_iss | alg_none
//         | unknown_key (signed by a key not in the JWKS) | resign (re-signed with "claims" merged in)
let nextMutation = null;
const b64u = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');
function signWith(jwk, header, payload) {
  const input = `${b64u(header)}.${b64u(payload)}`;
  const key = crypto.createPrivateKey({ key: jwk, format: 'jwk' });
  const sig = jwk.kty === 'EC'
    ? crypto.sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : crypto.sign('sha256', Buffer.from(input), key);
  return `${input}.${sig.toString('base64url')}`;
}
function mutate(token, m) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  const now = Math.floor(Date.now() / 1000);
  const ownKey = jwks.keys.find((k) => k.kid === header.kid);
  const resign = (c) => signWith(ownKey, header, { ...claims, ...c });
  switch (m.mutate) {
    case 'tampered': return `${h}.${b64u({ ...claims, ...(m.claims || { email: 'admin@example.org', preferred_username: 'admin' }) })}.${s}`;
    case 'wrong_aud': return resign({ aud: m.aud || 'someone-else' });
    case 'expired': return resign({ iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
    case 'wrong_nonce': return resign({ nonce: 'not-the-nonce-you-sent' });
    case 'wrong_iss': return resign({ iss: 'http://127.0.0.1:9/' });
    case 'alg_none': return `${b64u({ alg: 'none' })}.${p}.`;
    case 'unknown_key': {
      const k = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
      return signWith(k, { alg: 'RS256', kid: 'not-in-the-jwks' }, claims);
    }
    case 'resign': return resign(m.claims || {});
    default: throw new Error(`unknown mutate ${m.mutate}`);
  }
}
if (env.OIDC_TEST_HOOKS === '1') {
  provider.use(async (ctx, next) => {
    await next();
    if (nextMutation && ctx.method === 'POST' && ctx.path === '/token' && ctx.body?.id_token) {
      log('test hook: id_token', nextMutation.mutate);
      ctx.body = { ...ctx.body, id_token: mutate(ctx.body.id_token, nextMutation) };
      nextMutation = null;
    }
  });
}

// --- sign-in interaction ------------------------------------------------------------------------------------------
const readBody = (req) => new Promise((ok, fail) => {
  let b = ''; req.setEncoding('utf8');
  req.on('data', (c) => { b += c; if (b.length > 1e5) req.destroy(); }).on('end', () => ok(b)).on('error', fail);
});
const loginForm = (uid, clientName, error = '', login = '') => page('Sign in', `<p>to ${html(clientName)}</p>`
  + (error ? `<p id="error" role="alert">${html(error)}</p>` : '')
  + `<form method="post" action="/interaction/${html(uid)}/login" autocomplete="off">`
  + `<label for="username">Username</label> <input id="username" name="username" value="${html(login)}" required autofocus>`
  + `<label for="password">Password</label> <input id="password" name="password" type="password">`
  + '<button id="sign-in" type="submit">Sign in</button></form>'
  + `<p><a href="/interaction/${html(uid)}/abort">Cancel</a></p>`);

async function interaction(req, res, url) {
  const [, , uid, action] = url.pathname.split('/');
  const send = (status, body) => { res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }); res.end(body); };
  const details = await provider.interactionDetails(req, res); // throws SessionNotFound when the cookie is missing
  if (details.uid !== uid) return send(400, page('Sign-in error', '<p>Interaction mismatch.</p>'));
  const client = await provider.Client.find(details.params.client_id);
  if (req.method === 'GET' && action === 'abort') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = new URLSearchParams(await readBody(req));
    const a = byLogin(form.get('username') || '');
    if (!a || (a.password !== undefined && a.password !== form.get('password'))) {
      return send(200, loginForm(uid, client?.clientName || details.params.client_id, 'Unknown username or wrong password.', form.get('username') || ''));
    }
    return provider.interactionFinished(req, res, { login: { accountId: a.sub } }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') return send(200, loginForm(uid, client?.clientName || details.params.client_id));
    if (details.prompt.name === 'consent') { // granted at once, as an organisation's own app would be
      const grant = details.grantId ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const d = details.prompt.details;
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      if (d.missingResourceScopes) for (const [ind, sc] of Object.entries(d.missingResourceScopes)) grant.addResourceScope(ind, sc.join(' '));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
  }
  return send(404, page('Not found', ''));
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  try {
    if (url.pathname.startsWith('/interaction/')) return await interaction(req, res, url);
    if (env.OIDC_TEST_HOOKS === '1' && url.pathname === '/__test/next-id-token' && req.method === 'POST') {
      const m = JSON.parse((await readBody(req)) || '{}');
      if (!['tampered', 'wrong_aud', 'expired', 'wrong_nonce', 'wrong_iss', 'alg_none', 'unknown_key', 'resign'].includes(m.mutate)) {
        res.writeHead(400).end('unknown mutate\n'); return;
      }
      nextMutation = m; res.writeHead(204).end(); return;
    }
    return callback(req, res);
  } catch (err) {
    log('interaction error', err.message);
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Sign-in error', `<p id="error">${html(err.message)}</p>`));
  }
});

const stop = () => { server.close(() => process.exit(0)); server.closeAllConnections(); setTimeout(() => process.exit(0), 2000).unref(); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`ready ${issuer}\n`);
