import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CertificateIssuer } from '@cqo/certificates';
import { AccrualService } from '@cqo/credit-hours';
import { TokenService, UsersRepository } from '@cqo/identity';
import type { EducationLevel, QualityQualification } from '@cqo/trainees';
import { TraineesService } from '@cqo/trainees';
import type { TestApi } from '../../support/api';
import { confirmEmployer, TEST_PASSWORD, testIdNumber } from '../../support/fixtures';

let serial = 100;

export interface CandidateOptions {
  enterpriseId: string;
  fullName?: string;
  educationLevel?: EducationLevel;
  qualityWorkYears?: number;
  qualityQualification?: QualityQualification;
  relatedSeniorTitle?: boolean;
  /** Category-1 appointment hours to accrue (default 21). */
  appointmentHours?: string;
  /** Issue the appointment-training certificate (default true). */
  certificate?: boolean;
  /** When the appointment hours were earned (their occurrence time; default 2025-11-01): eligibility reads the ledger as of `appointedOn`. */
  trainedAt?: string;
  /** Record a clean disqualification declaration by the enterprise (default true; required to appoint). */
  declaration?: boolean;
}

export interface Candidate {
  userId: string;
  username: string;
  idNumber: string;
  token: string;
}

/**
 * A trainee of an enterprise who meets every condition of the notice unless told otherwise:
 * 6 years, bachelor, intermediate qualification, 21 appointment hours in the ledger (through the
 * credit-hours lib's accrual) and the appointment-training certificate (through the issuer).
 */
export async function candidate(api: TestApi, options: CandidateOptions): Promise<Candidate> {
  serial += 1;
  const username = `cqo${serial}`;
  const idNumber = testIdNumber(serial);
  const { userId } = await api.get(TraineesService).register({
    username,
    password: TEST_PASSWORD,
    fullName: options.fullName ?? `候选人${serial}`,
    idNumber,
    enterpriseId: options.enterpriseId,
    educationLevel: options.educationLevel ?? 'bachelor',
    qualityWorkYears: options.qualityWorkYears ?? 6,
    qualityQualification: options.qualityQualification ?? 'intermediate',
    relatedSeniorTitle: options.relatedSeniorTitle ?? false,
  });
  if (options.enterpriseId) await confirmEmployer(api, userId, options.enterpriseId);
  const hours = options.appointmentHours ?? '21';
  if (hours !== '0') {
    await api.get(AccrualService).accrueCompletion(null, {
      enrollmentId: randomUUID(),
      traineeId: userId,
      courseId: randomUUID(),
      courseVersionId: randomUUID(),
      organizationId: randomUUID(),
      category: 1,
      kind: 'appointment',
      creditHours: hours,
      completedAt: options.trainedAt ?? '2025-11-01T02:00:00Z',
    });
  }
  if (options.certificate ?? true) {
    await api.get(CertificateIssuer).issue({
      traineeId: userId,
      kind: 'appointment_training',
      subjectKey: 'appointment',
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: hours, requiredHours: '21', examPassedAt: '2025-11-02T02:00:00.000Z' },
    });
  }
  if (options.declaration ?? true) {
    // What the enterprise admin records through POST /registry/declarations: no circumstance applies.
    await api.get<DataSource>(getDataSourceToken()).query(
      `INSERT INTO cqo_declarations (trainee_id, enterprise_id, declared_on, answers, any_disqualifying, created_at)
       VALUES ($1, $2, '2025-10-01', $3, false, now())`,
      [
        userId,
        options.enterpriseId,
        JSON.stringify({
          serious_quality_violation: false,
          improper_gain: false,
          abuse_of_office: false,
          leaked_secrets: false,
          other_harm: false,
        }),
      ],
    );
  }
  const repo = api.get(UsersRepository);
  const token = await api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(userId))!));
  return { userId, username, idNumber, token };
}

export function appointmentBody(
  who: { username?: string; idNumber?: string },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  serial += 1;
  return {
    trainee: who,
    positionTitle: '副总经理兼首席质量官',
    positionLevel: 'deputy_general_manager',
    authorizationCertificateNo: `CQO-AUTH-${serial}`,
    // Within 30 days of the tests' clock (2026-05-01): older dates need a regulator's approval.
    appointedOn: '2026-04-15',
    ...overrides,
  };
}
