#!/usr/bin/env node
// A trivial relying party for trying the harness by hand: GET /start[?client=ID] -> authorize (state, nonce, PKCE S256);
// GET /cb?code&state -> code exchange (client_secret_basic or _post, with code_verifier) -> prints the ID token.
// With /start?land=redirect|page the callback instead sets a SameSite=Strict session cookie and goes on to /home by a
// 303 or by a same-site page (meta refresh); /home says whether that cookie arrived. RP_HOST=localhost makes the RP
// cross-site to a provider on 127.0.0.1, as Hearth is to Entra. The state is also bound to the browser (Lax cookie).
// Writes each ID token to tokens/<n>.jwt with the nonce and client beside it, so another verifier can be tried on it.
//   node rp.mjs ISSUER PORT      clients from RP_CLIENTS='[{"id":"hearth","secret":"hearth-secret","auth":"client_secret_basic"}]'
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [issuer, port] = [process.argv[2], Number(process.argv[3] || 8080)];
const clients = JSON.parse(process.env.RP_CLIENTS || '[{"id":"hearth","secret":"hearth-secret","auth":"client_secret_basic"}]');
const disco = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
const pending = new Map(); // state -> {nonce, verifier, client, at}; single use
const host = process.env.RP_HOST || '127.0.0.1';
const redirectUri = `http://${host}:${port}/cb`;
const cookies = (req) => Object.fromEntries((req.headers.cookie || '').split(/;\s*/).filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
const b64u = (b) => Buffer.from(b).toString('base64url');
fs.mkdirSync('tokens', { recursive: true });
let n = 0;

http.createServer(async (req, res) => {
  const url = new URL(req.url, redirectUri);
  const out = (status, obj) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(obj, null, 2)); };
  try {
    if (url.pathname === '/start') {
      const client = clients.find((c) => c.id === (url.searchParams.get('client') || clients[0].id));
      const state = b64u(crypto.randomBytes(32)), nonce = b64u(crypto.randomBytes(32)), verifier = b64u(crypto.randomBytes(32));
      pending.set(state, { nonce, verifier, client, at: Date.now(), land: url.searchParams.get('land') || 'json' });
      const a = new URL(disco.authorization_endpoint);
      Object.entries({ response_type: 'code', client_id: client.id, redirect_uri: redirectUri, scope: 'openid email profile groups',
        state, nonce, code_challenge: crypto.hash('sha256', verifier, 'base64url'), code_challenge_method: 'S256' })
        .forEach(([k, v]) => a.searchParams.set(k, v));
      res.writeHead(302, { location: a.href, 'set-cookie': `rp_state=${state}; HttpOnly; SameSite=Lax; Path=/cb; Max-Age=600` }); return res.end();
    }
    if (url.pathname === '/cb') {
      if (url.searchParams.get('error')) return out(400, { error: url.searchParams.get('error'), description: url.searchParams.get('error_description') });
      const st = pending.get(url.searchParams.get('state'));
      pending.delete(url.searchParams.get('state'));
      if (!st) return out(400, { error: 'unknown or used state' });
      const stateCookieMatched = cookies(req).rp_state === url.searchParams.get('state');
      const body = new URLSearchParams({ grant_type: 'authorization_code', code: url.searchParams.get('code'), redirect_uri: redirectUri, code_verifier: st.verifier });
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      if (st.client.auth === 'client_secret_post') { body.set('client_id', st.client.id); body.set('client_secret', st.client.secret); }
      else headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(st.client.id)}:${encodeURIComponent(st.client.secret)}`).toString('base64')}`;
      const r = await fetch(disco.token_endpoint, { method: 'POST', headers, body });
      const tok = await r.json();
      if (!r.ok) return out(400, { token_endpoint_status: r.status, ...tok });
      const [h, p] = tok.id_token.split('.');
      const file = `tokens/${++n}.jwt`;
      fs.writeFileSync(file, tok.id_token);
      fs.writeFileSync(`${file}.json`, JSON.stringify({ nonce: st.nonce, client: st.client.id, issuer }));
      if (st.land !== 'json') {
        const set = ['rp_session=s3ss10n; HttpOnly; SameSite=Strict; Path=/', 'rp_state=; Path=/cb; Max-Age=0'];
        if (st.land === 'redirect' || st.land === 'app') { res.writeHead(303, { location: st.land === 'app' ? '/app' : '/home', 'set-cookie': set }); return res.end(); }
        res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': set });
        return res.end('<!DOCTYPE html><meta http-equiv="refresh" content="0;url=/home"><title>Signing in</title><a href="/home">Continue</a>');
      }
      return out(200, { file, state_cookie_matched: stateCookieMatched, header: JSON.parse(Buffer.from(h, 'base64url')), claims: JSON.parse(Buffer.from(p, 'base64url')),
        nonce_sent: st.nonce, token_type: tok.token_type, scope: tok.scope });
    }
    if (url.pathname === '/app') { // a static page whose script asks /home (as Hearth's front end asks /api/v1/session)
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<!DOCTYPE html><title>app</title><pre id="out"></pre><script>fetch('/home').then((r) => r.text()).then((t) => { document.getElementById('out').textContent = 'page load had cookie: ${cookies(req).rp_session === 's3ss10n'}; fetch: ' + t; })</script>`);
    }
    if (url.pathname === '/home') return out(200, { home: true, session_cookie_received: cookies(req).rp_session === 's3ss10n' });
    out(404, { error: 'not found' });
  } catch (e) { out(500, { error: String(e) }); }
}).listen(port, '127.0.0.1', () => console.log(`rp on ${redirectUri}`));
