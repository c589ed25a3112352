// A small static server for `almanac serve`: files from the output folder under the
// base path, 404.html for anything missing, and live reload (Server-Sent Events plus a
// script injected into HTML responses only, never into the files on disk).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { AlmanacError } from '../../errors.js';

/** Content types of the files a site holds (the browser tests' static server uses them too). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const LIVE_RELOAD_PATH = '__almanac/';

export interface DevServer {
  server: Server;
  url: string;
  /** Tell the open tabs of these pages (URLs as the site writes them), or of every page, to
   * reload. Call it once the pages are on disk. */
  reload: (urls: string[] | 'all') => void;
  close: () => Promise<void>;
}

export async function startDevServer(options: { outDir: string; base: string; host: string; port: number }): Promise<DevServer> {
  const root = resolve(options.outDir);
  const clients = new Set<ServerResponse>();
  const script = liveReloadScript(options.base);
  // A count of reloads sent, and when each page (or the whole site) was last rewritten. A page
  // is served with the count at the time; a tab that connects later (it was loading while the
  // reload went out) and whose page was rewritten since is told to reload then.
  let sequence = 0;
  let everything = 0;
  const rewritten = new Map<string, number>();
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = decodePath(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (pathname === null) return send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    if (!pathname.startsWith(options.base)) {
      if (pathname === '/') return redirect(response, options.base);
      return send(response, 404, 'text/plain; charset=utf-8', `Not under the base path ${options.base}`);
    }
    const inner = pathname.slice(options.base.length);
    if (inner === `${LIVE_RELOAD_PATH}events`) return openEvents(response, new URL(request.url ?? '/', 'http://localhost').searchParams);
    if (inner === `${LIVE_RELOAD_PATH}live-reload.js`) return send(response, 200, CONTENT_TYPES['.js'] ?? '', script);
    const file = await findFile(root, inner);
    if (file === 'directory') return redirect(response, `${pathname}/`);
    if (file) return sendFile(response, 200, file);
    const notFound = join(root, '404.html');
    return sendFile(response, 404, notFound).catch(() => send(response, 404, 'text/plain; charset=utf-8', 'Not found'));
  }

  async function sendFile(response: ServerResponse, status: number, file: string): Promise<void> {
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Before the read: a write that ends after it counts as newer than what is sent.
    const since = sequence;
    const body = await readFile(file);
    if (type.startsWith('text/html')) {
      const html = body.toString('utf8');
      const tag = `<script src="${options.base}${LIVE_RELOAD_PATH}live-reload.js" data-since="${since}"></script>`;
      return send(response, status, type, html.includes('</body>') ? html.replace('</body>', `${tag}\n</body>`) : `${html}${tag}`);
    }
    return send(response, status, type, body);
  }

  function openEvents(response: ServerResponse, query: URLSearchParams): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    clients.add(response);
    response.on('close', () => clients.delete(response));
    const since = Number(query.get('since'));
    const page = pageKey(query.get('page') ?? '');
    if (!Number.isInteger(since) || page === null) return;
    if (everything > since || (rewritten.get(page) ?? 0) > since) response.write(reloadMessage([page]));
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AlmanacError(`Port ${options.port} on ${options.host} is in use; pass --port (0 picks a free one)`, { cause: error })
          : error,
      );
    });
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}${options.base}`,
    reload(urls) {
      sequence++;
      if (urls === 'all') everything = sequence;
      else
        for (const url of urls) {
          const key = pageKey(url);
          if (key !== null) rewritten.set(key, sequence);
        }
      const message = reloadMessage(urls);
      for (const client of clients) client.write(message);
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function reloadMessage(urls: string[] | 'all'): string {
  return `event: reload\ndata: ${JSON.stringify(urls)}\n\n`;
}

/** A page's URL path as tabs and the site may spell it: decoded, `index.html` dropped. */
function pageKey(url: string): string | null {
  return decodePath(url.replace(/(^|\/)index\.html$/, '$1'));
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The file a URL path names inside `root` (`dir/` → `dir/index.html`); never outside it. */
async function findFile(root: string, inner: string): Promise<string | 'directory' | null> {
  const candidate = resolve(root, `.${sep}${inner}`);
  if (candidate !== root && !candidate.startsWith(`${root}${sep}`)) return null;
  const info = await stat(candidate).catch(() => null);
  if (!info) return null;
  if (info.isFile()) return candidate;
  if (!info.isDirectory()) return null;
  if (inner !== '' && !inner.endsWith('/')) return 'directory';
  const index = join(candidate, 'index.html');
  return (await stat(index).catch(() => null))?.isFile() ? index : null;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location: encodeURI(location) });
  response.end();
}

/** The tab's side: reload when an event names this page (or every page), and only then. The
 * page's URL and the count it was served at go with the connection (see openEvents). */
function liveReloadScript(base: string): string {
  return `// almanac serve: reload when this page on disk changes.
(() => {
  const key = (url) => {
    try {
      return decodeURIComponent(url.replace(/(^|\\/)index\\.html$/, '$1'));
    } catch {
      return url;
    }
  };
  const here = key(location.pathname);
  const since = document.currentScript?.dataset.since ?? '0';
  const query = new URLSearchParams({ since, page: location.pathname });
  const source = new EventSource(${JSON.stringify(`${base}${LIVE_RELOAD_PATH}events`)} + '?' + query);
  source.addEventListener('reload', (event) => {
    const pages = JSON.parse(event.data);
    if (pages === 'all' || (Array.isArray(pages) && pages.some((url) => key(url) === here))) {
      source.close();
      location.reload();
    }
  });
})();
`;
}
