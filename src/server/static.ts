import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { mimeTypeOf } from './mime.ts';
import { refuse, type Refusal } from './reply.ts';

/**
 * Serves the built app from one folder and nothing else: no listings, no dotfiles, nothing reached
 * through `..`, an encoded separator, a NUL, a backslash or a symlink that leads out of the folder.
 */
export interface StaticFiles {
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<Refusal | undefined>;
}

const notFound = (): Refusal => refuse(404, 'not_found', ['path']);

/** The file a URL path names, relative to the folder, or undefined when the path is not one we serve. */
export function safeRelativePath(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || /[\0\\]/.test(decoded) || decoded.includes('//')) return undefined;
  const segments = decoded.slice(1).split('/');
  if (decoded === '/') return ['index.html'];
  // Empty (a trailing slash: a directory), dot segments and dotfiles are all refused alike.
  if (segments.some((segment) => segment === '' || segment.startsWith('.'))) return undefined;
  return segments;
}

/** Cache rules: hashed assets never change; pages, the service worker and data must be revalidated. */
function cacheControl(segments: readonly string[]): string {
  const hashed = segments[0] === 'assets' || /^workbox-[\w-]+\.js$/.test(segments.at(-1) ?? '');
  return hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function createStaticFiles(folder: string): Promise<StaticFiles> {
  const root = await realpath(folder);
  return {
    async serve(request, response, pathname) {
      const segments = safeRelativePath(pathname);
      if (!segments) return notFound();
      let real: string;
      try {
        real = await realpath(join(root, ...segments));
      } catch {
        return notFound();
      }
      if (!real.startsWith(root + sep)) return notFound();
      const info = await stat(real).catch(() => undefined);
      if (!info?.isFile()) return notFound();
      const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
      const headers = { 'Content-Type': mimeTypeOf(real), 'Cache-Control': cacheControl(segments), ETag: etag, 'Last-Modified': info.mtime.toUTCString() };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers);
        response.end();
        return undefined;
      }
      response.writeHead(200, { ...headers, 'Content-Length': info.size });
      if (request.method === 'HEAD') {
        response.end();
        return undefined;
      }
      await new Promise<void>((resolve) => {
        const stream = createReadStream(real);
        stream.on('error', () => {
          response.destroy();
          resolve();
        });
        stream.on('end', resolve);
        stream.pipe(response);
      });
      return undefined;
    },
  };
}
