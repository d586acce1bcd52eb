import type { CourseContentInput } from './course-rules';
import {
  checkLessonFiles,
  creditHourMinutesShortfall,
  normalizeHours,
  requiredSecondsOf,
  validateCourseContent,
  wholeMinutes,
} from './course-rules';

const topics = [
  { id: 't1', code: 'cqo-system', category: 1 },
  { id: 't2', code: 'quality-laws', category: 1 },
  { id: 't3', code: 'lean', category: 2 },
];

const valid = (over: Partial<CourseContentInput> = {}): CourseContentInput => ({
  title: ' 课程 ',
  description: '简介',
  category: 1,
  topicCodes: ['cqo-system'],
  kind: 'appointment',
  creditHours: '2.50',
  deliveryMode: 'blended',
  lessons: [
    { title: '视频', type: 'video', minutes: 45, required: true },
    {
      title: '面授',
      type: 'live_session',
      minutes: 90,
      required: true,
      startsAt: '2026-03-01T01:00:00Z',
      endsAt: '2026-03-01T02:30:00Z',
      venue: '兰州',
    },
  ],
  ...over,
});

const fieldsOf = (over: Partial<CourseContentInput>) => validateCourseContent(valid(over), topics).issues.map((i) => i.field);

describe('validateCourseContent', () => {
  it('normalizes a valid course: trimmed text, hours as numeric(5,1) text, default share, positions', () => {
    const { content, issues } = validateCourseContent(valid(), topics);
    expect(issues).toEqual([]);
    expect(content).toMatchObject({ title: '课程', creditHours: '2.5', completionShare: '0.90', topicIds: ['t1'] });
    expect(content!.lessons.map((l) => l.position)).toEqual([1, 2]);
    expect(content!.lessons[1].startsAt).toEqual(new Date('2026-03-01T01:00:00Z'));
  });

  it('keeps category 2 continuing and topics inside the category', () => {
    expect(fieldsOf({ category: 2, kind: 'appointment', topicCodes: ['lean'] })).toEqual(['kind']);
    expect(fieldsOf({ category: 2, kind: 'continuing', topicCodes: ['lean'] })).toEqual([]);
    expect(fieldsOf({ topicCodes: ['cqo-system', 'lean', 'cqo-system', 'x'] })).toEqual([
      'topicCodes[1]',
      'topicCodes[2]',
      'topicCodes[3]',
    ]);
    expect(fieldsOf({ topicCodes: [] })).toEqual(['topicCodes']);
  });

  it('takes hours in steps of 0.5 above zero only', () => {
    for (const ok of ['0.5', '1', '21.0', '200']) expect([ok, fieldsOf({ creditHours: ok })]).toEqual([ok, []]);
    for (const bad of ['0', '0.0', '2.25', '2.3', '-1', '201', 'abc', '1e1'])
      expect([bad, fieldsOf({ creditHours: bad })]).toEqual([bad, ['creditHours']]);
  });

  it('matches lesson types to the delivery mode and asks live sessions for time and place', () => {
    expect(fieldsOf({ deliveryMode: 'online' })).toEqual(['lessons[1].type']);
    expect(fieldsOf({ deliveryMode: 'in_person' })).toEqual(['lessons[0].type']);
    expect(fieldsOf({ lessons: [valid().lessons[0]] })).toEqual(['lessons']);
    expect(
      fieldsOf({
        lessons: [
          valid().lessons[0],
          {
            title: '面授',
            type: 'live_session',
            minutes: 60,
            required: true,
            startsAt: '2026-03-01T02:00:00Z',
            endsAt: '2026-03-01T01:00:00Z',
          },
        ],
      }),
    ).toEqual(['lessons[1].endsAt', 'lessons[1].venue']);
    expect(fieldsOf({ lessons: [{ ...valid().lessons[0], venue: '会议室' }, valid().lessons[1]] })).toEqual(['lessons[0].venue']);
    expect(fieldsOf({ lessons: valid().lessons.map((l) => ({ ...l, required: false })) })).toEqual(['lessons']);
  });

  it('checks the window, capacity and completion share', () => {
    expect(fieldsOf({ enrollmentOpensAt: '2026-02-01T00:00:00Z', enrollmentClosesAt: '2026-01-01T00:00:00Z' })).toEqual([
      'enrollmentClosesAt',
    ]);
    expect(fieldsOf({ enrollmentOpensAt: 'soon' })).toEqual(['enrollmentOpensAt']);
    expect(fieldsOf({ capacity: 0 })).toEqual(['capacity']);
    expect(fieldsOf({ completionShare: '0' })).toEqual(['completionShare']);
    expect(fieldsOf({ completionShare: '1.01' })).toEqual(['completionShare']);
    expect(validateCourseContent(valid({ completionShare: '0.8' }), topics).content!.completionShare).toBe('0.80');
  });
});

describe('requiredSecondsOf', () => {
  it('is the share of the declared minutes, rounded up, without float drift', () => {
    expect(requiredSecondsOf(10, '0.90')).toBe(540);
    expect(requiredSecondsOf(45, '0.90')).toBe(2430);
    expect(requiredSecondsOf(1, '0.33')).toBe(20); // 19.8 → 20
    expect(requiredSecondsOf(7, '1.00')).toBe(420);
  });
});

describe('normalizeHours', () => {
  it('writes hours the way numeric(5,1) returns them', () => {
    expect(['3', '2.5', '2.50', '007.0'].map(normalizeHours)).toEqual(['3.0', '2.5', '2.5', '7.0']);
  });
});

describe('creditHourMinutesShortfall', () => {
  it('needs hours × minutes per 学时 of required lessons, rounding half minutes up', () => {
    expect(creditHourMinutesShortfall('1', 45, 1)).toEqual({ requiredMinutes: 45, missing: 44 });
    expect(creditHourMinutesShortfall('2.5', 45, 113)).toEqual({ requiredMinutes: 113, missing: 0 });
    expect(creditHourMinutesShortfall('6.0', 45, 300)).toEqual({ requiredMinutes: 270, missing: 0 });
    expect(creditHourMinutesShortfall('3', 50, 135)).toEqual({ requiredMinutes: 150, missing: 15 });
  });
});

describe('checkLessonFiles', () => {
  const lesson = (over: object) => ({ ...validateCourseContent(valid(), topics).content!.lessons[0], contentFileId: 'f1', ...over });
  const video = { id: 'f1', organization_id: 'org', kind: 'video' as const, duration_seconds: 2700.04 };

  it("asks a video lesson for exactly its video's whole minutes", () => {
    expect(wholeMinutes(2700.04)).toBe(45);
    expect(wholeMinutes(119.6)).toBe(2);
    expect(wholeMinutes(61)).toBe(1);
    expect(checkLessonFiles([lesson({ minutes: 45 })], [video], 'org')).toEqual([]);
    for (const minutes of [44, 46, 1]) {
      expect(checkLessonFiles([lesson({ minutes })], [video], 'org')).toEqual([
        { field: 'lessons[0].minutes', message: '必须等于视频实际时长（45 分钟）' },
      ]);
    }
  });

  it("refuses another organization's file and a file of the other kind", () => {
    expect(checkLessonFiles([lesson({ minutes: 45 })], [{ ...video, organization_id: 'other' }], 'org').map((i) => i.field)).toEqual([
      'lessons[0].contentFileId',
    ]);
    expect(checkLessonFiles([lesson({ minutes: 45, type: 'document' })], [video], 'org').map((i) => i.field)).toEqual([
      'lessons[0].contentFileId',
    ]);
  });
});
