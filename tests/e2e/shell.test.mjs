// The app shell: loads, lists the sample's repositories, follows the repository picker,
// honours ?server=, and says clearly when the server is down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';
import { api, jobsOf, isUnclassifiedFailure, waitReady } from './sample.mjs';

let server, other, browser;
before(async () => {
  [server, other, browser] = await Promise.all([startServer(), startServer([], { dist: null }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), other?.stop()]);
});

test('the app loads and lists the 50 repositories of the sample API', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/jobs`);
  const picker = page.locator('#repo-picker[data-state="ready"]');
  await picker.waitFor();
  assert.equal(await picker.getAttribute('data-count'), '50');
  const names = await page.$$eval('#repo-picker optgroup:not([label="Favourites"]) option', (os) => os.map((o) => o.value));
  assert.equal(names.length, 50);
  assert.ok(names.includes('autoland') && names.includes('mozilla-central') && names.includes('try'));
  assert.equal(await picker.inputValue(), 'autoland', 'autoland is the default repository');
  assert.equal(await page.locator('.error-banner').count(), 0);
  await page.close();
  assertNoPanic(assert, page);
});

test('/ redirects to /jobs and keeps the query', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/?repo=mozilla-central`);
  await page.waitForURL(/\/jobs\?repo=mozilla-central$/);
  await page.locator('#repo-picker[data-state="ready"]').waitFor();
  assert.equal(await page.locator('#repo-picker').inputValue(), 'mozilla-central');
  assertNoPanic(assert, page);
  await page.close();
});

test('switching repository updates the URL, and the title never pairs one repository with another\'s counts', async () => {
  const page = await newPage(browser);
  // Every title the page ever had, in order.
  await page.addInitScript(() => {
    window.__titles = [];
    new MutationObserver(() => {
      if (window.__titles.at(-1) !== document.title) window.__titles.push(document.title);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await page.locator('#repo-picker[data-state="ready"]').waitFor();
  await waitReady(page);
  await page.selectOption('#repo-picker', 'mozilla-central');
  await page.waitForURL(/repo=mozilla-central/);
  assert.match(page.url(), /\/jobs\?repo=mozilla-central/);

  let unclassified = 0;
  for (const push of (await api(server, '/api/project/mozilla-central/push/?count=10')).results) {
    unclassified += (await jobsOf(server, push.id)).filter(isUnclassifiedFailure).length;
  }
  assert.ok(unclassified > 0, 'the sample has unclassified failures on mozilla-central');
  const expected = `[${unclassified}] mozilla-central`;
  await page.waitForFunction((t) => document.title === t, expected, { timeout: 10_000 })
    .catch(() => {});
  assert.equal(await page.title(), expected, "Treeherder's title: [unclassified failures] repo");
  // The count shows once mozilla-central's jobs are all in: never autoland's, never a partial one.
  const titles = await page.evaluate(() => window.__titles);
  const counted = titles.filter((t) => t.endsWith('] mozilla-central'));
  assert.deepEqual([...new Set(counted)], [expected], `titles seen: ${titles.join(' | ')}`);

  await page.goBack();
  await page.waitForURL(/repo=autoland/);
  assert.equal(await page.locator('#repo-picker').inputValue(), 'autoland');
  await page.waitForFunction(() => document.title === '[7] autoland', null, { timeout: 10_000 }).catch(() => {});
  assert.equal(await page.title(), '[7] autoland');
  assertNoPanic(assert, page);
  await page.close();
});

test('?server= is honoured: every API request goes to that server', async () => {
  const page = await newPage(browser);
  const apiHosts = new Set();
  page.on('request', (r) => { if (r.url().includes('/api/')) apiHosts.add(new URL(r.url()).host); });
  await page.goto(`${server.url}/jobs?server=${encodeURIComponent(other.url)}`);
  await page.locator('#repo-picker[data-state="ready"]').waitFor();
  assert.deepEqual([...apiHosts], [new URL(other.url).host]);
  assert.equal(await page.locator('[data-testid="server-host"]').textContent(), new URL(other.url).host);
  // Links keep the server, so navigation stays on it.
  const href = await page.locator('a.nav-link', { hasText: 'API' }).getAttribute('href');
  assert.match(href, new RegExp(`server=${encodeURIComponent(other.url).replace(/%/g, '%')}`));
  assertNoPanic(assert, page);
  await page.close();
});

test('a server that is down gets a clear message, not a blank page', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/jobs?server=${encodeURIComponent('http://127.0.0.1:9')}`);
  const banner = page.locator('.error-banner', { hasText: 'Loading repositories' });
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /Loading repositories from http:\/\/127\.0\.0\.1:9 failed: Network error/);
  assert.equal(await banner.getAttribute('data-error-kind'), 'network');
  // What it means is what shows; the browser's words ("Failed to fetch") and the URL are one
  // click away, in a disclosure.
  assert.match(await banner.locator('.error-message').textContent(), /^Could not reach the server: it may be down .*CORS/);
  const detail = banner.locator('details.error-detail');
  assert.equal(await detail.getAttribute('open'), null, 'the detail starts closed');
  assert.equal(await detail.locator('span').isVisible(), false);
  await detail.locator('summary').click();
  assert.match(await detail.locator('span').textContent(), /Could not reach GET http:\/\/127\.0\.0\.1:9\/api\/repository\/ \(.+\)/);
  await assert.doesNotReject(page.locator('.top-bar').waitFor(), 'the shell still renders');
  assert.ok(await banner.locator('button', { hasText: 'Retry' }).isVisible());
  assertNoPanic(assert, page);
  await page.close();
});

test('an invalid ?server= is reported and the default is used', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/jobs?server=not-a-url`);
  const notice = page.locator('.notice', { hasText: 'Ignored the server' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /server URL "not-a-url" is not a URL/);
  // The deployment default (config.json: this same sample server) is then used.
  await page.locator('#repo-picker[data-state="ready"]').waitFor();
  assertNoPanic(assert, page);
  await page.close();
});

test('settings: a chosen server is saved and used after reload; ?server= still wins', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/settings`);
  await page.fill('#custom-server', other.url + '/');
  await page.click('button:has-text("Add and use")');
  await page.locator('[data-testid="active-server"]', { hasText: other.url }).waitFor();
  await page.reload();
  await page.locator('[data-testid="active-server"]', { hasText: other.url }).waitFor();
  assert.match(await page.locator('.active-server').textContent(), /saved in this browser/);
  await page.goto(`${server.url}/settings?server=${encodeURIComponent(server.url)}`);
  await page.locator('[data-testid="active-server"]', { hasText: server.url }).waitFor();
  assert.match(await page.locator('.active-server').textContent(), /server= parameter/);
  await page.goto(`${server.url}/settings`);
  await page.click('button:has-text("Forget the saved choice")');
  await page.locator('[data-testid="active-server"]', { hasText: server.url }).waitFor();
  assert.match(await page.locator('.active-server').textContent(), /deployment's default/);
  assertNoPanic(assert, page);
  await page.close();
});

test('an unknown view says so', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/no/such/view`);
  await page.locator('.not-found').waitFor();
  assert.match(await page.locator('.not-found').textContent(), /no view at \/no\/such\/view/);
  assertNoPanic(assert, page);
  await page.close();
});
