// Starts the app (scripts/finalize-dist.mjs writes it to dist/ as boot-<hash>.js). index.html's
// first script chose this page's chunk from src/views.json's routes, and its second
// (src/shell/prefetch.js) has started the view's first API requests; this script downloads the
// chunk's wasm and starts it. A chunk that cannot be downloaded gets a
// message with Retry in place of the skeleton, never a blank page.
const app = JSON.parse(document.getElementById('app-assets')?.textContent || '{}');
const chunk = document.documentElement.dataset.chunk;
const files = (app.chunks || {})[chunk];
const absolute = (href) => new URL(href, document.baseURI).href;

start();

async function start() {
  try {
    if (!files) throw new Error(`this build has no chunk ${chunk}`);
    const wasm = fetch(absolute(files.wasm)).then((response) => {
      if (!response.ok) throw new Error(`${files.wasm} answered HTTP ${response.status}`);
      return response;
    }, () => { throw new Error(`${files.wasm} could not be downloaded (network error)`); });
    // The wasm may fail before the glue JS has loaded and awaited it: without a handler now, that
    // is an unhandled rejection of the page (the failure is reported once, below).
    wasm.catch(() => {});
    const bindings = await import(absolute(files.js)).catch(() => {
      throw new Error(`${files.js} could not be downloaded or loaded`);
    });
    await bindings.default({ module_or_path: wasm });
  } catch (error) {
    failed(error);
  }
}

function failed(error) {
  console.error('treeherder-explorer: the app did not start:', error);
  const place = document.querySelector('#boot-skeleton .view') || document.body;
  const banner = document.createElement('div');
  banner.className = 'error-banner boot-error';
  banner.setAttribute('role', 'alert');
  banner.dataset.errorKind = 'chunk';
  const text = document.createElement('div');
  text.className = 'error-text';
  const title = document.createElement('strong');
  title.className = 'error-title';
  title.textContent = 'Loading the code of this view failed';
  const message = document.createElement('span');
  message.className = 'error-message';
  message.textContent = `${error.message}. The server of this app or the network may be down; retrying loads this page again.`;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'btn';
  retry.textContent = 'Retry';
  retry.addEventListener('click', () => location.reload());
  text.append(title, message);
  banner.append(text, retry);
  for (const skeleton of document.querySelectorAll('#boot-skeleton .skeleton-view')) skeleton.remove();
  place.append(banner);
  document.documentElement.dataset.boot = 'failed';
}
