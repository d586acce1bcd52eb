import type { DomainError } from '@cqo/core';
import { parseStatement } from './xapi-statement';

const BASE = 'https://cqo.example.cn';
const LESSON = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const statement = (over: Record<string, unknown> = {}) => ({
  id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  actor: { account: { homePage: `${BASE}/`, name: 'ZhangWei' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
  object: { id: `${BASE}/xapi/activities/lessons/${LESSON}` },
  result: { duration: 'PT12M' },
  ...over,
});
const fieldOf = (raw: unknown, prefix = '') => {
  try {
    parseStatement(raw, BASE, prefix);
    return null;
  } catch (error) {
    return (error as DomainError).details[0].field;
  }
};

describe('parseStatement', () => {
  it('reads the subset we take', () => {
    expect(parseStatement(statement(), BASE)).toMatchObject({
      username: 'zhangwei',
      verb: 'progressed',
      lessonId: LESSON,
      durationSeconds: 720,
      timestamp: null,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(parseStatement(statement({ id: undefined, result: undefined }), BASE)).toMatchObject({ id: null, durationSeconds: null });
  });
  it('names the offending field, with the batch index', () => {
    expect(fieldOf(null)).toBe('statement');
    expect(fieldOf(statement({ verb: { id: 'attempted' } }))).toBe('verb.id');
    expect(fieldOf(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { id: 'x' } }))).toBe('object');
    expect(fieldOf(statement({ context: { registration: 'launch-1' } }))).toBe('context.registration');
    expect(fieldOf(statement({ actor: { objectType: 'Group', account: {} } }))).toBe('actor.objectType');
    expect(fieldOf(statement({ object: { objectType: 'Agent', id: `${BASE}/xapi/activities/lessons/${LESSON}` } }))).toBe(
      'object.objectType',
    );
    expect(fieldOf(statement({ object: { id: `https://evil.example/xapi/activities/lessons/${LESSON}` } }))).toBe('object.id');
    expect(fieldOf(statement({ result: { duration: 12 } }), '[3].')).toBe('[3].result.duration');
    expect(fieldOf(statement({ result: { duration: 'PT596524H' } }))).toBe('result.duration');
  });
  it('takes any verb IRI, activities under the lesson, and a lesson named in the context', () => {
    expect(parseStatement(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }), BASE).verb).toBe(
      'http://adlnet.gov/expapi/verbs/attempted',
    );
    expect(parseStatement(statement({ object: { id: `${BASE}/xapi/activities/lessons/${LESSON}/question-2` } }), BASE).lessonId).toBe(
      LESSON,
    );
    const inContext = statement({
      object: { id: 'https://authoring.example/slide-4' },
      context: { contextActivities: { parent: [{ id: `${BASE}/xapi/activities/lessons/${LESSON}` }] } },
    });
    expect(parseStatement(inContext, BASE).lessonId).toBe(LESSON);
    expect(fieldOf(statement({ object: { id: 'https://authoring.example/slide-4' } }))).toBe('object.id');
    const voiding = parseStatement(
      statement({
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: LESSON.toUpperCase() },
      }),
      BASE,
    );
    expect(voiding).toMatchObject({ verb: 'voided', voidsId: LESSON, lessonId: null });
  });
  it('hashes the content so a resent statement is recognised', () => {
    expect(parseStatement(statement(), BASE).contentHash).toBe(parseStatement(statement(), BASE).contentHash);
    const reordered = {
      result: { duration: 'PT12M' },
      object: statement().object,
      verb: statement().verb,
      actor: statement().actor,
      id: statement().id,
    };
    expect(parseStatement(reordered, BASE).contentHash).toBe(parseStatement(statement(), BASE).contentHash);
    expect(parseStatement(statement(), BASE).contentHash).not.toBe(
      parseStatement(statement({ result: { duration: 'PT13M' } }), BASE).contentHash,
    );
  });
});
