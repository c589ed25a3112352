// A minimal static file server for the built site, on 127.0.0.1 and a free port:
// directories serve their index.html, unknown paths the site's 404.html with status 404.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../../src/publish/serve/dev-server.js';

export interface StaticServer {
  /** `http://127.0.0.1:PORT` with no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves `root`; `prefix` (such as `/almanac/`) is stripped first, as a sub-path host would. */
export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let file: string | null = null;
      if (pathname.startsWith(prefix)) {
        const relative = normalize(pathname.slice(prefix.length));
        if (!relative.startsWith('..')) {
          const candidate = join(root, relative);
          if (candidate.startsWith(root + sep) || candidate === root || candidate === root + sep) {
            if (await isFile(candidate)) file = candidate;
            else if (await isFile(join(candidate, 'index.html'))) file = join(candidate, 'index.html');
          }
        }
      }
      if (file === null) {
        const notFound = join(root, '404.html');
        response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] ?? 'text/html' });
        response.end((await isFile(notFound)) ? await readFile(notFound) : 'Not found');
        return;
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(await readFile(file));
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
