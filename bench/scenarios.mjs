// What the bench measures. Each scenario: a URL (or a function of the server giving one), the
// view whose readiness ends the clock, sample-server arguments, and optionally a function
// measuring more on the ready page (its results are reported beside the load time).
import { UA } from '../tests/e2e/sample.mjs';

/** Time from a click on a status chicklet to the re-rendered rows being painted. */
async function filterToggle(page) {
  return page.evaluate(async () => {
    const toggle = (status) => new Promise((resolve) => {
      const list = document.querySelector('#push-list');
      const before = list.querySelectorAll('.job-btn').length;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (list.querySelectorAll('.job-btn').length !== before) {
          observer.disconnect();
          // Wait for the frame that shows it.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        }
      });
      observer.observe(list, { childList: true, subtree: true });
      document.querySelector(`.chicklet[data-status="${status}"]`).click();
    });
    const times = [];
    for (let i = 0; i < 3; i++) {
      times.push(await toggle('success')); // hide successes
      times.push(await toggle('success')); // show them again
    }
    times.sort((a, b) => a - b);
    return { 'filter change (hide/show successes)': times[times.length >> 1] };
  });
}

/** Per keystroke: typing "signature" into the docs search, input event → next painted frame;
 *  then opening the biggest operation (jobs_list, 67 parameters) from the menu. */
async function docsSearch(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.querySelector('#docs-search');
    const times = [];
    for (const round of [0, 1, 2]) {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      for (const ch of 'signature') {
        const t0 = performance.now();
        input.value += ch;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    const t0 = performance.now();
    document.querySelector('a.menu-op[data-operation-id="jobs_list"]').click();
    while (!document.querySelector('article.operation[data-operation="jobs_list"] .try-it')) await new Promise((r) => setTimeout(r, 1));
    await frame();
    const open = performance.now() - t0;
    return { 'search, per keystroke (median)': times[times.length >> 1], 'search, per keystroke (worst)': times[times.length - 1], 'open jobs_list (67 parameters)': open };
  });
}

/** The 300,000-line log: first lines after the first bytes, indexing after the last, then the
 *  cost of a scroll, a jump and a search keystroke — from the change to the DOM laid out again
 *  (the page's work for that frame; painting 60 rows is not what varies) — and memory. */
async function logFigures(page) {
  await page.locator('[data-view="logviewer"][data-state="ready"]').waitFor({ timeout: 120000 });
  const figures = await page.evaluate(async () => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
    // After every microtask the change queued (the app's effects), with no timer clamp.
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const pane = document.querySelector('.lv-scroll');
    const cost = async (change) => {
      const t0 = performance.now();
      change();
      await settle();
      await settle();
      pane.querySelector('.lv-rows').getBoundingClientRect();
      return performance.now() - t0;
    };
    const sorted = (xs) => [...xs].sort((a, b) => a - b);
    const mid = (xs) => sorted(xs)[xs.length >> 1];
    const worst = (xs) => sorted(xs)[xs.length - 1];
    const scrollTo = (top) => () => { pane.scrollTop = top; pane.dispatchEvent(new Event('scroll')); };
    // Scrolling: wheel steps (120 px) down the middle of the log.
    const scrolls = [];
    const middle = (pane.scrollHeight - pane.clientHeight) / 2;
    for (let i = 0; i < 40; i++) {
      scrolls.push(await cost(scrollTo(middle + 120 * i)));
      await new Promise((r) => requestAnimationFrame(r));
    }
    // Jumps: the scroll bar dragged far (every row new), and each error line from the panel.
    const jumps = [];
    for (let i = 0; i < 20; i++) {
      jumps.push(await cost(scrollTo(((pane.scrollHeight - pane.clientHeight) * ((i * 37) % 40)) / 40)));
      await new Promise((r) => requestAnimationFrame(r));
    }
    for (const button of [...document.querySelectorAll('.lv-error-jump')]) {
      jumps.push(await cost(() => button.click()));
      await new Promise((r) => requestAnimationFrame(r));
    }
    const input = document.querySelector('.lv-search-input');
    const keys = [];
    for (const ch of 'TEST-UNEXPECTED') {
      keys.push(await cost(() => { input.value += ch; input.dispatchEvent(new Event('input', { bubbles: true })); }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    const log = performance.getEntriesByType('resource').find((e) => e.name.includes('/live_backing.log'));
    return {
      'first lines after first bytes': at('logviewer:first-lines') - at('logviewer:first-bytes'),
      'indexed after last byte': at('logviewer:indexed') - at('logviewer:last-byte'),
      'whole log shown, from navigation': at('logviewer:indexed'),
      'scroll frame (median)': mid(scrolls),
      'scroll frame (worst)': worst(scrolls),
      'jump frame (median)': mid(jumps),
      'jump frame (worst)': worst(jumps),
      'search per keystroke (median)': mid(keys),
      'search per keystroke (worst)': worst(keys),
      'log size (MB)': (log?.decodedBodySize || 1) / 1e6,
    };
  });
  // Memory the page holds: after a collection (garbage is not held), the JS heap as V8 counts
  // it, Blink's objects (the DOM) and array buffers, plus the wasm linear memory.
  // (`performance.memory` is bucketed and cached, and read 50 MB where V8 counted 2.)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => globalThis.__treeherderExplorerWasmBytes?.() ?? 0);
  const held = heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0) + wasm;
  figures['memory (JS heap + wasm) / log size'] = held / (figures['log size (MB)'] * 1e6);
  await cdp.detach();
  return figures;
}

/** The 100k-point chart: data in memory → first frame; then hover and wheel-zoom frames. */
async function graphFrames(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const loaded = performance.getEntriesByName('graphs:series-loaded').at(-1)?.startTime;
    const drawn = performance.getEntriesByName('graphs:first-draw')[0]?.startTime;
    const summary = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/performance/summary/'));
    const canvas = document.querySelector('canvas.chart-main');
    const [left, top, width, height] = document.querySelector('.chart').dataset.plot.split(',').map(Number);
    const rect = canvas.getBoundingClientRect();
    const at = (x, y) => ({ clientX: rect.left + x, clientY: rect.top + y, bubbles: true, pointerId: 1 });
    const hovers = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      canvas.dispatchEvent(new PointerEvent('pointermove', at(left + (width * (i + 0.5)) / 30, top + height * (0.3 + 0.4 * ((i * 7) % 10) / 10))));
      await frame();
      hovers.push(performance.now() - t0);
    }
    const zooms = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      canvas.dispatchEvent(new WheelEvent('wheel', { ...at(left + width * 0.6, top + height / 2), deltaY: i < 6 ? -120 : 120, cancelable: true }));
      await frame();
      zooms.push(performance.now() - t0);
    }
    const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
    return {
      'summary download + decode (100k points)': loaded - summary.startTime,
      'first draw after data': drawn - loaded,
      'hover frame (median)': med([...hovers]),
      'hover frame (worst)': Math.max(...hovers),
      'zoom frame (median)': med([...zooms]),
      'zoom frame (worst)': Math.max(...zooms),
    };
  });
}

/** Where a cold start's time went: the page's own marks and its requests, from navigation. */
async function startBreakdown(page) {
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const requests = performance.getEntriesByType('resource');
    const done = (part) => Math.max(...requests.filter((e) => e.name.includes(part)).map((e) => e.responseEnd));
    const rows = {
      '· wasm downloaded': done('_bg.wasm'),
      '· wasm compiled, app started': at('app:start'),
      '· config.json read, views built': at('app:config-loaded'),
      '· pushes received': at('jobs:pushes-received'),
      '· first push\'s jobs received': at('jobs:first-jobs-received'),
      '· every push\'s jobs in': at('jobs:settled'),
    };
    return Object.fromEntries(Object.entries(rows).filter(([, v]) => Number.isFinite(v)));
  });
}

async function oldestRevision(server, repo) {
  const res = await fetch(`${server.url}/api/project/${repo}/push/?count=1000`, { headers: UA });
  const { results } = await res.json();
  return results[results.length - 1].revision;
}

export const scenarios = [
  {
    name: 'jobs: 10 autoland pushes, all job buttons ready',
    path: '/jobs?repo=autoland',
    view: 'jobs',
    budget: 500,
    net: true,
    after: async (page) => ({ ...(await startBreakdown(page)), ...(await filterToggle(page)) }),
  },
  {
    name: 'jobs: 60 autoland pushes, all job buttons ready',
    path: async (server) => `/jobs?repo=autoland&fromchange=${await oldestRevision(server, 'autoland')}`,
    view: 'jobs',
    budget: 1500,
    after: filterToggle,
    extraBudgets: { 'filter change (hide/show successes)': 50 },
  },
  {
    name: 'jobs: 10 try pushes x 5000 jobs (50k), ready',
    path: '/jobs?repo=try',
    view: 'jobs',
    serverArgs: ['--synthetic', '10:5000'],
    budget: 2500,
    after: filterToggle,
    extraBudgets: { 'filter change (hide/show successes)': 150 },
  },
  {
    name: 'graphs: 3 autoland series (Perfherder URL) ready',
    path: '/perfherder/graphs?series=autoland,1,1,1&series=autoland,7,1,13&series=autoland,9,1,13&timerange=1209600',
    view: 'graphs',
    budget: 500,
    net: true,
  },
  {
    name: 'graphs: 100,000-point synthetic series ready',
    path: '/perfherder/graphs?series=autoland,100000,1,1&timerange=1209600',
    view: 'graphs',
    serverArgs: ['--synthetic-series', '100000'],
    after: graphFrames,
    extraBudgets: { 'first draw after data': 300, 'hover frame (worst)': 33, 'zoom frame (worst)': 33 },
  },
  {
    name: 'log viewer: 300,000-line log, first lines',
    path: async (server) => {
      const found = await (await fetch(`${server.url}/api/project/autoland/jobs/?job_guid=synthetic-log`, { headers: UA })).json();
      return `/logviewer?job_id=${found.results[0].id}&repo=autoland`;
    },
    view: 'logviewer',
    serverArgs: ['--synthetic-log', '300000'],
    after: logFigures,
    extraBudgets: {
      'first lines after first bytes': 300, 'indexed after last byte': 1500, 'scroll frame (worst)': 16,
      'jump frame (worst)': 16, 'search per keystroke (worst)': 50, 'memory (JS heap + wasm) / log size': 2,
    },
  },
  {
    name: 'docs: menu with all 89 operations ready',
    path: '/docs',
    view: 'docs',
    budget: 400,
    net: true,
    after: docsSearch,
    extraBudgets: { 'search, per keystroke (median)': 30, 'search, per keystroke (worst)': 30 },
  },
  {
    name: 'plain-JS floor: the same 10 pushes and jobs as buttons',
    view: 'floor',
    net: true,
    run: plainFloor,
  },
  {
    name: 'switch jobs → API explorer (its code cached), ready',
    view: 'docs',
    net: true,
    run: (browser, server, tools) => switchViews(browser, server, tools, '/docs?repo=autoland', 'docs', '/jobs?repo=autoland', 'jobs', 'API'),
  },
  {
    name: 'switch API explorer → jobs (its code cached), ready',
    view: 'jobs',
    net: true,
    run: (browser, server, tools) => switchViews(browser, server, tools, '/jobs?repo=autoland', 'jobs', '/docs?repo=autoland', 'docs', 'Jobs'),
  },
];

/** A page with no framework that fetches what the jobs view shows first (10 pushes, their jobs
 *  in one query) and draws a button per job: what the network alone costs. Its HTML is handed
 *  over by the bench after two round trips (connection and request), like the app's. */
const FLOOR_HTML = `<!doctype html><meta charset="utf-8"><title>floor</title><body><script type="module">
const h = { Accept: 'application/json; version=1.1' };
const pushes = await (await fetch('/api/project/autoland/push/?count=10', { headers: h })).json();
const ids = pushes.results.map((p) => p.id);
const jobs = await (await fetch('/api/jobs/?push_id__in=' + ids.join('%2C'), { headers: h })).json();
const col = (n) => jobs.job_property_names.indexOf(n);
const [pid, sym, res] = [col('push_id'), col('job_type_symbol'), col('result')];
for (const push of pushes.results) {
  const section = document.createElement('section');
  section.append(Object.assign(document.createElement('h2'), { textContent: push.revision + ' ' + push.author }));
  for (const row of jobs.results) if (row[pid] === push.id) section.append(Object.assign(document.createElement('button'), { textContent: row[sym], className: row[res] }));
  document.body.append(section);
}
requestAnimationFrame(() => setTimeout(() => performance.mark('ready:floor'), 0));
</script>`;

async function plainFloor(browser, server, { timeToReady, emulate }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await emulate(context, page);
  const rtt = Number((process.argv[process.argv.indexOf('--net') + 1] || '0:1').split(':')[0]);
  await page.route(`${server.url}/__bench/floor`, async (route) => {
    await new Promise((r) => setTimeout(r, 2 * rtt));
    await route.fulfill({ contentType: 'text/html', body: FLOOR_HTML });
  });
  return timeToReady(browser, null, 'floor', 120000, { context, before: (p) => p.goto(`${server.url}/__bench/floor`) });
}

/** Opens `first` (caching its chunk), then `from`, then clicks the nav link to `first`'s view:
 *  the time from that click's navigation to ready. */
async function switchViews(browser, server, { timeToReady, emulate }, first, firstView, from, fromView, label) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await emulate(context, page);
  const ready = (v) => page.waitForFunction((x) => performance.getEntriesByName(`ready:${x}`).length > 0, v, { timeout: 60000, polling: 10 });
  await page.goto(server.url + first);
  await ready(firstView);
  await page.goto(server.url + from);
  await ready(fromView);
  return timeToReady(browser, null, firstView, 120000, {
    context,
    before: async (p) => {
      await p.locator('.nav-link', { hasText: label }).first().click();
      await p.waitForURL(new RegExp(first.split('?')[0]));
    },
  });
}
