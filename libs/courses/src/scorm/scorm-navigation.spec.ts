import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScormPackage } from './scorm-manifest';
import { parseScormManifest } from './scorm-manifest';
import { navigationView, resolveNavRequest, ScormNavigationError } from './scorm-navigation';

const SAMPLE = readFileSync(join(__dirname, '../../../../tests/fixtures/scorm2004-sample/imsmanifest.xml'), 'utf8');

/** A 2004 manifest: `orgSequencing` on the organization, then the items. */
const manifest = (items: string, orgSequencing = '') => `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>课程</title>${items}${orgSequencing}</organization></organizations>
  <resources><resource identifier="r" adlcp:scormType="sco" href="a.html"/></resources>
</manifest>`;
const sco = (id: string) => `<item identifier="${id}" identifierref="r"><title>${id}</title></item>`;
const mode = (attrs: string) => `<imsss:sequencing><imsss:controlMode ${attrs}/></imsss:sequencing>`;

function navError(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScormNavigationError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a ScormNavigationError');
}

describe('SCORM navigation', () => {
  it('reads the organization and its control modes from the sample package (two SCOs, choice and flow)', () => {
    const pkg = parseScormManifest(SAMPLE);
    expect(pkg.scos.map((s) => [s.id, s.title, s.href, s.parentId, s.controlMode])).toEqual([
      ['sco-intro', '第一讲 风险识别', 'sco1/index.html', null, { choice: true, flow: true, forwardOnly: false }],
      ['sco-control', '第二讲 风险控制', 'sco2/index.html', null, { choice: true, flow: true, forwardOnly: false }],
    ]);
  });

  it('moves with continue/previous and by choice where flow and choice allow, and says why otherwise', () => {
    const pkg = parseScormManifest(SAMPLE);
    expect(resolveNavRequest(pkg, null, 'start').id).toBe('sco-intro');
    expect(resolveNavRequest(pkg, 'sco-control', 'start').id).toBe('sco-control');
    expect(resolveNavRequest(pkg, 'sco-intro', 'continue').id).toBe('sco-control');
    expect(resolveNavRequest(pkg, 'sco-control', 'previous').id).toBe('sco-intro');
    expect(resolveNavRequest(pkg, 'sco-intro', 'choice', 'sco-control').id).toBe('sco-control');
    expect(navError(() => resolveNavRequest(pkg, 'sco-control', 'continue'))).toEqual({
      field: 'navRequest',
      message: '已是最后一讲，没有下一讲',
    });
    expect(navError(() => resolveNavRequest(pkg, 'sco-intro', 'previous'))).toEqual({
      field: 'navRequest',
      message: '已是第一讲，没有上一讲',
    });
    expect(navError(() => resolveNavRequest(pkg, null, 'continue')).field).toBe('navRequest');
    expect(navError(() => resolveNavRequest(pkg, 'sco-intro', 'choice')).field).toBe('scoId');
    expect(navError(() => resolveNavRequest(pkg, 'sco-intro', 'choice', 'nope')).message).toMatch(/没有该 SCO：nope/);
    expect(navError(() => resolveNavRequest(pkg, 'sco-intro', 'continue', 'sco-control')).field).toBe('scoId');
  });

  it('follows the SCORM 2004 defaults (choice on, flow off) when the manifest says nothing', () => {
    const pkg = parseScormManifest(manifest(sco('a') + sco('b')));
    expect(pkg.scos[0].controlMode).toEqual({ choice: true, flow: false, forwardOnly: false });
    expect(navError(() => resolveNavRequest(pkg, 'a', 'continue')).message).toMatch(/flow 未开启/);
    expect(resolveNavRequest(pkg, 'a', 'choice', 'b').id).toBe('b');
    expect(navigationView(pkg, 'a', new Set(['a']))).toEqual({
      currentScoId: 'a',
      items: [
        { id: 'a', title: 'a', completed: true, selectable: false },
        { id: 'b', title: 'b', completed: false, selectable: true },
      ],
      canPrevious: false,
      canContinue: false,
    });
  });

  it('refuses choice when the cluster turns it off, and going back under forwardOnly', () => {
    const noChoice = parseScormManifest(manifest(sco('a') + sco('b'), mode('choice="false" flow="true"')));
    expect(navError(() => resolveNavRequest(noChoice, 'a', 'choice', 'b')).message).toMatch(/choice 未开启/);
    expect(resolveNavRequest(noChoice, 'a', 'continue').id).toBe('b');
    expect(navigationView(noChoice, 'a', new Set()).items.map((i) => i.selectable)).toEqual([false, false]);

    const forward = parseScormManifest(manifest(sco('a') + sco('b') + sco('c'), mode('flow="true" forwardOnly="true"')));
    expect(navError(() => resolveNavRequest(forward, 'b', 'previous')).message).toMatch(/只允许向前/);
    expect(navError(() => resolveNavRequest(forward, 'c', 'choice', 'a')).message).toMatch(/只允许向前/);
    expect(resolveNavRequest(forward, 'a', 'choice', 'c').id).toBe('c');
    expect(navigationView(forward, 'b', new Set())).toMatchObject({ canPrevious: false, canContinue: true });
  });

  it('takes a cluster’s own control modes for its children', () => {
    const pkg = parseScormManifest(
      manifest(
        `<item identifier="unit"><title>单元</title>${sco('a')}${sco('b')}${mode('choice="false" flow="true"')}</item>${sco('c')}`,
        mode('flow="true"'),
      ),
    );
    expect(pkg.scos.map((s) => [s.id, s.parentId, s.controlMode?.choice])).toEqual([
      ['a', 'unit', false],
      ['b', 'unit', false],
      ['c', null, true],
    ]);
    expect(resolveNavRequest(pkg, 'a', 'continue').id).toBe('b');
    expect(resolveNavRequest(pkg, 'b', 'continue').id).toBe('c');
  });

  it('lets packages imported before navigation (no control modes stored) move freely', () => {
    const legacy: ScormPackage = {
      version: '2004',
      title: 't',
      scos: ['a', 'b'].map((id) => ({
        id,
        title: id,
        href: 'a.html',
        masteryScore: null,
        completionThreshold: null,
        completionSetByContent: true,
        minNormalizedMeasure: null,
        launchData: null,
      })),
    };
    expect(resolveNavRequest(legacy, 'a', 'continue').id).toBe('b');
    expect(resolveNavRequest(legacy, 'b', 'choice', 'a').id).toBe('a');
  });
});
