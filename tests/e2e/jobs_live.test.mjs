// Live updates: new pushes and changed jobs arrive within one poll (60 s, driven here by a fake
// clock), merged without losing selection, filters or scroll; polling pauses while the tab is
// hidden; failures back off and recover.
import { test, beforeEach, afterEach, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';
import { jobsOf, waitReady, isUnclassifiedFailure } from './sample.mjs';

let server, browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { server = await startServer(); });
afterEach(async () => { await server?.stop(); });

async function openWithFakeClock(path) {
  const page = await newPage(browser);
  await page.clock.install();
  page.apiRequests = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) page.apiRequests.push(r.url()); });
  await page.goto(server.url + path);
  await waitReady(page);
  return page;
}

test('a new push and a changed job appear within one poll, nothing else moves', async () => {
  const jobs = (await Promise.all([55, 56, 57, 58].map((id) => jobsOf(server, id)))).flat();
  const selected = jobs.find(isUnclassifiedFailure);
  const page = await openWithFakeClock(`/jobs?repo=autoland&selectedTaskRun=${selected.task_id}.${selected.retry_id}&tier=1`);
  await page.evaluate(() => window.scrollTo(0, 1200));
  const anchor = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#push-list .push')].find((el) => el.getBoundingClientRect().top >= 0);
    return { id: p.dataset.pushId, top: p.getBoundingClientRect().top };
  });

  const before = await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  const titleBefore = Number((await page.title()).match(/^\[(\d+)\]/)?.[1] ?? 0);
  const added = await server.control('/__sample/pushes?repo=autoland&jobs=8');
  const running = (await jobsOf(server, 60)).find((j) => j.state === 'running');
  await server.control(`/__sample/jobs/${running.id}?state=completed&result=testfailed`);

  // The page's clock also runs at real speed (clock.install), and the test's own steps since the
  // poll was scheduled take real time — up to seconds on a loaded machine (CI failed once at 59 s
  // with the poll already in) — so "not before the minute" is checked with ten seconds to spare.
  await page.clock.fastForward(50_000);
  assert.equal(await page.locator(`.push[data-push-id="${added.id}"]`).count(), 0, 'not before the minute is up');
  // The oldest push leaves only if it is out of sight when the poll lands (see the next test).
  const lastOutOfSight = await page.evaluate(() => [...document.querySelectorAll('#push-list .push')].at(-1).getBoundingClientRect().top >= innerHeight);
  await page.clock.fastForward(11_000);
  await page.locator(`.push[data-push-id="${added.id}"][data-loaded="true"]`).waitFor();
  await page.locator(`.job-btn[data-job-id="${running.id}"][data-status="testfailed"]`).waitFor();
  assert.deepEqual((await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)))).slice(0, 2), [added.id, 60]);
  // Selection, filter and what the reader was looking at are unchanged.
  assert.equal(await page.locator('.job-btn.selected').getAttribute('data-job-id'), String(selected.id));
  assert.match(page.url(), /tier=1/);
  const top = await page.evaluate((id) => document.querySelector(`.push[data-push-id="${id}"]`).getBoundingClientRect().top, anchor.id);
  assert.ok(Math.abs(top - anchor.top) <= 2, `push ${anchor.id} stayed put (${anchor.top} → ${top})`);
  assert.ok(page.apiRequests.some((u) => /push\/\?.*fromchange=/.test(u)));
  assert.ok(page.apiRequests.some((u) => /jobs\/\?.*last_modified__gt=/.test(u)));
  // The list slides: as many pushes as before, the oldest out if nobody is looking at it.
  const after = await page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  const left = before.filter((id) => !after.includes(id));
  assert.deepEqual(left, lastOutOfSight ? [before[before.length - 1]] : [], 'the oldest push left if out of sight');
  assert.equal(after.length, before.length + 1 - left.length);
  const leftFailures = left.length ? (await jobsOf(server, left[0])).filter(isUnclassifiedFailure).length : 0;
  assert.equal(await page.title(), `[${titleBefore + 1 - leftFailures}] autoland`, 'the new unclassified failure counts; the departed push\'s no longer');
  assertNoPanic(assert, page);
  await page.close();
});

test('the list slides only where the reader is not looking', async () => {
  const page = await openWithFakeClock('/jobs?repo=autoland');
  const ids = () => page.$$eval('#push-list .push', (ps) => ps.map((p) => Number(p.dataset.pushId)));
  const poll = async () => {
    const added = await server.control('/__sample/pushes?repo=autoland&jobs=4');
    await page.clock.fastForward(61_000);
    await page.locator(`.push[data-push-id="${added.id}"][data-loaded="true"]`).waitFor();
    return added.id;
  };
  // At the top: the oldest push, far below, leaves as the new one arrives.
  const start = await ids();
  assert.equal(start.length, 10);
  const first = await poll();
  assert.deepEqual(await ids(), [first, ...start.slice(0, 9)]);

  // At the bottom, the oldest push is in sight: it stays, and does not move.
  // Pushes draw (and take their real height) as they come near, so scroll to the end until the
  // page stops changing.
  await page.evaluate(async () => {
    let previous = -1;
    for (let i = 0; i < 50; i++) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((r) => setTimeout(r, 100));
      const last = [...document.querySelectorAll('#push-list .push')].at(-1).getBoundingClientRect();
      if (scrollY === previous && last.top < innerHeight) return;
      previous = scrollY;
    }
    throw new Error('the page did not settle at its end');
  });
  const bottom = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#push-list .push')].at(-1);
    return { id: Number(p.dataset.pushId), top: p.getBoundingClientRect().top };
  });
  const second = await poll();
  const now = await ids();
  assert.equal(now.length, 11, 'the list grew instead');
  assert.equal(now.at(-1), bottom.id);
  const top = await page.evaluate((id) => document.querySelector(`.push[data-push-id="${id}"]`).getBoundingClientRect().top, bottom.id);
  assert.ok(Math.abs(top - bottom.top) <= 2, `the push in sight stayed put (${bottom.top} → ${top})`);

  // Back at the top, the next poll brings the list back to its size.
  await page.evaluate(() => window.scrollTo(0, 0));
  const third = await poll();
  assert.deepEqual(await ids(), [third, second, first, ...start.slice(0, 7)]);
  assertNoPanic(assert, page);
  await page.close();
});

test('polling pauses while the tab is hidden and resumes when it is shown', async () => {
  const page = await openWithFakeClock('/jobs?repo=autoland');
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  const added = await server.control('/__sample/pushes?repo=autoland&jobs=3');
  page.apiRequests.length = 0;
  await page.clock.fastForward(120_000);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(page.apiRequests, [], 'no request while hidden');
  await setHidden(false);
  await page.locator(`.push[data-push-id="${added.id}"]`).waitFor();
  assertNoPanic(assert, page);
  await page.close();
});

/** The job buttons drawn once the far pushes' first visibility checks have run (an
 *  IntersectionObserver draws the pushes near the viewport a few frames after ready): the count
 *  read twice, 300 ms of real time apart, until it holds. */
async function settledButtonCount(page) {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const count = await page.locator('#push-list .job-btn').count();
    if (count === last) return count;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return last;
}

test('when the server fails mid-poll the view stays, says so, backs off and recovers', async () => {
  const page = await openWithFakeClock('/jobs?repo=autoland');
  const before = await settledButtonCount(page);
  await server.control('/__sample/faults?mode=503&path=/api/project/autoland/push/&times=2');
  await page.clock.fastForward(61_000);
  const notice = page.locator('.poll-error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /Live updates paused: Service unavailable \(503\).*Retrying in 120 s/);
  assert.equal(await settledButtonCount(page), before, 'what was loaded stays');
  await page.clock.fastForward(121_000);
  await page.waitForFunction(() => /Retrying in 240 s/.test(document.querySelector('.poll-error')?.textContent || ''));
  await page.clock.fastForward(241_000);
  await notice.waitFor({ state: 'detached' });
  // A rate limit is honoured: the next try waits at least Retry-After.
  await server.control('/__sample/faults?mode=429&retry_after=600&path=/api/project/autoland/push/&times=1');
  await page.clock.fastForward(61_000);
  await page.waitForFunction(() => /Retrying in 600 s/.test(document.querySelector('.poll-error')?.textContent || ''));
  assertNoPanic(assert, page);
  await page.close();
});

test('the server going away entirely is reported the same way', async () => {
  const page = await openWithFakeClock('/jobs?repo=autoland');
  await server.stop();
  await page.clock.fastForward(61_000);
  await page.locator('.poll-error').waitFor();
  assert.match(await page.locator('.poll-error').textContent(), /Live updates paused: Could not reach/);
  assert.ok(await page.locator('#push-list .job-btn').count() > 0);
  assertNoPanic(assert, page);
  await page.close();
});
