import { posix } from 'node:path';
import type { SaxesTagPlain } from 'saxes';
import { SaxesParser } from 'saxes';

/**
 * The sequencing control modes that govern moving among a cluster's children (SCORM 2004
 * imsss:controlMode on the organization or the parent item): `choice` lets the learner pick any
 * child from the list, `flow` enables continue/previous, `forwardOnly` forbids going back.
 */
export interface ScormControlMode {
  choice: boolean;
  flow: boolean;
  forwardOnly: boolean;
}

/** SCORM 2004 defaults (IMS SS): choice on, flow off, forwardOnly off. */
export const CONTROL_MODE_2004_DEFAULT: ScormControlMode = { choice: true, flow: false, forwardOnly: false };
/** SCORM 1.2 has no sequencing: the LMS lets the learner move freely, in order or by choice. */
export const CONTROL_MODE_FREE: ScormControlMode = { choice: true, flow: true, forwardOnly: false };

export type ScormVersion = '1.2' | '2004';

/** A launchable SCO of a SCORM package, as read from imsmanifest.xml. */
export interface ScormSco {
  /** The item's identifier in the manifest. */
  id: string;
  title: string;
  /** Path inside the package (resource xml:base + href), with the item's parameters if any. */
  href: string;
  /** SCORM 1.2 adlcp:masteryscore (0–100), or null. */
  masteryScore: number | null;
  /** SCORM 2004 adlcp:completionThreshold (0–1), or null. */
  completionThreshold: number | null;
  /** SCORM 2004 imsss:deliveryControls completionSetByContent (default true). */
  completionSetByContent: boolean;
  /** SCORM 2004 primary objective satisfiedByMeasure with its minNormalizedMeasure, or null. */
  minNormalizedMeasure: number | null;
  /** adlcp:datafromlms / adlcp:dataFromLMS (cmi.launch_data), or null. */
  launchData: string | null;
  /** The cluster (parent item) the SCO belongs to, or null for a child of the organization. Absent in packages imported before navigation. */
  parentId?: string | null;
  /** The control modes of its parent (cluster or organization): how the learner may move to and from it. Absent: free. */
  controlMode?: ScormControlMode;
}

export interface ScormPackage {
  version: ScormVersion;
  title: string;
  scos: ScormSco[];
}

/** A problem with imsmanifest.xml, worded for the org admin (Chinese). */
export class ScormManifestError extends Error {}

interface ItemDraft {
  id: string;
  resourceRef: string | null;
  parameters: string | null;
  title: string;
  masteryScore: string | null;
  completionThreshold: string | null;
  completionSetByContent: string | null;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure: string | null;
  launchData: string | null;
  parentId: string | null;
  controlMode: Partial<ScormControlMode>;
}

interface ResourceDraft {
  id: string;
  href: string | null;
  base: string;
  sco: boolean;
  files: string[];
}

/** A reference that leaves the package: a URL with a scheme, an absolute path, or `..` beyond its root. */
function outside(ref: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.startsWith('\\')) return true;
  const path = posix.normalize(ref.split(/[?#]/)[0]);
  return path === '..' || path.startsWith('../');
}

/** The path of a reference inside the package (query and fragment dropped, normalized). */
export function packagePathOf(ref: string): string {
  return posix.normalize(decodeURI(ref.split(/[?#]/)[0]));
}

/**
 * Reads a SCORM 1.2 or 2004 imsmanifest.xml (IMS Content Packaging with the ADL extensions): the
 * version (metadata schemaversion, else the adlcp namespace), the default organization's items
 * and the resources they launch. Only items whose resource is a SCO count. Checks that the
 * package has at least one SCO and that every href stays inside the package; whether the files
 * exist is checked by the caller. Each SCO carries its cluster and the control modes (choice,
 * flow, forwardOnly) of that cluster, which decide navigation between SCOs (scorm-navigation.ts). Namespaces are matched by local names. Throws ScormManifestError.
 */
export function parseScormManifest(xml: string): ScormPackage {
  const parser = new SaxesParser({ xmlns: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const stack: string[] = [];
  let text = '';
  let error: Error | null = null;
  let schemaVersion = '';
  let namespaceHint: ScormVersion | null = null;
  let defaultOrg = '';
  let currentOrg = '';
  const orgTitles = new Map<string, string>();
  const orgItems = new Map<string, ItemDraft[]>();
  const orgControlModes = new Map<string, Partial<ScormControlMode>>();
  const itemsById = new Map<string, ItemDraft>();
  const itemStack: ItemDraft[] = [];
  const resources = new Map<string, ResourceDraft>();
  let resource: ResourceDraft | null = null;
  let manifestBase = '';
  let resourcesBase = '';

  parser.on('error', (e) => (error ??= e));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    stack.push(name);
    text = '';
    for (const [key, value] of Object.entries(attrs)) {
      if (!key.startsWith('xmlns')) continue;
      if (/adlcp_rootv1p2/i.test(value)) namespaceHint ??= '1.2';
      if (/adlcp_v1p3|imsss/i.test(value)) namespaceHint = '2004';
    }
    if (name === 'manifest' && stack.length === 1) manifestBase = attrs['xml:base'] ?? '';
    if (name === 'organizations') defaultOrg = attrs.default ?? '';
    if (name === 'organization') {
      currentOrg = attrs.identifier ?? '';
      orgItems.set(currentOrg, []);
      orgControlModes.set(currentOrg, {});
    }
    if (name === 'item') {
      const item: ItemDraft = {
        id: attrs.identifier ?? '',
        resourceRef: attrs.identifierref ?? null,
        parameters: attrs.parameters ?? null,
        title: '',
        masteryScore: null,
        completionThreshold: null,
        completionSetByContent: null,
        satisfiedByMeasure: false,
        minNormalizedMeasure: null,
        launchData: null,
        parentId: itemStack[itemStack.length - 1]?.id ?? null,
        controlMode: {},
      };
      itemStack.push(item);
      itemsById.set(item.id, item);
      orgItems.get(currentOrg)?.push(item);
    }
    const item = itemStack[itemStack.length - 1];
    if (item && name === 'completionThreshold' && attrs.minProgressMeasure !== undefined)
      item.completionThreshold = attrs.minProgressMeasure;
    if (item && name === 'deliveryControls' && attrs.completionSetByContent !== undefined)
      item.completionSetByContent = attrs.completionSetByContent;
    if (item && name === 'primaryObjective' && attrs.satisfiedByMeasure === 'true') item.satisfiedByMeasure = true;
    if (name === 'controlMode' && stack[stack.length - 2] === 'sequencing') {
      const owner = stack[stack.length - 3];
      const mode = owner === 'item' ? item?.controlMode : owner === 'organization' ? orgControlModes.get(currentOrg) : undefined;
      if (mode) {
        for (const key of ['choice', 'flow', 'forwardOnly'] as const) {
          if (attrs[key] === 'true' || attrs[key] === 'false') mode[key] = attrs[key] === 'true';
        }
      }
    }
    if (name === 'resources') resourcesBase = attrs['xml:base'] ?? '';
    if (name === 'resource') {
      const type =
        attrs['adlcp:scormtype'] ?? attrs['adlcp:scormType'] ?? Object.entries(attrs).find(([k]) => /:scormtype$/i.test(k))?.[1] ?? '';
      resource = {
        id: attrs.identifier ?? '',
        href: attrs.href ?? null,
        base: `${manifestBase}${resourcesBase}${attrs['xml:base'] ?? ''}`,
        sco: type.toLowerCase() === 'sco',
        files: [],
      };
      resources.set(resource.id, resource);
    }
    if (name === 'file' && resource && attrs.href) resource.files.push(attrs.href);
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    stack.pop();
    const parent = stack[stack.length - 1];
    const value = text.trim();
    const item = itemStack[itemStack.length - 1];
    if (name === 'schemaversion' && stack.includes('metadata')) schemaVersion = value;
    if (name === 'title' && parent === 'organization' && !orgTitles.has(currentOrg)) orgTitles.set(currentOrg, value);
    if (item && parent === 'item') {
      if (name === 'title') item.title = value;
      if (name === 'masteryscore') item.masteryScore = value;
      if (name === 'completionThreshold' && value) item.completionThreshold = value;
      if (name === 'datafromlms' || name === 'dataFromLMS') item.launchData = value;
    }
    if (item && name === 'minNormalizedMeasure' && parent === 'primaryObjective') item.minNormalizedMeasure = value;
    if (name === 'item') itemStack.pop();
    if (name === 'resource') resource = null;
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch {
    throw new ScormManifestError('imsmanifest.xml 不是有效的 XML');
  }
  if (error) throw new ScormManifestError('imsmanifest.xml 不是有效的 XML');

  const version: ScormVersion | null = schemaVersion === '1.2' ? '1.2' : /2004|CAM 1\.3/i.test(schemaVersion) ? '2004' : namespaceHint;
  if (!version) throw new ScormManifestError('无法识别 SCORM 版本（metadata/schemaversion 应为 1.2 或 2004）');
  if (!orgItems.size) throw new ScormManifestError('imsmanifest.xml 缺少 organizations/organization');
  const orgId = orgItems.has(defaultOrg) ? defaultOrg : [...orgItems.keys()][0];

  for (const r of resources.values()) {
    for (const ref of [r.href, ...r.files]) {
      if (ref !== null && (outside(ref) || outside(`${r.base}${ref}`)))
        throw new ScormManifestError(`资源 ${r.id} 的 href 指向课件包之外：${ref.slice(0, 100)}`);
    }
  }
  const scos: ScormSco[] = [];
  for (const item of orgItems.get(orgId)!) {
    if (!item.resourceRef) continue;
    const r = resources.get(item.resourceRef);
    if (!r) throw new ScormManifestError(`条目 ${item.id} 引用的资源 ${item.resourceRef} 不存在`);
    if (!r.sco) continue;
    if (!r.href) throw new ScormManifestError(`资源 ${r.id} 缺少 href（启动文件）`);
    const parameters = item.parameters ? item.parameters.replace(/^[?&]*/, '') : '';
    const href = `${r.base}${r.href}`;
    scos.push({
      id: item.id,
      title: item.title || item.id,
      href: parameters ? `${href}${href.includes('?') ? '&' : '?'}${parameters}` : href,
      masteryScore: numberIn(item.masteryScore, 0, 100, `条目 ${item.id} 的 masteryscore 须在 0 到 100 之间`),
      completionThreshold: numberIn(item.completionThreshold, 0, 1, `条目 ${item.id} 的 completionThreshold 须在 0 到 1 之间`),
      completionSetByContent: item.completionSetByContent !== 'false',
      minNormalizedMeasure: item.satisfiedByMeasure
        ? (numberIn(item.minNormalizedMeasure, -1, 1, `条目 ${item.id} 的 minNormalizedMeasure 须在 -1 到 1 之间`) ?? 1)
        : null,
      launchData: item.launchData,
      parentId: item.parentId,
      controlMode:
        version === '1.2'
          ? { ...CONTROL_MODE_FREE }
          : {
              ...CONTROL_MODE_2004_DEFAULT,
              ...(item.parentId === null ? orgControlModes.get(orgId) : itemsById.get(item.parentId)?.controlMode),
            },
    });
  }
  if (!scos.length) throw new ScormManifestError('课件包中没有 SCO（需要至少一个 adlcp:scormtype="sco" 的资源被条目引用）');
  const ids = new Set<string>();
  for (const sco of scos) {
    if (!sco.id) throw new ScormManifestError('条目缺少 identifier');
    if (ids.has(sco.id)) throw new ScormManifestError(`条目 identifier 重复：${sco.id}`);
    ids.add(sco.id);
  }
  return { version, title: orgTitles.get(orgId) || scos[0].title, scos };
}

function numberIn(raw: string | null, min: number, max: number, message: string): number | null {
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new ScormManifestError(message);
  return n;
}
