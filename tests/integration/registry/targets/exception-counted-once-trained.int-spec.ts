import { randomUUID } from 'node:crypto';
import { CertificateIssuer, CertificatesRepository } from '@cqo/certificates';
import { AccrualService } from '@cqo/credit-hours';
import { TargetsHarness } from './harness';

// What counts as appointed on a date (issue 14 (3)): a serving appointment whose appointee is
// eligible on that date. The notice appoints from people who passed the appointment training
// (三 (一)) and names the training among the conditions (二 (二)); a person appointed by exception
// because only the training was missing meets every condition from the day the training is
// completed (the ledger as of the date, through the credit-hours evaluator), so the appointment
// counts from that day and not before. An exception for anything else never becomes counted.
describe('an exception appointment once the training is completed', () => {
  let h: TargetsHarness;
  let base: { appointed: number; exceptionAppointments: number };
  // Each test its own world: the appointments, the training and the revocation of one are not another's.
  beforeEach(async () => {
    h = new TargetsHarness('2026-05-01T02:00:00Z');
    await h.start();
    const figures = await h.target('state_owned_or_large_production');
    base = { appointed: figures.appointed, exceptionAppointments: figures.exceptionAppointments };
  });
  afterEach(() => h?.close());

  /** Two exception appointments on 20 April: one without the training (its trainee returned), one without the education. */
  const appointByException = async (): Promise<string> => {
    const untrained = await h.appoint(await h.enterprise({ stateOwned: true }), {
      appointedOn: '2026-04-20',
      candidate: { appointmentHours: '0', certificate: false },
      body: { eligibilityExceptionReason: '任职培训尚未完成，限期补训' },
    });
    expect(untrained.res.statusCode).toBe(201);
    const uneducated = await h.appoint(await h.enterprise({ stateOwned: true }), {
      appointedOn: '2026-04-20',
      candidate: { educationLevel: 'associate' },
      body: { eligibilityExceptionReason: '学历为大专，破格聘任' },
    });
    expect(uneducated.res.statusCode).toBe(201);
    return untrained.who.userId;
  };

  /** 21 hours completed at 00:30 CST on 5 June (16:30Z on 4 June), the certificate issued after (clock: 10 June). */
  const completeTraining = async (trainee: string) => {
    h.clock.set('2026-06-10T02:00:00Z');
    await h.api.get(AccrualService).accrueCompletion(null, {
      enrollmentId: randomUUID(),
      traineeId: trainee,
      courseId: randomUUID(),
      courseVersionId: randomUUID(),
      organizationId: randomUUID(),
      category: 1,
      kind: 'appointment',
      creditHours: '21',
      completedAt: '2026-06-04T16:30:00Z',
    });
    await h.api.get(CertificateIssuer).issue({
      traineeId: trainee,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: '21', requiredHours: '21', examPassedAt: '2026-06-05T02:00:00.000Z' },
    });
  };

  it('is not counted while the training is missing', async () => {
    await appointByException();
    expect(await h.target('state_owned_or_large_production')).toMatchObject({
      appointed: base.appointed,
      exceptionAppointments: base.exceptionAppointments + 2,
    });
  });

  it('counts from the day the training is completed (CST), and not on the days before', async () => {
    const trainee = await appointByException();
    await completeTraining(trainee);
    const counted = { appointed: base.appointed + 1, exceptionAppointments: base.exceptionAppointments + 1 };
    const notYet = { appointed: base.appointed, exceptionAppointments: base.exceptionAppointments + 2 };
    expect(await h.target('state_owned_or_large_production', '2026-06-04')).toMatchObject(notYet);
    expect(await h.target('state_owned_or_large_production', '2026-06-05')).toMatchObject(counted);
    expect(await h.target('state_owned_or_large_production')).toMatchObject({ date: '2026-06-10', ...counted });
    // The appointment itself stays on record as made by exception.
    const list = await h.api.request({
      method: 'GET',
      url: '/registry/appointments?exceptionsOnly=true',
      token: h.world.tokens.regulatorLZ,
    });
    expect(list.json().items.map((a: { traineeId: string }) => a.traineeId)).toContain(trainee);
  });

  it('stops counting again when the certificate is revoked (a correction of history)', async () => {
    const trainee = await appointByException();
    await completeTraining(trainee);
    const { id } = (await h.api
      .get(CertificatesRepository)
      .findCurrent({ traineeId: trainee, kind: 'appointment_training', subjectKey: 'appointment', period: 'once' }))!;
    const revoked = await h.api.request({
      method: 'POST',
      url: `/certificates/${id}/revoke`,
      token: h.world.tokens.regulatorLZ,
      payload: { reason: '考试成绩经核查无效' },
    });
    expect(revoked.statusCode).toBe(200);
    expect(await h.target('state_owned_or_large_production', '2026-06-05')).toMatchObject({
      appointed: base.appointed,
      exceptionAppointments: base.exceptionAppointments + 2,
    });
  });
});
