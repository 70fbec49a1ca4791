// Hawk secrets: never in a URL, the browser's history, the console, an error message, the page
// or a request (to any origin); kept in memory unless the user asks to remember them, then per
// origin; "Forget" removes them. Every request, navigation and console line of the session is
// recorded and searched for the secrets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

const ID = 'secrets-test-client';
const SECRET = 'S3cr3t-never-leaks-7f1d';
const WRONG = 'Wr0ng-secret-also-private-9c2e';

let a, b, browser;
before(async () => {
  [a, b, browser] = await Promise.all([
    startServer(['--hawk-client', `${ID}:${SECRET}`]),
    startServer(['--hawk-client', `${ID}:${SECRET}`]),
    launchBrowser(),
  ]);
});
after(async () => { await browser?.close(); await a?.stop(); await b?.stop(); });

/** Everything the page sends, navigates to and logs. */
function record(page) {
  const seen = { requests: [], navigations: [], console: [] };
  page.on('request', async (r) => {
    const entry = { url: r.url(), origin: new URL(r.url()).origin, headers: {}, body: r.postData() ?? '' };
    seen.requests.push(entry);
    entry.headers = await r.allHeaders().catch(() => r.headers());
  });
  page.on('framenavigated', (f) => seen.navigations.push(f.url()));
  page.on('console', (m) => seen.console.push(m.text()));
  page.on('pageerror', (e) => seen.console.push(String(e)));
  return seen;
}

/** The secrets in any text the page holds outside the password field being typed in. */
const pageText = (page) => page.evaluate(() => {
  const clone = document.documentElement.cloneNode(true);
  clone.querySelectorAll('input[type="password"]').forEach((i) => i.remove());
  return clone.outerHTML + [...document.querySelectorAll('input:not([type="password"]), textarea')].map((i) => i.value).join('\n');
});
const storageText = (page) => page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));

async function signIn(page, secret, remember) {
  const panel = page.locator('.hawk-panel');
  await panel.locator('input[name="hawk-client-id"]').fill(ID);
  await panel.locator('input[name="hawk-secret"]').fill(secret);
  if (remember) await panel.locator('input[name="hawk-remember"]').check();
  await panel.locator('button[type="submit"]').click();
  await page.locator('.hawk-panel[data-signed-in="true"]').waitFor();
}

/** The Hawk submission's console, the page served by server a (`extra`: e.g. `server=…`). */
async function openSubmit(page, extra = '') {
  await page.goto(`${a.url}/docs?${extra}#operation/project_jobs_submit_hawk`);
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  await page.locator('.try-it').waitFor();
}

test('secrets stay out of URLs, history, console, errors, the page, storage and other origins', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1400 } });
  const seen = record(page);
  const tryIt = page.locator('.try-it');

  // 1. A wrong secret: the server's refusal is shown, without the secret.
  await openSubmit(page);
  await page.waitForFunction(() => document.querySelector('.try-body-input')?.value.includes('job_guid'));
  await signIn(page, WRONG, false);
  await tryIt.locator('.try-send').click();
  await tryIt.locator('.try-response[data-status="401"]').waitFor();
  assert.match(await tryIt.locator('.try-detail').textContent(), /MAC does not match/);
  // Each copy-as snippet (curl, Rust, Python) in turn.
  for (const lang of ['curl', 'rust', 'python']) {
    await tryIt.locator(`button[role="tab"][data-lang="${lang}"]`).click();
    await tryIt.locator(`.snippet[data-lang="${lang}"]`).waitFor();
    assert.ok(!(await pageText(page)).includes(WRONG), `not in the page, its ${lang} snippet or error messages`);
  }
  await tryIt.locator('.hawk-forget').click();

  // 2. The right one, not remembered: works, is in no storage, is gone after a reload.
  await signIn(page, SECRET, false);
  await tryIt.locator('.try-send').click();
  await tryIt.locator('.try-response[data-status="200"]').waitFor();
  assert.ok(!(await storageText(page)).includes(SECRET), 'not stored without asking');
  assert.ok(!(await pageText(page)).includes(SECRET));
  await page.reload();
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  assert.equal(await page.locator('.hawk-panel').getAttribute('data-signed-in'), 'false', 'memory only: gone after a reload');

  // 3. Remembered on request, for this origin only.
  await signIn(page, SECRET, true);
  const stored = JSON.parse(await storageText(page)).local;
  const keys = Object.keys(stored).filter((k) => stored[k].includes(SECRET));
  assert.deepEqual(keys, [`treeherder-explorer:hawk:${a.url}`], 'stored under this origin only');

  // 4. Another server (another origin): not signed in there, and nothing signed goes to it.
  await openSubmit(page, `server=${encodeURIComponent(b.url.replace('127.0.0.1', 'localhost'))}`);
  assert.equal(await page.locator('.hawk-panel').getAttribute('data-signed-in'), 'false', 'credentials are per origin');
  assert.ok(await tryIt.locator('.try-send').isDisabled(), 'a signed call cannot go unsigned');
  await page.goto(`${a.url}/jobs?server=${encodeURIComponent(b.url.replace('127.0.0.1', 'localhost'))}&repo=autoland`);
  await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();

  // 5. Back on the first origin it is remembered; "Forget" removes it everywhere.
  await openSubmit(page, `server=${encodeURIComponent(a.url)}`);
  await page.locator('.hawk-panel[data-signed-in="true"]').waitFor();
  await tryIt.locator('.try-send').click();
  await tryIt.locator('.try-response[data-status="200"]').waitFor();
  await tryIt.locator('.hawk-forget').click();
  await page.locator('.hawk-panel[data-signed-in="false"]').waitFor();
  assert.ok(!(await storageText(page)).includes(SECRET), 'forgotten: nothing stored');
  await page.reload();
  await page.locator('.docs-page[data-state="ready"]').waitFor();
  assert.equal(await page.locator('.hawk-panel').getAttribute('data-signed-in'), 'false', 'forgotten: not restored');

  // Everything the session did.
  await page.waitForTimeout(200);
  const leaks = (text) => text.includes(SECRET) || text.includes(WRONG);
  for (const r of seen.requests) {
    assert.ok(!leaks(r.url) && !leaks(r.body) && !leaks(JSON.stringify(r.headers)), `no secret in a request: ${r.url}`);
  }
  const signed = seen.requests.filter((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === 'authorization'));
  assert.ok(signed.length >= 3, 'the signed submissions were recorded');
  assert.deepEqual([...new Set(signed.map((r) => r.origin))], [a.url], 'signed requests go to the credentials\' origin only');
  assert.ok(seen.requests.some((r) => r.origin !== a.url), 'the other origin was asked');
  assert.ok(!seen.navigations.some(leaks), 'no secret in any URL of the history');
  assert.ok(!seen.console.some(leaks), 'no secret in the console');
  const history = await page.evaluate(() => history.length);
  assert.ok(history >= 2);
  assertNoPanic(assert, page);
  await page.close();
});
