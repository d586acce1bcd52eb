import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The domain libs depend on each other one way (README, Architecture): a lib imports only libs
 * before it. A lib that needs something of a later one declares a port (an injection token) and
 * the later lib provides it, as courses does for attention-check questions from the exams bank.
 */
const ORDER = ['core', 'organizations', 'identity', 'trainees', 'notifications', 'courses', 'exams', 'credit-hours', 'external-claims', 'certificates', 'registry', 'reporting'];
const LIBS = join(__dirname, '../..');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesOf(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('lib dependency order', () => {
  it.each(ORDER.map((lib, i) => [lib, i] as const))('%s imports only libs before it', (lib, position) => {
    const later = new Set(ORDER.slice(position));
    const offending: string[] = [];
    for (const file of sourcesOf(join(LIBS, lib, 'src'))) {
      for (const [, imported] of readFileSync(file, 'utf8').matchAll(/from '@cqo\/([a-z-]+)'/g)) {
        if (later.has(imported)) offending.push(`${file.slice(LIBS.length + 1)} → @cqo/${imported}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
