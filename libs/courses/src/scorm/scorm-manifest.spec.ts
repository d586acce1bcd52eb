import { parseScormManifest, ScormManifestError } from './scorm-manifest';

const manifest2004 = (
  item: string,
  resource = '<resource identifier="r" type="webcontent" adlcp:scormType="sco" xml:base="content/" href="start.html"><file href="start.html"/></resource>',
) => `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="o2"><organization identifier="o1"><title>Other</title></organization>
    <organization identifier="o2"><title>质量课程</title>${item}</organization></organizations>
  <resources>${resource}<resource identifier="a" type="webcontent" adlcp:scormType="asset" href="logo.png"/></resources>
</manifest>`;

describe('parseScormManifest', () => {
  it('reads a 2004 package: the default organization, xml:base, parameters, threshold, delivery controls and the measure-satisfied objective', () => {
    const parsed = parseScormManifest(
      manifest2004(`<item identifier="i1" identifierref="r" parameters="?lang=zh"><title>第一讲</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
        <imsss:sequencing><imsss:deliveryControls completionSetByContent="false"/>
          <imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives>
        </imsss:sequencing></item><item identifier="i2" identifierref="a"><title>资源</title></item>`),
    );
    expect(parsed).toEqual({
      version: '2004',
      title: '质量课程',
      scos: [
        {
          id: 'i1',
          title: '第一讲',
          href: 'content/start.html?lang=zh',
          masteryScore: null,
          completionThreshold: 0.8,
          completionSetByContent: false,
          minNormalizedMeasure: 0.6,
          launchData: null,
          parentId: null,
          controlMode: { choice: true, flow: false, forwardOnly: false },
        },
      ],
    });
  });

  it.each([
    ['no SCO', manifest2004('<item identifier="i2" identifierref="a"/>'), /没有 SCO/],
    ['a missing resource', manifest2004('<item identifier="i1" identifierref="nope"/>'), /资源 nope 不存在/],
    [
      'xml:base outside',
      manifest2004(
        '<item identifier="i1" identifierref="r"/>',
        '<resource identifier="r" adlcp:scormType="sco" xml:base="../" href="x.html"/>',
      ),
      /之外/,
    ],
    [
      'a file outside',
      manifest2004(
        '<item identifier="i1" identifierref="r"/>',
        '<resource identifier="r" adlcp:scormType="sco" href="x.html"><file href="a/../../x.js"/></resource>',
      ),
      /之外/,
    ],
    ['no version', '<manifest><organizations><organization identifier="o"/></organizations></manifest>', /SCORM 版本/],
    [
      'a bad threshold',
      manifest2004('<item identifier="i1" identifierref="r"><adlcp:completionThreshold>2</adlcp:completionThreshold></item>'),
      /0 到 1/,
    ],
  ])('refuses %s', (_name, xml, message) => {
    expect(() => parseScormManifest(xml)).toThrow(ScormManifestError);
    expect(() => parseScormManifest(xml)).toThrow(message);
  });
});
