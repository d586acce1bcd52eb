import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ZipFile } from 'yazl';

/** The committed sample cmi5 course (an AU page using plain fetch against our xAPI endpoint). */
export const CMI5_SAMPLE_DIR = join(__dirname, '..', 'fixtures', 'cmi5-sample');

/** The committed sample SCORM 1.2 package (one SCO calling LMSInitialize/LMSSetValue/LMSCommit/LMSFinish). */
export const SCORM12_SAMPLE_DIR = join(__dirname, '..', 'fixtures', 'scorm12-sample');

/** The committed sample SCORM 2004 package (two SCOs with choice and flow navigation, calling Initialize/SetValue/Commit/Terminate). */
export const SCORM2004_SAMPLE_DIR = join(__dirname, '..', 'fixtures', 'scorm2004-sample');

/** A zip of the given entries (name → content), as an authoring tool would export it. */
export function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * A zip with an entry named `hostileName` (e.g. `../evil.html`), which zip writers refuse to make:
 * written under a same-length placeholder, then renamed in the local header and central directory.
 */
export async function zipWithEntryNamed(entries: Record<string, string | Buffer>, hostileName: string): Promise<Buffer> {
  const placeholder = 'x'.repeat(hostileName.length);
  const zip = await zipOf({ ...entries, [placeholder]: '<script>alert(1)</script>' });
  const from = Buffer.from(placeholder);
  const to = Buffer.from(hostileName);
  for (let at = zip.indexOf(from); at !== -1; at = zip.indexOf(from, at + 1)) to.copy(zip, at);
  return zip;
}

/** Every file under a directory, by its path relative to it. */
export function filesOf(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return out;
}
