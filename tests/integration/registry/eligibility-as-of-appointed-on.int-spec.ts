import { randomUUID } from 'node:crypto';
import { CertificateIssuer } from '@cqo/certificates';
import { AccrualService } from '@cqo/credit-hours';
import { appointmentBody, candidate } from '../../e2e/registry/support';
import { TargetsHarness } from './targets/harness';

// Issue 14 (6): eligibility is evaluated as of `appointedOn`. The appointment-training condition
// reads the ledger as it stood at the end of that day (CST, occurrence time), through the
// credit-hours evaluator: hours earned after the date do not make the appointment eligible.
describe('eligibility as of the appointment date', () => {
  const h = new TargetsHarness('2026-05-01T02:00:00Z');
  beforeAll(() => h.start());
  afterAll(() => h.close());

  it('judges the training on the hours earned by appointedOn, not on those earned since', async () => {
    const enterpriseId = await h.enterprise({ stateOwned: true });
    const token = await h.adminToken(enterpriseId);
    const who = await candidate(h.api, { enterpriseId, appointmentHours: '0', certificate: false });
    // 21 appointment hours completed on 20 April at 23:30 CST (15:30Z), then the certificate.
    await h.api.get(AccrualService).accrueCompletion(null, {
      enrollmentId: randomUUID(),
      traineeId: who.userId,
      courseId: randomUUID(),
      courseVersionId: randomUUID(),
      organizationId: randomUUID(),
      category: 1,
      kind: 'appointment',
      creditHours: '21',
      completedAt: '2026-04-20T15:30:00Z',
    });
    await h.api.get(CertificateIssuer).issue({
      traineeId: who.userId,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: '21', requiredHours: '21', examPassedAt: '2026-04-20T15:40:00.000Z' },
    });
    // Today the person is eligible.
    const today = await h.api.request({
      method: 'POST',
      url: '/registry/eligibility-checks',
      token,
      payload: { trainee: { username: who.username } },
    });
    expect(today.json().result).toMatchObject({ eligible: true, checkedOn: '2026-05-01' });

    // Appointed as of 19 April (before the training): refused, the condition showing the hours of that day.
    const early = await h.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token,
      payload: appointmentBody({ username: who.username }, { appointedOn: '2026-04-19' }),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CQO_NOT_ELIGIBLE');
    expect(early.json().details.map((d: { field: string }) => d.field)).toEqual(['eligibility.APPOINTMENT_TRAINING_HOURS']);

    // With an exception it is registered, and the evidence kept is the check as of that day.
    const exception = await h.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token,
      payload: appointmentBody(
        { username: who.username },
        { appointedOn: '2026-04-19', eligibilityExceptionReason: '先行聘任，任职培训于次日完成' },
      ),
    });
    expect(exception.statusCode).toBe(201);
    const kept = exception.json();
    expect(kept).toMatchObject({
      eligible: false,
      exceptionFlagged: true,
      eligibility: { checkedOn: '2026-04-19', failures: ['APPOINTMENT_TRAINING_HOURS'] },
    });
    expect(kept.eligibility.conditions.find((c: { code: string }) => c.code === 'APPOINTMENT_TRAINING_HOURS')).toMatchObject({
      met: false,
      actual: '0学时',
    });
  });

  it('counts the hours of the appointment day itself (CST), and is eligible from it', async () => {
    const enterpriseId = await h.enterprise({ stateOwned: true });
    const token = await h.adminToken(enterpriseId);
    const who = await candidate(h.api, { enterpriseId, appointmentHours: '0', certificate: true });
    await h.api.get(AccrualService).accrueCompletion(null, {
      enrollmentId: randomUUID(),
      traineeId: who.userId,
      courseId: randomUUID(),
      courseVersionId: randomUUID(),
      organizationId: randomUUID(),
      category: 1,
      kind: 'appointment',
      creditHours: '21',
      completedAt: '2026-04-20T15:30:00Z', // 23:30 CST on 20 April
    });
    const res = await h.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token,
      payload: appointmentBody({ username: who.username }, { appointedOn: '2026-04-20' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ eligible: true, eligibility: { checkedOn: '2026-04-20', failures: [] } });
  });
});
