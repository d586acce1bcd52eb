import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_CLIENT_SCHEMA_PATH, renderApiClientSchema } from './api-client';
import { createOpenApiDocument } from './openapi-document';

/** `npm run api:client`: writes the web app's API types from the document, no server needed. */
async function main(): Promise<void> {
  const target = resolve(process.cwd(), API_CLIENT_SCHEMA_PATH);
  writeFileSync(target, renderApiClientSchema(await createOpenApiDocument()));
  process.stdout.write(`api:client: wrote ${API_CLIENT_SCHEMA_PATH}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`api:client: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
