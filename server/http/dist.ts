/**
 * The component bundle (`/dist`), as a page on another origin loads it with one script tag:
 * - CORS for the configured origins (`CORS_ORIGINS`): a module script is a CORS request, so
 *   without `Access-Control-Allow-Origin` the browser refuses it. No credentials: the files are public.
 * - Precompressed: the build writes `.br` and `.gz` beside every `.js` (rollup.config.js); the
 *   best one the browser accepts is sent with `Content-Encoding`.
 * - Content-hashed files (`bec.<hash>.js`, `chunks/<name>.<hash>.js`) never change: cached for a
 *   year, `immutable`. The stable names (`bec.js`, the per-component entries) are tiny re-exports
 *   of the hashed files and are revalidated on every use (`no-cache`, answered 304 by ETag), so
 *   a deployment is seen at once and the documented URL never changes.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import cors from 'cors';
import express, { Router } from 'express';
import type { Config } from '../config.js';

/** A file name rollup gave a content hash (`[hash]` with `hashCharacters: 'hex'`). */
export const HASHED_FILE = /\.[0-9a-f]{12,}\.js(\.map)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export function distRouter(config: Config, distDir: string): Router {
  const r = Router();
  const root = resolve(distDir);
  const allowed = new Set(config.corsOrigins);
  r.use(
    cors({
      origin: (origin, cb) => cb(null, !!origin && allowed.has(origin)),
      methods: ['GET', 'HEAD'],
      maxAge: 600,
    }),
  );
  // Helmet's same-origin resource policy would stop other origins' pages from using the bundle.
  r.use((_req, res, next) => {
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  // In production no source map is served (nor built: rollup.config.js), whatever an earlier build left.
  if (config.production) r.use((req, res, next) => (req.path.endsWith('.map') ? res.status(404).end() : next()));
  r.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.js')) return next();
    res.vary('Accept-Encoding');
    const file = resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(root + sep)) return next();
    // Ours first (brotli is smaller), among those the browser takes; browsers list gzip before br.
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && existsSync(file + e.suffix));
    if (encoding) {
      res.set('Content-Encoding', encoding.name);
      res.type('text/javascript; charset=utf-8');
      req.url = req.url.replace(/(\?|$)/, `${encoding.suffix}$1`);
    }
    next();
  });
  r.use(
    express.static(root, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', HASHED_FILE.test(path.replace(/\.(br|gz)$/, '')) ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  return r;
}
