import { OutboxRoutes } from '@cqo/core';

describe('exam.attempt.started route', () => {
  const [sut] = OutboxRoutes['exam.attempt.started'];
  const event = { attemptId: 'a', deadline: '2026-01-01T10:00:00.000Z', autoSubmitAt: '2026-01-01T10:00:30.000Z' };

  it('starts exams.auto-submit with the attempt id', () => {
    expect(sut.job).toBe('exams.auto-submit');
    expect(sut.payload('42', event)).toEqual({ eventId: '42', attemptId: 'a' });
  });

  it("delays it until the deadline plus grace, from the relay's now", () => {
    expect(sut.delay!(event, new Date('2026-01-01T09:30:00Z'))).toBe(30 * 60_000 + 30_000);
    // Relayed late (Redis was down past the deadline): due at once (the relay clamps ≤ 0 to no delay).
    expect(sut.delay!(event, new Date('2026-01-01T11:00:00Z'))).toBeLessThan(0);
  });
});
