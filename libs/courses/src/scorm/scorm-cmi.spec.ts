import { checkCommit, launchCmi, parseTimespan12, scoComplete } from './scorm-cmi';
import type { ScormSco } from './scorm-manifest';

const sco = (over: Partial<ScormSco> = {}): ScormSco => ({
  id: 's',
  title: 's',
  href: 'index.html',
  masteryScore: null,
  completionThreshold: null,
  completionSetByContent: true,
  minNormalizedMeasure: null,
  launchData: null,
  ...over,
});

describe('SCORM CMI rules', () => {
  it('parses SCORM 1.2 timespans', () => {
    expect([parseTimespan12('0000:06:00'), parseTimespan12('01:02:03.50'), parseTimespan12('6:00'), parseTimespan12('00:61:00')]).toEqual([
      360,
      3723,
      null,
      null,
    ]);
  });

  it('keeps the resume elements of a commit and refuses bad values by name', () => {
    expect(
      checkCommit(
        '1.2',
        {
          core: { lesson_location: 'p2', lesson_status: 'incomplete', exit: '', session_time: '00:01:00', score: { raw: '' } },
          suspend_data: 'x',
        },
        '0000:01:00',
      ),
    ).toEqual({
      cmi: { 'cmi.core.lesson_location': 'p2', 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': 'x' },
      sessionSeconds: 60,
    });
    expect(() => checkCommit('1.2', { suspend_data: 'x'.repeat(4097) }, null)).toThrow('4096');
    expect(() => checkCommit('2004', { score: { scaled: 'high' } }, null)).toThrow('数字');
    expect(() => checkCommit('2004', {}, '00:01:00')).toThrow('ISO 8601');
    expect(checkCommit('2004', { completion_status: 'completed' }, 'PT1M30S').sessionSeconds).toBe(90);
  });

  it('decides completion: 1.2 status or mastery score; 2004 completion, threshold, measure, and never when content does not set it', () => {
    expect(scoComplete('1.2', sco(), { 'cmi.core.lesson_status': 'passed' })).toBe(true);
    expect(scoComplete('1.2', sco(), { 'cmi.core.lesson_status': 'incomplete' })).toBe(false);
    expect(scoComplete('1.2', sco({ masteryScore: 80 }), { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '70' })).toBe(
      false,
    );
    expect(scoComplete('1.2', sco({ masteryScore: 80 }), { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '85' })).toBe(true);
    expect(scoComplete('2004', sco(), { 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed' })).toBe(false);
    expect(
      scoComplete('2004', sco({ completionThreshold: 0.8 }), { 'cmi.completion_status': 'completed', 'cmi.progress_measure': '0.5' }),
    ).toBe(false);
    expect(scoComplete('2004', sco({ completionThreshold: 0.8 }), { 'cmi.progress_measure': '0.9' })).toBe(true);
    expect(
      scoComplete('2004', sco({ minNormalizedMeasure: 0.6 }), { 'cmi.completion_status': 'completed', 'cmi.score.scaled': '0.5' }),
    ).toBe(false);
    expect(scoComplete('2004', sco({ completionSetByContent: false }), { 'cmi.completion_status': 'completed' })).toBe(false);
  });

  it('resumes only after a suspend', () => {
    expect(launchCmi('1.2', sco(), { id: 'u', name: 'N' }, null, 0)).toMatchObject({
      core: { entry: 'ab-initio', lesson_status: 'not attempted', total_time: '0000:00:00' },
    });
    expect(
      launchCmi('1.2', sco(), { id: 'u', name: 'N' }, { 'cmi.core.exit': 'suspend', 'cmi.core.lesson_location': 'p3' }, 75),
    ).toMatchObject({
      core: { entry: 'resume', lesson_location: 'p3', total_time: '0000:01:15' },
    });
    expect(launchCmi('2004', sco(), { id: 'u', name: 'N' }, { 'cmi.exit': 'normal' }, 60)).toMatchObject({ entry: '', total_time: 'PT1M' });
  });
});
