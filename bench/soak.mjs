// Soak: an hour of live updates on the jobs view, simulated with Chromium's clock (one poll per
// minute, 60 polls) against the sample server, which gets a new push and job changes every
// minute. Reports the JS heap (after a forced GC), the WebAssembly memory (its size, and the bytes
// Rust holds live in it) and the DOM node count at the start and every ten minutes, and checks
// that no push or job is ever shown twice and that each poll brought its push and changes.
// Prints numbers; never fails on them.
// Usage: node bench/soak.mjs [--minutes N] [--jobs N] [--changes N] [--idle]
//   (--minutes 720: half a day, about 2 minutes real)
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';
import { jobsOf } from '../tests/e2e/sample.mjs';

const args = process.argv.slice(2);
const minutes = Number(args[args.indexOf('--minutes') + 1]) || 60;
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
// Options to tell which part of a live update costs what: the size of each new push, and how
// many of its jobs change a minute later.
const JOBS_PER_PUSH = option('--jobs', 40);
const CHANGES_PER_MINUTE = option('--changes', 6);
// --idle: nothing lands; each poll asks and finds nothing new.
const IDLE = args.includes('--idle');
// A sample every ten minutes for an hour, every hour for longer runs.
const SAMPLE_EVERY = minutes <= 60 ? 10 : 60;

async function metrics(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  // The Rust side's heap is WebAssembly linear memory, outside the JS heap figure.
  // Its size only grows; the live bytes (what Rust holds) tell a leak from fragmentation.
  const probe = async (name) => (await cdp.send('Runtime.evaluate', { expression: `globalThis.${name}?.() ?? NaN`, returnByValue: true })).result.value / 1048576;
  return {
    heapMB: get('JSHeapUsedSize') / 1048576,
    wasmMB: await probe('__treeherderExplorerWasmBytes'),
    liveMB: await probe('__treeherderExplorerLiveBytes'),
    nodes: get('Nodes'),
    listeners: get('JSEventListeners'),
  };
}

async function shown(page) {
  return page.evaluate(() => ({
    pushes: [...document.querySelectorAll('#push-list .push')].map((p) => p.dataset.pushId),
    jobs: [...document.querySelectorAll('#push-list .job-btn')].map((b) => b.dataset.jobId),
  }));
}

const duplicates = (xs) => xs.filter((x, i) => xs.indexOf(x) !== i);

async function main() {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 4000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.clock.install();
    // A selected job in an older push: it must stay listed while newer pushes slide the list.
    const selectedPush = (await (await fetch(`${server.url}/api/project/autoland/push/?count=10`, { headers: { 'User-Agent': 'soak' } })).json()).results[7].id;
    const selected = (await jobsOf(server, selectedPush))[0];
    // Groups expanded, so that every job has a button to check.
    await page.goto(`${server.url}/jobs?repo=autoland&group_state=expanded&selectedJob=${selected.id}`);
    await page.locator('[data-view="jobs"][data-state="ready"]').waitFor();
    await page.locator(`.job-btn.selected[data-job-id="${selected.id}"]`).waitFor();
    const samples = [{ minute: 0, ...(await metrics(cdp)), ...(await shown(page)) }];
    const started = Date.now();
    let maxDuplicatePushes = 0;
    let maxDuplicateJobs = 0;
    let changed = 0;
    for (let minute = 1; minute <= minutes; minute++) {
      if (IDLE) {
        const polled = page.waitForResponse((r) => r.url().includes('/api/jobs/'));
        await page.clock.fastForward(60_000);
        await polled;
        if (minute % SAMPLE_EVERY === 0 || minute === minutes) samples.push({ minute, ...(await metrics(cdp)), ...(await shown(page)) });
        continue;
      }
      const push = await server.control(`/__sample/pushes?repo=autoland&jobs=${JOBS_PER_PUSH}`);
      // Jobs of the newest pushes move on: pending → running → completed, some failing.
      const candidates = (await jobsOf(server, push.id)).filter((j) => j.state !== 'completed');
      const changes = [];
      for (const job of candidates.slice(0, CHANGES_PER_MINUTE)) {
        const state = job.state === 'pending' ? 'running' : 'completed';
        const result = state === 'completed' ? (changes.length % 3 === 0 ? 'testfailed' : 'success') : '';
        await server.control(`/__sample/jobs/${job.id}?state=${state}${result ? `&result=${result}` : ''}`);
        changes.push({ id: job.id, status: state === 'completed' ? result : state });
      }
      await page.clock.fastForward(60_000);
      await page.locator(`.push[data-push-id="${push.id}"][data-loaded="true"]`).waitFor({ timeout: 30_000 });
      for (const c of changes) {
        await page.locator(`.job-btn[data-job-id="${c.id}"][data-status="${c.status}"]`).waitFor({ timeout: 30_000 });
      }
      changed += changes.length;
      const now = await shown(page);
      maxDuplicatePushes = Math.max(maxDuplicatePushes, duplicates(now.pushes).length);
      maxDuplicateJobs = Math.max(maxDuplicateJobs, duplicates(now.jobs).length);
      if (minute % SAMPLE_EVERY === 0 || minute === minutes) samples.push({ minute, ...(await metrics(cdp)), ...now });
    }
    const last = samples[samples.length - 1];
    // Its push is listed (drawn or not: pushes far from the view are not drawn).
    const selectedKept = await page.locator(`#push-list .push[data-push-id="${selectedPush}"]`).count();
    console.log(`Soak: ${minutes} simulated minutes (1 poll/min; +1 push of ${JOBS_PER_PUSH} jobs and ${CHANGES_PER_MINUTE} job changes per minute), ${((Date.now() - started) / 1000).toFixed(0)} s real`);
    console.log('  minute   JS heap (MB)   wasm memory (MB)   wasm live (MB)   DOM nodes   listeners   pushes shown   job buttons');
    for (const s of samples) {
      console.log(`  ${String(s.minute).padStart(6)} ${s.heapMB.toFixed(2).padStart(14)} ${s.wasmMB.toFixed(2).padStart(18)} ${s.liveMB.toFixed(2).padStart(16)} ${String(s.nodes).padStart(11)} ${String(s.listeners).padStart(11)} ${String(s.pushes.length).padStart(14)} ${String(s.jobs.length).padStart(13)}`);
    }
    const first = samples[0];
    console.log(`  start → end: JS heap ${first.heapMB.toFixed(2)} → ${last.heapMB.toFixed(2)} MB, wasm memory ${first.wasmMB.toFixed(2)} → ${last.wasmMB.toFixed(2)} MB (live ${first.liveMB.toFixed(2)} → ${last.liveMB.toFixed(2)} MB), DOM nodes ${first.nodes} → ${last.nodes}`);
    console.log(`  every poll brought its push and ${changed} job changes in all; duplicated pushes: ${maxDuplicatePushes}, duplicated jobs: ${maxDuplicateJobs}; selected job's push still listed: ${selectedKept === 1}; page errors: ${errors.length}`);
    const out = path.join(process.env.CARGO_TARGET_DIR || 'target', 'soak-results.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), minutes, samples: samples.map(({ pushes, jobs, ...rest }) => ({ ...rest, pushes: pushes.length, jobs: jobs.length })), maxDuplicatePushes, maxDuplicateJobs, changed, errors }, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
