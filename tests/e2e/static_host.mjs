// A static file host for the deployment tests, behaving like the hosts the README names:
//  - 'spa':    nginx with `try_files $uri /prefix/index.html` (any unknown path gets index.html)
//  - 'pages':  GitHub/GitLab Pages, S3 or Apache ErrorDocument: unknown paths get 404.html, status 404
//  - 'plain':  files only; unknown paths get the host's own 404 page
// `files` adds or overrides paths (a deployer's config.json, a dashboard page).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain',
};

export async function serveStatic({ dist, prefix = '/', mode = 'spa', files = {}, headers = {} }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, body, type) => {
      res.writeHead(status, { 'Content-Type': type, ...headers });
      res.end(body);
    };
    if (files[url.pathname]) {
      const f = files[url.pathname];
      return send(200, f.body, f.type || TYPES[path.extname(url.pathname)] || 'application/octet-stream');
    }
    if (!url.pathname.startsWith(prefix)) return send(404, 'not here', 'text/plain');
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist)) return send(400, 'bad path', 'text/plain');
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      return send(200, fs.readFileSync(file), TYPES[path.extname(file)] || 'application/octet-stream');
    }
    if (mode === 'spa') return send(200, fs.readFileSync(path.join(dist, 'index.html')), TYPES['.html']);
    if (mode === 'pages') return send(404, fs.readFileSync(path.join(dist, '404.html')), TYPES['.html']);
    return send(404, '<h1>404 Not Found</h1>', TYPES['.html']);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
