// The performance graphs view against the sample API: a Perfherder URL opens the same graph
// with every point, alerts are marked, hovering shows a point's revision, zoom lives in the URL,
// the table lists the API's values, and bad series get clear messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, assertNoPanic } from './harness.mjs';
import { UA } from './sample.mjs';

const THREE = 'series=autoland,1,1,1&series=autoland,7,1,13&series=autoland,9,1,13&timerange=1209600';
const FRAMEWORKS = { 1: 1, 7: 13, 9: 13 };

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.stop(); });

/** What Perfherder's graphs view asks the API for one series. */
async function summary(sig, { repo = 'autoland', interval = 1209600 } = {}) {
  const url = `${server.url}/api/performance/summary/?repository=${repo}&signature=${sig}&framework=${FRAMEWORKS[sig] ?? 1}&interval=${interval}&all_data=true&replicates=false`;
  const [s] = await (await fetch(url, { headers: UA })).json();
  return s;
}

async function openGraphs(page, query) {
  await page.goto(`${server.url}/perfherder/graphs?${query}`);
  await page.locator('.graphs-page[data-state="ready"]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('.chart')?.dataset.plot?.split(',')[2]) > 100);
}

/** The page coordinates of a data point, from the chart's own domain and plot attributes. */
async function pointOnPage(page, t, v) {
  const { xDomain, yDomain, plot } = await page.locator('.chart').evaluate((el) => ({ ...el.dataset }));
  const [x0, x1] = xDomain.split(',').map(Number);
  const [y0, y1] = yDomain.split(',').map(Number);
  const [left, top, width, height] = plot.split(',').map(Number);
  const box = await page.locator('canvas.chart-main').boundingBox();
  return {
    x: box.x + left + ((t - x0) / (x1 - x0)) * width,
    y: box.y + top + height - ((v - y0) / (y1 - y0)) * height,
  };
}

const ms = (iso) => Date.parse(`${iso}Z`);

test('a Perfherder URL with autoland series 1, 7 and 9 shows 3 legend cards and every point', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, THREE);
  const cards = page.locator('.legend-card');
  assert.deepEqual(await cards.evaluateAll((cs) => cs.map((c) => [c.dataset.signatureId, c.dataset.state])), [['1', 'ready'], ['7', 'ready'], ['9', 'ready']]);
  const expected = await Promise.all([1, 7, 9].map((s) => summary(s)));
  const total = expected.reduce((n, s) => n + s.data.length, 0);
  assert.equal(await page.locator('.chart').getAttribute('data-points'), String(total));
  assert.ok(total > 800, `${total} points`);
  for (const [i, s] of expected.entries()) {
    assert.match(await cards.nth(i).locator('.legend-name').textContent(), new RegExp(s.name.replace(/[[\]+()]/g, '.')));
    assert.match(await cards.nth(i).textContent(), new RegExp(`${s.data.length} points`));
    // Perfherder's alerting facts: should_alert unless false, change type 1 = absolute.
    const alerting = await cards.nth(i).locator('.legend-alerting').innerText();
    assert.equal(alerting, [
      `should_alert: ${s.should_alert !== false}`,
      `alert_change_type: ${s.alert_change_type === 1 ? 'absolute' : 'percentage'}`,
      `alert_threshold: ${s.alert_threshold ?? 'null'}`,
    ].join('\n'));
    if (s.application) assert.match(await cards.nth(i).textContent(), new RegExp(s.application));
  }
  assert.ok(expected.some((s) => s.should_alert === false || s.should_alert === true), 'the sample sets should_alert on at least one series');
  assert.equal(await page.title(), `${expected[0].name} – Graphs – Treeherder Explorer`);
  assertNoPanic(assert, page);
  await page.close();
});

test('the tp5o regression alert at push 43 is marked on the chart, where its points are', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, THREE);
  const marker = page.locator('.alert-marker[data-push-id="43"]');
  assert.equal(await marker.getAttribute('data-kind'), 'regression');
  assert.match(await marker.textContent(), /6\.5% investigating/);
  const tp5o = await summary(1);
  const at43 = tp5o.data.find((d) => d.push_id === 43);
  const where = await pointOnPage(page, ms(at43.push_timestamp), at43.value);
  const box = await marker.boundingBox();
  assert.ok(Math.abs(box.x + box.width / 2 - where.x) < 2, 'the marker stands at the alerted push');
  // Un-highlighting hides the markers' emphasis in the URL.
  await page.locator('input[name="highlightAlerts"]').uncheck();
  await page.waitForURL(/highlightAlerts=0/);
  assertNoPanic(assert, page);
  await page.close();
});

test('hovering a point shows its revision, value and change; a click locks it into the URL', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, THREE);
  const tp5o = await summary(1);
  const point = tp5o.data[150];
  const where = await pointOnPage(page, ms(point.push_timestamp), point.value);
  await page.mouse.move(where.x, where.y);
  const tooltip = page.locator('.graph-tooltip');
  await tooltip.waitFor();
  assert.equal(await tooltip.getAttribute('data-revision'), point.revision);
  assert.equal(await tooltip.locator('.tt-revision-link').textContent(), point.revision.slice(0, 12));
  assert.match(await tooltip.locator('.tt-revision-link').getAttribute('href'), new RegExp(`^/jobs\\?repo=autoland&revision=${point.revision}$`));
  assert.match(await tooltip.locator('.tt-value').textContent(), /ms/);
  await page.mouse.click(where.x, where.y);
  await page.waitForURL(/selected=\d+%2C\d+|selected=\d+,\d+/);
  assert.ok(await page.locator('.graph-tooltip.locked').isVisible());
  const [sig, id] = new URL(page.url()).searchParams.get('selected').split(',');
  assert.equal(sig, '1');
  assert.equal(await page.locator('.graph-tooltip').getAttribute('data-point-id'), id);
  await page.reload();
  await page.locator('.graph-tooltip.locked').waitFor();
  assert.equal(await page.locator('.graph-tooltip').getAttribute('data-point-id'), id, 'the locked point survives a reload');
  assert.equal(await page.locator('.graph-tooltip').getAttribute('data-revision'), point.revision);
  await page.locator('.tt-close').click();
  await page.waitForURL((u) => !u.searchParams.has('selected'));
  assertNoPanic(assert, page);
  await page.close();
});

test('dragging zooms, writes zoom= to the URL, and a reload restores it', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, THREE);
  const box = await page.locator('canvas.chart-main').boundingBox();
  await page.mouse.move(box.x + 300, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, box.y + 200, { steps: 5 });
  await page.mouse.move(box.x + 700, box.y + 330, { steps: 5 });
  await page.mouse.up();
  await page.waitForURL(/zoom=/);
  const zoom = new URL(page.url()).searchParams.get('zoom').split(',').map(Number);
  assert.equal(zoom.length, 4);
  assert.ok(zoom[0] < zoom[1] && zoom[2] < zoom[3]);
  assert.equal(await page.locator('.chart').getAttribute('data-zoomed'), 'true');
  await page.reload();
  await page.locator('.graphs-page[data-state="ready"]').waitFor();
  const [x0, x1] = (await page.locator('.chart').getAttribute('data-x-domain')).split(',').map(Number);
  assert.deepEqual([x0, x1], [zoom[0], zoom[1]]);
  // Reset.
  await page.locator('.reset-zoom').click();
  await page.waitForURL((u) => !u.searchParams.has('zoom'));
  await page.locator('.chart[data-zoomed="false"]').waitFor({ timeout: 5_000 });
  assertNoPanic(assert, page);
  await page.close();
});

test('the table view lists the same values as the API', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, `${THREE}&showTable=1`);
  await page.locator('.perf-table tbody tr').first().waitFor();
  // Show every row.
  while (await page.locator('.perf-table-wrap > .btn').count()) await page.locator('.perf-table-wrap > .btn').click();
  for (const sig of [1, 7, 9]) {
    const api = (await summary(sig)).data.map((d) => d.value).sort((a, b) => a - b);
    const cells = await page.$$eval(`.perf-table td[data-signature-id="${sig}"]`, (tds) => tds.flatMap((td) => td.textContent.split(', ').filter(Boolean).map(Number)));
    assert.deepEqual(cells.sort((a, b) => a - b), api, `signature ${sig}`);
  }
  const tp5o = await summary(1);
  const row = page.locator(`.perf-table tr[data-push-id="${tp5o.data[0].push_id}"]`);
  assert.equal(await row.locator('code').textContent(), tp5o.data[0].revision.slice(0, 12));
  assertNoPanic(assert, page);
  await page.close();
});

test('the table view fits its series at 1400 px: no column past the right edge', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 900 } });
  await openGraphs(page, `${THREE}&showTable=1`);
  await page.locator('.perf-table tbody tr').first().waitFor();
  const geo = await page.evaluate(() => {
    const wrap = document.querySelector('.perf-table-wrap');
    const heads = [...wrap.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().right);
    return { right: wrap.getBoundingClientRect().right, heads, overflow: wrap.scrollWidth - wrap.clientWidth };
  });
  assert.equal(geo.heads.length, 5, 'date, revision and three series');
  assert.ok(geo.overflow <= 1, `nothing to scroll sideways: ${geo.overflow} px`);
  for (const right of geo.heads) assert.ok(right <= geo.right + 1, `a column ends at ${right}, past ${geo.right}`);
  assertNoPanic(assert, page);
  await page.close();
});

test('bad series get clear messages and never a blank chart or a panic', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  // A signature that does not exist, a series with no data in range (the server's answer for
  // one: the summary with empty data), a malformed parameter.
  await page.route('**/api/performance/summary/?repository=mozilla-central&signature=22&*', async (route) => {
    const [s] = await (await route.fetch()).json();
    await route.fulfill({ json: [{ ...s, data: [] }] });
  });
  await openGraphs(page, 'series=autoland,1,1,1&series=autoland,999999,1,1&series=mozilla-central,22,1,1&series=autoland,abc,1,1&timerange=86400');
  const card = (sig) => page.locator(`.legend-card[data-signature-id="${sig}"]`);
  assert.equal(await card(999999).getAttribute('data-state'), 'error');
  assert.match(await card(999999).locator('.legend-error').textContent(), /There is no performance signature 999999 on autoland/);
  assert.match(await card(22).locator('.legend-error').textContent(), /no data in the last day: try a longer time range/);
  assert.match(await page.locator('.notice').first().textContent(), /series="autoland,abc,1,1": "abc" is not a signature id/);
  assert.equal(await card(1).getAttribute('data-state'), 'ready');
  assert.ok(Number(await page.locator('.chart').getAttribute('data-points')) > 0, 'the good series is still drawn');

  // A 400 from performance/summary, and a body of the wrong shape.
  await server.control('/__sample/faults?mode=400&path=/api/performance/summary/&times=1');
  await openGraphs(page, 'series=autoland,7,1,13');
  assert.match(await card(7).locator('.legend-error').textContent(), /signature 7 on autoland could not be loaded: .*400.*Bad request \(injected fault\)/);
  await server.control('/__sample/faults?mode=wrong_shape&path=/api/performance/summary/&times=1');
  await openGraphs(page, 'series=autoland,9,1,13');
  assert.match(await card(9).locator('.legend-error').textContent(), /could not be loaded: Unexpected response/);
  assertNoPanic(assert, page);
  await page.close();
});

test('add test data: pick a framework, filter by name, add; time range reloads', async () => {
  const page = await newPage(browser, { viewport: { width: 1600, height: 1100 } });
  await openGraphs(page, 'series=autoland,1,1,1');
  await page.locator('.add-test-data').click();
  const picker = page.locator('.picker');
  await picker.locator('select[name="framework"] option[value="1"]').waitFor({ state: 'attached' });
  // The dialog has the focus, on its filter box.
  await page.waitForFunction(() => document.activeElement?.classList.contains('picker-search'));
  // tp5o's pages are subtests of the tp5o summary (already shown, so not offered).
  await picker.locator('.picker-body .muted').waitFor();
  assert.equal(await picker.locator('.picker-test[data-signature-id="1"]').count(), 0);
  // A filter that matches nothing says so, and why, rather than "0 tests".
  await picker.locator('.picker-search').fill('no test is called this');
  await picker.locator('.picker-count', { hasText: 'matches the filter' }).waitFor();
  await picker.locator('.picker-search').fill('');
  await picker.locator('input[name="subtests"]').check();
  await picker.locator('.picker-test').first().waitFor();
  await picker.locator('.picker-search').fill('tp5o cnn');
  await picker.locator('.picker-test').first().click();
  const sig = await picker.locator('.picker-test.picked').getAttribute('data-signature-id');
  await picker.locator('.picker-add').click();
  // Esc closes the dialog (opened again to try it).
  await page.locator('.add-test-data').click();
  await page.locator('.picker').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.picker').waitFor({ state: 'detached' });
  await page.waitForURL(new RegExp(`series=autoland%2C${sig}%2C1%2C1|series=autoland,${sig},1,1`));
  await page.locator(`.legend-card[data-signature-id="${sig}"][data-state="ready"]`).waitFor();
  assert.match(await page.locator(`.legend-card[data-signature-id="${sig}"] .legend-name`).textContent(), /tp5o cnn\.com/);

  await page.selectOption('select[name="timerange"]', '86400');
  await page.waitForURL(/timerange=86400/);
  await page.locator('.graphs-page[data-state="ready"]').waitFor();
  const lastDay = await summary(1, { interval: 86400 });
  assert.match(await page.locator('.legend-card[data-signature-id="1"]').textContent(), new RegExp(`${lastDay.data.length} points`));
  assertNoPanic(assert, page);
  await page.close();
});
