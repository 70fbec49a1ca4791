// Filters: client-side, instant, in the URL with Treeherder's names; pasted Treeherder URLs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

// Pushes are drawn when they come near the viewport: a tall one shows all ten at once.
const TALL = { viewport: { width: 1400, height: 4000 } };
import { api, jobsOf, status, isClassified, isUnclassifiedFailure, waitReady } from './sample.mjs';

let server, browser, jobs;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const pushes = (await api(server, '/api/project/autoland/push/?count=10')).results;
  jobs = (await Promise.all(pushes.map((p) => jobsOf(server, p.id)))).flat();
});
after(async () => { await browser?.close(); await server?.stop(); });

const shownIds = (page) => page.$$eval('#push-list .job-btn', (bs) => bs.map((b) => Number(b.dataset.jobId)).sort((a, b) => a - b));
const ids = (list) => list.map((j) => j.id).sort((a, b) => a - b);

test('resultStatus, classifiedState and tier filter the jobs (expanded groups show every job)', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded&resultStatus=testfailed,busted,exception`);
  await waitReady(page);
  const tier12 = (j) => [1, 2].includes(j.tier);
  assert.deepEqual(await shownIds(page), ids(jobs.filter((j) => ['testfailed', 'busted', 'exception'].includes(status(j)) && tier12(j))));
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded&resultStatus=testfailed&classifiedState=classified`);
  await waitReady(page);
  assert.deepEqual(await shownIds(page), ids(jobs.filter((j) => status(j) === 'testfailed' && isClassified(j) && tier12(j))));
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded&tier=2`);
  await waitReady(page);
  const tier2 = jobs.filter((j) => j.tier === 2 && ['testfailed', 'busted', 'exception', 'success', 'retry', 'usercancel', 'running', 'pending'].includes(status(j)));
  assert.ok(tier2.length > 0);
  assert.deepEqual(await shownIds(page), ids(tier2));
  assertNoPanic(assert, page);
  await page.close();
});

test('the quick filter applies as you type, every word must match, and it is in the URL', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded`);
  await waitReady(page);
  await page.locator('#quick-filter').fill('windows debug bc');
  await page.waitForURL(/searchStr=windows\+debug\+bc|searchStr=windows%20debug%20bc/);
  await page.waitForFunction(() => [...document.querySelectorAll('#push-list .job-btn')].every((b) => /bc/i.test(b.textContent)));
  const shown = await page.$$eval('#push-list .job-btn', (bs) => bs.map((b) => b.closest('.platform-row').dataset.platform + ' ' + b.textContent));
  assert.ok(shown.length > 0);
  for (const s of shown) assert.match(s, /^Windows .*debug bc\d/);
  const chip = page.locator('.filter-chip[data-field="searchStr"]');
  assert.equal(await chip.textContent(), 'search: windows debug bc×');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+F');
  await page.waitForFunction(() => !location.search.includes('searchStr'));
  assert.equal(await page.locator('#quick-filter').inputValue(), '');
  assertNoPanic(assert, page);
  await page.close();
});

test('field filters are chips that can be removed; legacy filter- names work', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded&filter-job_group_symbol=R&platform=macos`);
  await waitReady(page);
  const rows = await page.$$eval('#push-list .platform-row', (rs) => rs.map((r) => r.dataset.platform));
  assert.ok(rows.length > 0 && rows.every((r) => r.toLowerCase().includes('macos')), rows.join());
  const groups = await page.$$eval('#push-list .group-symbol', (gs) => [...new Set(gs.map((g) => g.textContent))]);
  assert.deepEqual(groups, ['R']);
  assert.equal(await page.locator('.filter-chip').count(), 2);
  await page.locator('.filter-chip[data-field="platform"] .chip-remove').click();
  await page.waitForFunction(() => !location.search.includes('platform='));
  const rowsAfter = await page.$$eval('#push-list .platform-row', (rs) => rs.map((r) => r.dataset.platform));
  assert.ok(rowsAfter.some((r) => r.startsWith('Linux')));
  // Adding a field filter from the menu.
  await page.locator('.filter-menu summary').click();
  await page.selectOption('.field-filter-form select', 'job_type_symbol');
  await page.fill('.field-filter-form input', 'R1');
  await page.click('.field-filter-form button');
  await page.waitForURL(/job_type_symbol=r1/);
  const symbols = await page.$$eval('#push-list .job-btn', (bs) => [...new Set(bs.map((b) => b.textContent))]);
  assert.deepEqual(symbols, ['R1']);
  assertNoPanic(assert, page);
  await page.close();
});

test('"unclassified failures only" toggles with its count and the u key', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const toggle = page.locator('.unclassified-toggle');
  assert.equal(await toggle.getAttribute('data-count'), String(jobs.filter(isUnclassifiedFailure).length));
  await toggle.click();
  await page.waitForURL(/classifiedState=unclassified/);
  assert.deepEqual(await shownIds(page), ids(jobs.filter(isUnclassifiedFailure)));
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('u');
  await page.waitForFunction(() => !location.search.includes('classifiedState'));
  assert.ok((await shownIds(page)).length > 7);
  await page.keyboard.press('i');
  await page.waitForURL(/resultStatus=/);
  assert.equal(await page.locator('#push-list .job-btn[data-status="running"], #push-list .job-btn[data-status="pending"]').count(), 0);
  assertNoPanic(assert, page);
  await page.close();
});

test('a URL copied from treeherder.mozilla.org opens the same view', async () => {
  const failure = jobs.find((j) => isUnclassifiedFailure(j));
  const pushes = (await api(server, '/api/project/autoland/push/?count=10')).results;
  const revision = pushes.find((p) => p.id === failure.push_id).revision;
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland&revision=${revision}&resultStatus=testfailed%2Cbusted%2Cexception&classifiedState=unclassified&selectedTaskRun=${failure.task_id}.${failure.retry_id}`);
  await waitReady(page);
  assert.deepEqual(await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId))), [failure.push_id]);
  const selected = page.locator('.job-btn.selected');
  assert.equal(await selected.getAttribute('data-job-id'), String(failure.id));
  assert.equal(await page.locator('.unclassified-toggle').getAttribute('aria-pressed'), 'true');
  await page.locator('.details-panel [data-field="job-id"]', { hasText: String(failure.id) }).waitFor();
  // Treeherder's older "-" form of selectedTaskRun works too.
  await page.goto(`${server.url}/jobs?repo=autoland&selectedTaskRun=${failure.task_id}-${failure.retry_id}`);
  await page.locator('.details-panel [data-field="job-id"]', { hasText: String(failure.id) }).waitFor();
  assertNoPanic(assert, page);
  await page.close();
});

test('a filter change is instant and keeps the selection and the scroll position', async () => {
  const page = await newPage(browser);
  const failure = jobs.find((j) => isUnclassifiedFailure(j) && j.push_id <= 55);
  await page.goto(`${server.url}/jobs?repo=autoland&selectedJob=${failure.id}`);
  await waitReady(page);
  await page.evaluate(() => window.scrollTo(0, 1500));
  const y = await page.evaluate(() => window.scrollY);
  // A filter change that hides nothing here leaves the page exactly where it was…
  await page.locator('.chicklet[data-status="superseded"]').click();
  await page.waitForURL(/resultStatus=.*superseded/);
  assert.equal(await page.evaluate(() => window.scrollY), y);
  // …and one that hides jobs does not send the reader back to the top.
  await page.locator('.chicklet[data-status="success"]').click();
  await page.waitForFunction(() => !document.querySelector('#push-list .job-btn[data-status="success"]'));
  assert.ok(await page.evaluate(() => window.scrollY) > 300);
  assert.equal(await page.locator('.job-btn.selected').getAttribute('data-job-id'), String(failure.id));
  assertNoPanic(assert, page);
  await page.close();
});
