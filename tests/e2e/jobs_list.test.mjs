// The jobs view: pushes, revisions, counts, rows, groups, colours — checked against the sample
// server's own data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';

// Pushes are drawn when they come near the viewport: a tall one shows all ten at once.
const TALL = { viewport: { width: 1400, height: 4000 } };
import { api, jobsOf, expectedCounts, shownByDefault, shownInPush, status, isUnclassifiedFailure, waitReady } from './sample.mjs';

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the first 10 autoland pushes show their jobs and counts as the data says', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const expectedPushes = (await api(server, '/api/project/autoland/push/?count=10')).results;
  const shownIds = await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  assert.deepEqual(shownIds, expectedPushes.map((p) => p.id));

  let unclassified = 0;
  for (const push of expectedPushes) {
    const jobs = await jobsOf(server, push.id);
    const shown = await shownInPush(page, push.id);
    assert.equal(shown.total, jobs.filter(shownByDefault).length, `jobs shown in push ${push.id}`);
    for (const id of shown.buttons) assert.ok(jobs.some((j) => j.id === id), `job ${id} belongs to push ${push.id}`);
    const counts = await page.locator(`.push[data-push-id="${push.id}"] .push-counts`).evaluate((el) => ({ ...el.dataset }));
    const want = expectedCounts(jobs);
    assert.equal(Number(counts.failed), want.failed, `failed count of push ${push.id}`);
    assert.equal(Number(counts.inProgress), want.inProgress, `in progress of push ${push.id}`);
    assert.equal(Number(counts.percent), want.percent, `percent of push ${push.id}`);
    const text = await page.locator(`.push[data-push-id="${push.id}"] .push-counts`).textContent();
    if (want.inProgress > 0) assert.match(text, new RegExp(`${want.percent}% - ${want.inProgress} in progress`));
    else assert.match(text, /Complete/);
    unclassified += jobs.filter(isUnclassifiedFailure).length;
  }
  assert.equal(unclassified, 7);
  assert.equal(await page.title(), '[7] autoland');
  assert.equal(await page.locator('.unclassified-toggle').textContent(), '7 unclassified');
  assertNoPanic(assert, page);
  await page.close();
});

test('revisions: short SHA to the changeset, author initials, bug links; date and author links', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const push = (await api(server, '/api/project/autoland/push/?count=1')).results[0];
  const card = page.locator(`.push[data-push-id="${push.id}"]`);
  const commit = push.revisions[0];
  const row = card.locator(`.revision[data-revision="${commit.revision}"]`);
  assert.equal(await row.locator('.rev-sha').textContent(), commit.revision.slice(0, 12));
  assert.equal(await row.locator('.rev-sha').getAttribute('href'), `https://hg.mozilla.org/integration/autoland/rev/${commit.revision}`);
  const bug = commit.comments.match(/Bug (\d+)/)[1];
  assert.equal(await row.locator('.bug-link').first().getAttribute('href'), `https://bugzilla.mozilla.org/show_bug.cgi?id=${bug}`);
  assert.equal(await row.locator('.rev-desc').textContent(), commit.comments.split('\n')[0]);
  assert.match(await row.locator('.rev-author').getAttribute('title'), /: .+@example\.com$/);
  assert.match(await card.locator('.push-date').getAttribute('href'), new RegExp(`revision=${push.revision}`));
  assert.match(await card.locator('.push-author').getAttribute('href'), new RegExp(`author=${encodeURIComponent(push.author)}`));
  await card.locator('.push-date').click();
  await page.waitForURL(new RegExp(`revision=${push.revision}`));
  await waitReady(page);
  assert.deepEqual(await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId))), [push.id]);
  assertNoPanic(assert, page);
  await page.close();
});

test('a push with more than 20 commits shows "…and N more"', async () => {
  const added = await server.control('/__sample/pushes?repo=autoland&jobs=3&commits=25');
  try {
    const page = await newPage(browser, TALL);
    await page.goto(`${server.url}/jobs?repo=autoland&revision=${added.revision}`);
    await waitReady(page);
    const card = page.locator(`.push[data-push-id="${added.id}"]`);
    assert.equal(await card.locator('.revision').count(), 20);
    assert.equal(await card.locator('.more-revisions a').textContent(), '…and 5 more');
    assert.match(await card.locator('.more-revisions a').getAttribute('href'), /pushloghtml\?changeset=/);
    await page.close();
  } finally {
    await server.control('/__sample/reset');
  }
});

test('rows use Treeherder names and order, groups show tiers, counts fold and expand', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const card = page.locator('.push[data-push-id="59"]');
  const rows = await card.locator('.platform-row').evaluateAll((rs) => rs.map((r) => r.dataset.platform));
  assert.deepEqual(rows.slice(0, 5), ['Linux opt', 'Linux debug', 'Linux 18.04 opt', 'Linux 18.04 debug', 'Linux 18.04 Shippable opt']);
  assert.deepEqual(rows.slice(-3), ['Android 7.0 x86-64 debug', 'Gecko Decision Task opt', 'Linting opt']);
  const android = card.locator('.platform-row[data-platform="Android 7.0 x86-64 debug"]');
  assert.match(await android.textContent(), /M\[tier 2\]/);
  // Linting: ungrouped jobs first, then groups.
  assert.match((await card.locator('.platform-row[data-platform="Linting opt"] .job-row').textContent()).replace(/\s+/g, ''), /^ESrustfmtpy\(ruff\)$/);
  // A collapsed group folds successes into "+N"; clicking expands it.
  const group = card.locator('.platform-row[data-platform="Windows 11 24H2 opt"] .job-group').first();
  const count = group.locator('.job-count').first();
  const n = Number(await count.getAttribute('data-count'));
  assert.ok(n >= 2);
  const before = await group.locator('.job-btn').count();
  await count.click();
  await group.locator('.job-count').first().waitFor({ state: 'detached' }).catch(() => {});
  const expanded = card.locator('.platform-row[data-platform="Windows 11 24H2 opt"] .job-group[data-expanded="true"]').first();
  assert.equal(await expanded.locator('.job-btn').count(), before + n);
  await expanded.locator('.group-symbol').click();
  assert.equal(await card.locator('.platform-row[data-platform="Windows 11 24H2 opt"] .job-group').first().getAttribute('data-expanded'), 'false');
  // group_state=expanded opens every group.
  await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded`);
  await waitReady(page);
  assert.equal(await page.locator('.job-count').count(), 0);
  assertNoPanic(assert, page);
  await page.close();
});

test('colours: every status has its colour; unclassified failures filled, classified outlined', async () => {
  const page = await newPage(browser, TALL);
  const pushes = (await api(server, '/api/project/autoland/push/?count=100')).results;
  const p46 = pushes.find((p) => p.id === 46);
  await page.goto(`${server.url}/jobs?repo=autoland&revision=${p46.revision}`);
  await waitReady(page);
  const jobs = await jobsOf(server, 46);
  const busted = jobs.find((j) => j.result === 'busted');
  assert.equal(busted.job_type_name, 'build-linux64/debug');
  const button = page.locator(`.job-btn[data-job-id="${busted.id}"]`);
  assert.equal(await button.getAttribute('data-status'), 'busted');
  assert.equal(await button.getAttribute('data-classified'), 'true', 'the busted build was classified fixed-by-commit');
  assert.equal(await button.evaluate((b) => getComputedStyle(b).borderTopStyle), 'dotted', 'classified: outlined');
  assert.equal(await button.evaluate((b) => getComputedStyle(b).color), 'rgb(183, 76, 76)');

  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const failed = page.locator('.job-btn[data-status="testfailed"]:not([data-classified="true"])').first();
  assert.equal(await failed.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(221, 102, 2)', 'unclassified: filled');
  const colours = await page.evaluate(() => {
    const out = {};
    for (const b of document.querySelectorAll('.job-btn')) out[b.dataset.status] ||= getComputedStyle(b).color;
    return out;
  });
  assert.equal(colours.success, 'rgba(2, 130, 51, 0.95)');
  assert.equal(colours.running, 'rgb(0, 0, 0)');
  assert.ok(colours.pending && colours.retry && colours.exception, JSON.stringify(colours));
  const shown = await page.$$eval('.job-btn', (bs) => bs.map((b) => b.dataset.status));
  const all = (await Promise.all((await api(server, '/api/project/autoland/push/?count=10')).results.map((p) => jobsOf(server, p.id)))).flat();
  for (const s of new Set(shown)) assert.ok(all.some((j) => status(j) === s), s);
  assertNoPanic(assert, page);
  await page.close();
});

test('get next 10 loads older pushes and records the range in the URL', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  await page.locator('.pager button', { hasText: '10' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#push-list .push').length === 20);
  const ids = await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => 60 - i));
  const oldest = (await api(server, '/api/project/autoland/push/41/')).revision;
  await page.waitForURL(new RegExp(`fromchange=${oldest}`));
  await waitReady(page);
  // The URL now describes what is shown: a reload shows the same 20 pushes.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#push-list .push').count(), 20);
  assertNoPanic(assert, page);
  await page.close();
});

test('server-side ranges: revision, author, fromchange/tochange, startdate/enddate', async () => {
  const page = await newPage(browser, TALL);
  const all = (await api(server, '/api/project/autoland/push/?count=100')).results;
  const rev = (id) => all.find((p) => p.id === id).revision;
  const ids = async (query) => {
    await page.goto(`${server.url}/jobs?repo=autoland&${query}`);
    await waitReady(page);
    return page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  };
  assert.deepEqual(await ids(`fromchange=${rev(40)}&tochange=${rev(44)}`), [44, 43, 42, 41, 40]);
  const author = all.find((p) => p.id === 50).author;
  const byAuthor = await ids(`author=${encodeURIComponent(author)}`);
  assert.deepEqual(byAuthor, all.filter((p) => p.author === author).slice(0, 10).map((p) => p.id));
  const day = all.find((p) => p.id === 30).push_timestamp;
  const date = new Date(day * 1000).toISOString().slice(0, 10);
  const onDay = await ids(`startdate=${date}&enddate=${date}`);
  const start = Date.parse(`${date}T00:00:00Z`) / 1000;
  assert.deepEqual(onDay, all.filter((p) => p.push_timestamp >= start && p.push_timestamp < start + 86400).slice(0, 10).map((p) => p.id));
  assert.deepEqual(await ids(`revision=${rev(33).slice(0, 12)}`), [33]);
  assertNoPanic(assert, page);
  await page.close();
});

test('while jobs load, progress shows and the loaded pushes stay usable', async () => {
  // The jobs of the shown pushes come in one query (push_id__in): held back, every push says it
  // is loading its jobs, and the pushes themselves are drawn and usable meanwhile.
  await server.control('/__sample/faults?mode=slow&delay_ms=4000&path=/api/jobs/&query=push_id__in&times=1');
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  const waiting = page.locator('.push[data-push-id="60"] .push-loading');
  await waiting.waitFor();
  assert.match(await waiting.textContent(), /Loading jobs/);
  assert.equal(await page.locator('[data-view="jobs"]').getAttribute('data-state'), 'loading-jobs');
  assert.equal(await page.locator('.push .push-loading').count(), await page.locator('.push').count(), 'every push waits for the one query');
  // A push is already usable: its author link filters the list to that author's pushes.
  const author = page.locator('.push[data-push-id="59"] .push-author').first();
  const who = (await author.textContent()).trim();
  await author.click();
  await page.waitForURL((u) => new URL(u).searchParams.get('author') === who);
  await waitReady(page);
  assert.equal(await page.locator('.push-loading').count(), 0);
  assertNoPanic(assert, page);
  await page.close();
});

test('far pushes are drawn soon without scrolling: the page keeps its height to the end, and every job is in the page', async () => {
  // A normal screen: only the first pushes are near, the others come from the idle queue.
  const page = await newPage(browser, { viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  const pushes = await page.locator('#push-list .push').count();
  await page.waitForFunction((n) => document.querySelectorAll('#push-list .job-table[data-rendered="true"]').length === n, pushes);
  // Every job the filter shows has its button in the DOM (find-in-page sees them all), though
  // the page was never scrolled.
  const shown = await page.$$eval('#push-list .push', (ps) => ps.reduce((n, p) => n + Number(p.dataset.shown), 0));
  const buttons = await page.locator('#push-list .job-btn, #push-list .job-count').count();
  assert.ok(buttons > 100 && buttons <= shown, `${buttons} buttons and counts for ${shown} shown jobs`);
  const symbols = await page.locator('#push-list .push').last().locator('.job-btn').count();
  assert.ok(symbols > 0, 'the last push, far below, has its buttons');
  // End lands at the end, and scrolling down the whole page does not make it grow.
  const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
  await page.locator('body').press('End');
  await page.waitForTimeout(300);
  const atEnd = await page.evaluate(() => ({ bottom: scrollY + innerHeight, height: document.scrollingElement.scrollHeight }));
  assert.ok(Math.abs(atEnd.height - height) <= 2, `the page kept its height: ${height} → ${atEnd.height}`);
  assert.ok(atEnd.height - atEnd.bottom <= 2, `End is the end: ${JSON.stringify(atEnd)}`);
  assertNoPanic(assert, page);
  await page.close();
});

test('platform names are shown whole, and each push lines its rows up on one column', async () => {
  const page = await newPage(browser, TALL);
  await page.goto(`${server.url}/jobs?repo=autoland`);
  await waitReady(page);
  await page.waitForFunction(() => [...document.querySelectorAll('#push-list .job-table')].every((t) => t.dataset.rendered === 'true'));
  const cells = await page.$$eval('#push-list .push', (pushes) => pushes.map((p) => {
    const names = [...p.querySelectorAll('.platform')];
    return {
      clipped: names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent),
      lefts: [...new Set([...p.querySelectorAll('.job-row')].map((r) => Math.round(r.getBoundingClientRect().left)))],
      longest: names.some((n) => n.textContent === 'Windows 11 24H2 Shippable'),
    };
  }));
  for (const c of cells) {
    assert.deepEqual(c.clipped, [], 'no platform name is cut');
    assert.equal(c.lefts.length, 1, `a push's job cells start at one x: ${c.lefts}`);
  }
  assert.ok(cells.some((c) => c.longest), 'the sample has the long name the ellipsis used to cut');
  await page.close();
});
