import type { ScormControlMode, ScormPackage, ScormSco } from './scorm-manifest';
import { CONTROL_MODE_FREE } from './scorm-manifest';

/** A navigation request of the launch route (SCORM 2004 navigation requests, those the player offers). */
export const SCORM_NAV_REQUESTS = ['start', 'continue', 'previous', 'choice'] as const;
export type ScormNavRequest = (typeof SCORM_NAV_REQUESTS)[number];

/**
 * A navigation request that cannot be honoured, worded for the trainee (Chinese), with the field
 * at fault: `invalid` for a malformed request (unknown SCO, target missing), `refused` for one the
 * package's sequencing does not allow from where the trainee is (no next, flow or choice off).
 */
export class ScormNavigationError extends Error {
  constructor(
    readonly field: 'navRequest' | 'scoId',
    message: string,
    readonly kind: 'invalid' | 'refused' = 'refused',
  ) {
    super(message);
  }
}

/** What the player shows: the SCOs in order, the current one, and which moves are allowed from it. */
export interface ScormNavigationView {
  currentScoId: string;
  items: { id: string; title: string; completed: boolean; selectable: boolean }[];
  canPrevious: boolean;
  canContinue: boolean;
}

/** The control mode over a SCO (packages imported before navigation was read have none: free). */
export function controlModeOf(sco: ScormSco): ScormControlMode {
  return sco.controlMode ?? CONTROL_MODE_FREE;
}

/** Whether two SCOs are children of the same cluster (flow moves only between siblings here). */
function siblings(a: ScormSco, b: ScormSco): boolean {
  return (a.parentId ?? null) === (b.parentId ?? null);
}

function indexOf(pkg: ScormPackage, scoId: string | null): number {
  return scoId === null ? -1 : pkg.scos.findIndex((s) => s.id === scoId);
}

/** The SCO a `continue` from the current one delivers, or null (none, or flow not allowed). */
export function nextSco(pkg: ScormPackage, currentScoId: string): ScormSco | null {
  const i = indexOf(pkg, currentScoId);
  if (i < 0 || i + 1 >= pkg.scos.length) return null;
  const current = pkg.scos[i];
  const next = pkg.scos[i + 1];
  if (!controlModeOf(current).flow) return null;
  // Leaving a cluster forward: the next cluster must allow flow into its first child too.
  if (!siblings(current, next) && !controlModeOf(next).flow) return null;
  return next;
}

/** The SCO a `previous` from the current one delivers, or null (first, flow off, or forward only). */
export function previousSco(pkg: ScormPackage, currentScoId: string): ScormSco | null {
  const i = indexOf(pkg, currentScoId);
  if (i <= 0) return null;
  const current = pkg.scos[i];
  const previous = pkg.scos[i - 1];
  const mode = controlModeOf(current);
  if (!mode.flow || mode.forwardOnly) return null;
  if (!siblings(current, previous)) {
    const other = controlModeOf(previous);
    if (!other.flow || other.forwardOnly) return null;
  }
  return previous;
}

/** Whether the learner may pick this SCO from the list (choice of its cluster; not backwards under forwardOnly). */
export function choosable(pkg: ScormPackage, currentScoId: string | null, target: ScormSco): boolean {
  const mode = controlModeOf(target);
  if (!mode.choice) return false;
  if (mode.forwardOnly && currentScoId !== null) {
    const current = pkg.scos[indexOf(pkg, currentScoId)];
    if (current && siblings(current, target) && indexOf(pkg, target.id) < indexOf(pkg, current.id)) return false;
  }
  return true;
}

/**
 * The SCO a navigation request delivers, from the SCO the trainee is on (the last launched, or
 * null before the first launch). `start` resumes the current SCO (the first at the beginning);
 * `continue`/`previous` need flow; `choice` needs the target's cluster to allow choice. Throws
 * ScormNavigationError naming what is wrong.
 */
export function resolveNavRequest(
  pkg: ScormPackage,
  currentScoId: string | null,
  request: ScormNavRequest,
  targetScoId?: string,
): ScormSco {
  const current = currentScoId === null ? null : (pkg.scos.find((s) => s.id === currentScoId) ?? null);
  if (request !== 'choice' && targetScoId !== undefined)
    throw new ScormNavigationError('scoId', '只有 choice（选择）导航请求才能指定 SCO', 'invalid');
  switch (request) {
    case 'start':
      return current ?? pkg.scos[0];
    case 'continue': {
      if (!current) throw new ScormNavigationError('navRequest', '尚未启动任何一讲，无法“下一讲”，请先启动课件');
      if (!controlModeOf(current).flow)
        throw new ScormNavigationError('navRequest', '该课件不允许按顺序切换（flow 未开启），请从列表中选择');
      const next = nextSco(pkg, current.id);
      if (!next) {
        throw new ScormNavigationError(
          'navRequest',
          indexOf(pkg, current.id) + 1 >= pkg.scos.length ? '已是最后一讲，没有下一讲' : '该课件不允许顺序进入下一讲',
        );
      }
      return next;
    }
    case 'previous': {
      if (!current) throw new ScormNavigationError('navRequest', '尚未启动任何一讲，无法“上一讲”，请先启动课件');
      const mode = controlModeOf(current);
      if (!mode.flow) throw new ScormNavigationError('navRequest', '该课件不允许按顺序切换（flow 未开启），请从列表中选择');
      if (mode.forwardOnly) throw new ScormNavigationError('navRequest', '该课件只允许向前学习，不能返回上一讲');
      const previous = previousSco(pkg, current.id);
      if (!previous)
        throw new ScormNavigationError(
          'navRequest',
          indexOf(pkg, current.id) === 0 ? '已是第一讲，没有上一讲' : '该课件不允许顺序返回上一讲',
        );
      return previous;
    }
    case 'choice': {
      if (targetScoId === undefined) throw new ScormNavigationError('scoId', 'choice（选择）导航请求须指定要进入的 SCO', 'invalid');
      const target = pkg.scos.find((s) => s.id === targetScoId);
      if (!target) throw new ScormNavigationError('scoId', `课件包中没有该 SCO：${targetScoId.slice(0, 100)}`, 'invalid');
      if (!controlModeOf(target).choice)
        throw new ScormNavigationError('scoId', '该课件不允许从列表中选择这一讲（choice 未开启），请按顺序学习');
      if (!choosable(pkg, currentScoId, target)) throw new ScormNavigationError('scoId', '该课件只允许向前学习，不能选择之前的一讲');
      return target;
    }
  }
}

/** The player's view of the package from the SCO delivered. */
export function navigationView(pkg: ScormPackage, currentScoId: string, completed: ReadonlySet<string>): ScormNavigationView {
  return {
    currentScoId,
    items: pkg.scos.map((s) => ({
      id: s.id,
      title: s.title,
      completed: completed.has(s.id),
      selectable: s.id !== currentScoId && choosable(pkg, currentScoId, s),
    })),
    canPrevious: previousSco(pkg, currentScoId) !== null,
    canContinue: nextSco(pkg, currentScoId) !== null,
  };
}
