import { Cmi5StructureError, moveOnMet, parseCmi5Structure } from './cmi5-structure';

const xml = (aus: string, course = 'https://example.cn/courses/quality') => `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${course}"><title><langstring lang="zh-CN">质量管理</langstring></title><description><langstring lang="zh-CN">说明</langstring></description></course>
  ${aus}
</courseStructure>`;
const au = (attrs: string, url = 'index.html') =>
  `<au ${attrs}><title><langstring lang="zh-CN">第一单元</langstring></title><description><langstring>x</langstring></description><url>${url}</url></au>`;

describe('parseCmi5Structure', () => {
  it('reads the course and its AUs, blocks flattened', () => {
    const course = parseCmi5Structure(
      xml(
        `${au('id="https://example.cn/au/1" moveOn="CompletedAndPassed" masteryScore="0.8"')}<block id="https://example.cn/b/1"><title><langstring>块</langstring></title>${au('id="https://example.cn/au/2"', 'unit2/start.html?x=1')}</block>`,
      ),
    );
    expect(course).toEqual({
      id: 'https://example.cn/courses/quality',
      title: '质量管理',
      aus: [
        {
          id: 'https://example.cn/au/1',
          title: '第一单元',
          url: 'index.html',
          moveOn: 'CompletedAndPassed',
          masteryScore: 0.8,
          launchParameters: null,
        },
        {
          id: 'https://example.cn/au/2',
          title: '第一单元',
          url: 'unit2/start.html?x=1',
          moveOn: 'NotApplicable',
          masteryScore: null,
          launchParameters: null,
        },
      ],
    });
  });

  it('refuses what a launch cannot use, saying why', () => {
    const message = (text: string) => {
      try {
        parseCmi5Structure(text);
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(Cmi5StructureError);
        return (e as Error).message;
      }
    };
    expect(message('<courseStructure><course')).toContain('XML');
    expect(message(xml(''))).toContain('没有 AU');
    expect(message(xml(au('id="https://example.cn/au/1" moveOn="Sometimes"')))).toContain('moveOn');
    expect(message(xml(au('id="https://example.cn/au/1" masteryScore="80"')))).toContain('masteryScore');
    expect(message(xml(au('id="au-1"')))).toContain('IRI');
    expect(message(xml(au('id="https://example.cn/au/1"') + au('id="https://example.cn/au/1"')))).toContain('重复');
    expect(message(xml(au('id="https://example.cn/au/1"', '')))).toContain('url');
    expect(message(xml(au('id="https://example.cn/au/1"'), 'not an iri'))).toContain('IRI');
  });

  it('decides moveOn', () => {
    expect(moveOnMet('Completed', { completed: true, passed: false })).toBe(true);
    expect(moveOnMet('Passed', { completed: true, passed: false })).toBe(false);
    expect(moveOnMet('CompletedAndPassed', { completed: true, passed: false })).toBe(false);
    expect(moveOnMet('CompletedOrPassed', { completed: false, passed: true })).toBe(true);
    expect(moveOnMet('NotApplicable', { completed: false, passed: false })).toBe(true);
  });
});
