// The view's first API requests, started while the page's head is still being read (inlined
// by scripts/finalize-dist.mjs as index.html's second script, after src/shell/base.js has set
// <base> and the view): answers the app then takes (prefetch.rs) instead of asking again. Data
// before code, and before every download the head starts: on a real line the push list no
// longer waits for the boot script, the stylesheet or anything but config.json.
(function () {
  const prefetched = new Map();
  globalThis.__treeherderExplorerPrefetch = prefetched;
  const view = document.documentElement.dataset.view;
  const absolute = (href) => new URL(href, document.baseURI).href;
  const ACCEPT = 'application/json; version=1.1';

  // Takes a GET's answer for the app (prefetch.rs): keyed by the exact URL the client will ask.
  function ask(url) {
    const answer = fetch(url, { headers: { Accept: ACCEPT } });
    keep(url, answer);
    return answer;
  }

  // The app's copy of an answer; a failure is the app's to report (it asks again), never an
  // unhandled rejection of the page.
  function keep(url, answer) {
    const copy = answer.then((r) => r.clone());
    copy.catch(() => {});
    prefetched.set(url, copy);
  }

  // The server the app will use: ?server= > the saved choice > config.json's > production
  // (server.rs resolve; a URL it would refuse is skipped the same way).
  function serverFrom(candidates) {
    for (const raw of candidates) {
      const text = (raw || '').trim();
      if (!text) continue;
      const full = text.includes('://') ? text : text.startsWith('/') ? location.origin + text : text;
      try {
        const url = new URL(full);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) {
          return url.origin + url.pathname.replace(/\/+$/, '');
        }
      } catch { /* not a URL: the next candidate */ }
    }
    return 'https://treeherder.mozilla.org';
  }

  async function prefetch() {
    const configUrl = absolute('config.json');
    const configAnswer = fetch(configUrl); // the preload's
    keep(configUrl, configAnswer);
    const params = new URLSearchParams(location.search);
    let saved = null;
    try { saved = localStorage.getItem('treeherder-explorer:server'); } catch { /* storage refused */ }
    let config = {};
    try { const r = await configAnswer; if (r.ok) config = await r.json(); } catch { /* the app says why */ }
    const server = serverFrom([params.get('server'), saved, config.server]);
    ask(`${server}/api/repository/`);
    await (FIRST_REQUESTS[view] || (() => {}))(server, params);
  }

  // Each view's first requests, as the app makes them (a URL that differs is only a wasted request).
  const FIRST_REQUESTS = {
    // store.rs load: 10 pushes of the repository, then their jobs in one push_id__in query.
    async Jobs(server, params) {
      const ranged = ['revision', 'author', 'fromchange', 'tochange', 'startdate', 'enddate', 'nojobs'];
      if (ranged.some((p) => params.has(p))) return;
      const repo = params.get('repo') || 'autoland';
      const pushes = await (await ask(`${server}/api/project/${encodeURIComponent(repo)}/push/?count=10`)).json();
      const ids = (pushes.results || []).map((p) => p.id).filter(Number.isInteger);
      if (ids.length) ask(`${server}/api/jobs/?${new URLSearchParams([['push_id__in', ids.join(',')]])}`);
    },
    // logviewer/page.rs: where the log is (the download starts from it), the job, its error lines
    // and their bug suggestions.
    async LogViewer(server, params) {
      const job = params.get('job_id') || '';
      const repo = params.get('repo') || 'autoland';
      if (!/^\d+$/.test(job) || !/^[\w.-]+$/.test(repo)) return;
      const project = `${server}/api/project/${repo}`;
      ask(`${project}/job-log-url/?${new URLSearchParams([['job_id', job]])}`);
      ask(`${project}/jobs/${job}/`);
      ask(`${project}/jobs/${job}/text_log_errors/`);
      ask(`${project}/jobs/${job}/bug_suggestions/`);
    },
    // explorer/page.rs: the schema.
    async Docs(server) {
      ask(`${server}/api/schema/?format=json`);
    },
    // perf/series.rs: the frameworks, and each series' summary over the URL's time range.
    async Graphs(server, params) {
      const ranges = ['86400', '172800', '604800', '1209600', '2592000', '5184000', '7776000', '31536000'];
      const timerange = params.get('timerange') ?? '1209600';
      if (!ranges.includes(timerange) || params.has('replicates')) return;
      ask(`${server}/api/performance/framework/`);
      for (const series of new Set(params.getAll('series').slice(0, 6))) {
        const [repo, signature, , framework] = series.split(',');
        if (!/^[\w.-]+$/.test(repo || '') || !/^\d+$/.test(signature || '') || !/^\d+$/.test(framework || '')) continue;
        const query = new URLSearchParams([['repository', repo], ['signature', signature], ['framework', framework],
          ['interval', timerange], ['all_data', 'true'], ['replicates', 'false']]);
        ask(`${server}/api/performance/summary/?${query}`);
      }
    },
  };

  prefetch().catch(() => {}); // only ever a head start: the app asks for itself what is missing
})();
