/**
 * Writes the API's OpenAPI document (the one GET /api/openapi.json serves) without starting a
 * server: importing the app registers every route's description. `tsx scripts/openapi.ts [file]`
 * (test-results/openapi.json by default); the linters and the client types read that file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import '../server/app.js';
import { openApiDocument } from '../server/http/openapi.js';
import { OPENAPI_FILE } from './openapi-file.js';

const out = resolve(process.argv[2] ?? OPENAPI_FILE);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${out}`);
