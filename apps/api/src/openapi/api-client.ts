import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Where the web app's generated API types live, from the repository root. */
export const API_CLIENT_SCHEMA_PATH = 'apps/web/src/api/schema.d.ts';

const HEADER = `/**
 * GENERATED FILE, DO NOT EDIT. The API's OpenAPI document (what /docs-json serves) turned into
 * TypeScript by openapi-typescript. Regenerate with \`npm run api:client\` after changing a route,
 * a DTO or a decorator; \`npm test\` fails while this file differs from a fresh generation
 * (apps/api/src/openapi/openapi-document.spec.ts).
 */

`;

/**
 * The TypeScript text of the web client's types for an OpenAPI document, by openapi-typescript's
 * own command line in a child process (it loads ESM-only packages that Jest's CommonJS runtime cannot).
 */
export function renderApiClientSchema(document: OpenAPIObject): string {
  const dir = mkdtempSync(join(tmpdir(), 'cqo-api-client-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, JSON.stringify(document));
    execFileSync(
      process.execPath,
      [
        join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js'),
        input,
        '--output',
        output,
        '--export-type',
        // A request field with a default may be left out: keep it optional (openapi-typescript 7
        // would make it required).
        '--default-non-nullable',
        'false',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return HEADER + readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
