/**
 * The components' API types, generated from the OpenAPI document (itself generated from the zod
 * schemas that validate requests): `components/shared/api-types.ts`, committed.
 * `tsx scripts/gen-api-types.ts` writes it; `--check` fails when the committed file is stale
 * (run by `npm run lint:api`). Reads the document scripts/openapi.ts wrote.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { OPENAPI_FILE } from './openapi-file.js';

const TARGET = 'components/shared/api-types.ts';
const HEADER = `/**
 * Generated from the OpenAPI document by \`npm run gen:api\` (scripts/gen-api-types.ts): do not
 * edit. components/shared/api.ts names the shapes the components use.
 */
`;

const doc = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
const source = HEADER + astToString(await openapiTS(doc, { exportType: false, alphabetize: false, defaultNonNullable: false }));
const formatted = await prettier.format(source, { ...(await prettier.resolveConfig(TARGET)), filepath: TARGET });

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(TARGET, 'utf8');
  } catch {
    /* missing: stale */
  }
  if (committed !== formatted) {
    console.error(`${TARGET} is stale: the API changed. Run \`npm run gen:api\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${TARGET} matches the OpenAPI document`);
} else {
  writeFileSync(TARGET, formatted);
  console.log(`wrote ${TARGET}`);
}
