#!/usr/bin/env node
// Drives a full sign-in through headless Chromium: rp /start -> provider login form -> rp /cb (code exchange).
//   node flow.mjs RP_BASE USERNAME [PASSWORD] [CLIENT] [MUTATE]    (MUTATE needs the provider's OIDC_TEST_HOOKS=1)
// Then replays the callback URL (state already used) and signs out through the end_session endpoint.
import { chromium } from 'playwright-core';

const [rp, user, pass = '', client = '', mutate = ''] = process.argv.slice(2);
const issuer = process.env.ISSUER || 'http://127.0.0.1:18080';
if (mutate) {
  const r = await fetch(`${issuer}/__test/next-id-token`, { method: 'POST', body: JSON.stringify({ mutate }) });
  console.log('hook', mutate, r.status);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const ctx = await browser.newContext();
  // nothing leaves the machine: only loopback requests are let through
  await ctx.route('**/*', (r) => (['127.0.0.1', 'localhost'].includes(new URL(r.request().url()).hostname) ? r.continue() : r.abort()));
  const page = await ctx.newPage();
  await page.goto(`${rp}/start${client ? `?client=${client}` : ''}`);
  console.log('login page:', await page.title(), page.url().replace(/[?].*/, ''));
  await page.fill('#username', user);
  if (pass) await page.fill('#password', pass);
  const cb = page.waitForURL(`${rp}/cb?**`);
  await page.click('#sign-in');
  await cb;
  const callbackUrl = page.url();
  console.log('callback:', callbackUrl.replace(/code=[^&]+/, 'code=…').replace(/state=[^&]+/, 'state=…'));
  const result = JSON.parse(await page.textContent('body'));
  console.log('rp says:', JSON.stringify(result));
  // replay the same callback (same code, same state)
  await page.goto(callbackUrl);
  console.log('replay:', (await page.textContent('body')).replace(/\s+/g, ' '));
  // and the code alone at the token endpoint: the provider refuses a second use
  const code = new URL(callbackUrl).searchParams.get('code');
  const t = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded',
    authorization: `Basic ${Buffer.from('hearth:hearth-secret').toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${rp}/cb`, code_verifier: 'x'.repeat(43) }) });
  console.log('code reuse at token endpoint:', t.status, JSON.stringify(await t.json()));
  // sign-out at the provider (RP-initiated logout), back to the RP
  if (result.file) {
    const fs = await import('node:fs');
    const idt = fs.readFileSync(result.file, 'utf8');
    const end = new URL(`${issuer}/session/end`);
    // the provider checks an id_token_hint (signature, audience) as strictly as an RP would: after a mutated token, client_id
    if (mutate && mutate !== 'expired') end.searchParams.set('client_id', client || 'hearth'); else end.searchParams.set('id_token_hint', idt);
    end.searchParams.set('post_logout_redirect_uri', `${rp}/`);
    end.searchParams.set('state', 'bye');
    const back = page.waitForURL(`${rp}/?**`);
    await page.goto(end.href);
    await back;
    console.log('after sign-out:', page.url());
  }
} finally {
  await browser.close();
}
