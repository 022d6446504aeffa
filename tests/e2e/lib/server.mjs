// A small static server for a built site, as a static host serves it: pretty URLs
// (`/x/` → `x/index.html`, `/x` → redirect to `/x/`), the site's 404.html with status
// 404, no path outside the folder. It listens on 127.0.0.1 on a free port and records
// every request, so a test can tell what a page asked for.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export async function serve(dir) {
  const root = fs.realpathSync(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      requests.push({ method: req.method, url: req.url, status });
      const body = file ? fs.readFileSync(file) : Buffer.from(String(status));
      const type = file ? TYPES[path.extname(file)] || 'application/octet-stream' : 'text/plain';
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400);
    }
    if (pathname.includes('\0')) return send(400);
    const target = path.resolve(root, '.' + pathname);
    if (target !== root && !target.startsWith(root + path.sep)) return send(403);
    const notFound = () => {
      const page = path.join(root, '404.html');
      return send(404, fs.existsSync(page) ? page : null);
    };
    let stat;
    try {
      stat = fs.statSync(target);
    } catch {
      return notFound();
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, null, { location: pathname + '/' });
      const index = path.join(target, 'index.html');
      return fs.existsSync(index) ? send(200, index) : notFound();
    }
    return send(200, target);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
