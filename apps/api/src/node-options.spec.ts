import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_OPTIONS } from './node-options';

/** The launch commands that cannot import API_NODE_OPTIONS spell it out; they must not drift from it. */
describe('API Node options', () => {
  const root = join(__dirname, '../../..');
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const commands: [string, string][] = [
    ['Dockerfile', read('Dockerfile').match(/^CMD .*$/m)?.[0] ?? ''],
    ['docker-compose.yml (api)', read('docker-compose.yml').match(/^ {2}api:\n(?: {4}.*\n)*? {4}command: (.*)$/m)?.[1] ?? ''],
    ['package.json start:api', (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start:api'] ?? ''],
  ];

  it.each(commands)('%s starts the API with them', (_where, command) => {
    expect(command).toContain('dist/apps/api/src/main.js');
    for (const option of API_NODE_OPTIONS) expect(command).toContain(option);
  });
});
