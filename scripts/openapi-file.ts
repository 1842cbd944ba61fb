/** Where scripts/openapi.ts writes the OpenAPI document that the linters and scripts/gen-api-types.ts read. */
export const OPENAPI_FILE = 'test-results/openapi.json';
