import type { SaxesTagPlain } from 'saxes';
import { SaxesParser } from 'saxes';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
const MOVE_ON: readonly MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

/** An assignable unit of a cmi5 course: what the player launches. */
export interface Cmi5Au {
  id: string;
  title: string;
  /** Path inside the package (relative), with its query string if any. */
  url: string;
  moveOn: MoveOn;
  /** 0–1, or null when the AU has none. */
  masteryScore: number | null;
  launchParameters: string | null;
}

export interface Cmi5Course {
  id: string;
  title: string;
  aus: Cmi5Au[];
}

/** A problem with cmi5.xml, worded for the org admin (Chinese). */
export class Cmi5StructureError extends Error {}

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * Reads a cmi5 course structure (cmi5.xml, cmi5 spec §13): the course and its AUs (blocks are
 * flattened, in document order). Checks what the launch needs: ids are IRIs and unique, each AU
 * has a url, moveOn is one of the five values, masteryScore lies in 0–1. Namespaces are ignored
 * (the file is matched by local names). Throws Cmi5StructureError.
 */
export function parseCmi5Structure(xml: string): Cmi5Course {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  let course: { id: string; title: string } | null = null;
  const aus: Cmi5Au[] = [];
  let current: (Partial<Cmi5Au> & { attrs?: Record<string, string> }) | null = null;
  let text = '';
  let error: Error | null = null;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('error', (e) => (error ??= e));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    text = '';
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'course' && parent === 'courseStructure') course = { id: attrs.id ?? '', title: '' };
    if (name === 'au') current = { id: attrs.id ?? '', title: '', attrs };
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    stack.pop();
    const owner = stack[stack.length - 2];
    const value = text.trim();
    if (name === 'langstring' && stack[stack.length - 1] === 'title') {
      if (owner === 'au' && current && !current.title) current.title = value;
      if (owner === 'course' && course && !course.title) course.title = value;
    }
    if (current && stack[stack.length - 1] === 'au') {
      if (name === 'url') current.url = value;
      if (name === 'launchParameters') current.launchParameters = value;
    }
    if (name === 'au' && current) {
      const attrs = current.attrs!;
      const moveOn = (attrs.moveOn ?? 'NotApplicable') as MoveOn;
      if (!MOVE_ON.includes(moveOn)) throw new Cmi5StructureError(`AU ${current.id} 的 moveOn 无效：${attrs.moveOn}`);
      let masteryScore: number | null = null;
      if (attrs.masteryScore !== undefined) {
        masteryScore = Number(attrs.masteryScore);
        if (!Number.isFinite(masteryScore) || masteryScore < 0 || masteryScore > 1)
          throw new Cmi5StructureError(`AU ${current.id} 的 masteryScore 须在 0 到 1 之间`);
      }
      aus.push({
        id: current.id!,
        title: current.title || current.id!,
        url: current.url ?? '',
        moveOn,
        masteryScore,
        launchParameters: current.launchParameters ?? null,
      });
      current = null;
    }
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof Cmi5StructureError) throw e;
    throw new Cmi5StructureError('cmi5.xml 不是有效的 XML');
  }
  if (error) throw new Cmi5StructureError('cmi5.xml 不是有效的 XML');
  const found = course as { id: string; title: string } | null;
  if (!found) throw new Cmi5StructureError('cmi5.xml 缺少 courseStructure/course');
  if (!IRI.test(found.id)) throw new Cmi5StructureError('课程 id 必须是 IRI');
  if (!aus.length) throw new Cmi5StructureError('cmi5.xml 中没有 AU');
  const ids = new Set<string>([found.id]);
  for (const au of aus) {
    if (!IRI.test(au.id)) throw new Cmi5StructureError(`AU id 必须是 IRI：${au.id || '（空）'}`);
    if (ids.has(au.id)) throw new Cmi5StructureError(`id 重复：${au.id}`);
    ids.add(au.id);
    if (!au.url) throw new Cmi5StructureError(`AU ${au.id} 缺少 url`);
  }
  return { id: found.id, title: found.title || found.id, aus };
}

/** Whether an AU's outcomes so far meet its moveOn. */
export function moveOnMet(moveOn: MoveOn, outcome: { completed: boolean; passed: boolean }): boolean {
  switch (moveOn) {
    case 'Completed':
      return outcome.completed;
    case 'Passed':
      return outcome.passed;
    case 'CompletedAndPassed':
      return outcome.completed && outcome.passed;
    case 'CompletedOrPassed':
      return outcome.completed || outcome.passed;
    case 'NotApplicable':
      return true;
  }
}
