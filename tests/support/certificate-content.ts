import type { CertificateContent } from '../../libs/certificates/src/certificate.types';

/** A course completion certificate's content, for rendering tests. */
export function sampleContent(overrides: Partial<CertificateContent> = {}): CertificateContent {
  return {
    format: 1,
    serial: 'GS-JY-2026-000123-7Q',
    kind: 'course_completion',
    version: 1,
    previousSerial: null,
    holder: { name: '张三丰', idNumberMasked: '620102********1234' },
    subjectKey: '7d0c5b0e-1d53-4c55-8d2b-7d3a3a0c9b11',
    period: '2026',
    facts: {
      kind: 'course_completion',
      enrollmentId: '7d0c5b0e-1d53-4c55-8d2b-7d3a3a0c9b11',
      courseId: '0b6f7a3e-6f0c-4a5b-9e49-2f8f1f6b2c01',
      courseVersionId: '2c8d6b1a-7e3f-4f5d-8a2b-6c1e9d0f3a22',
      organizationId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d10',
      courseTitle: '企业质量管理体系建设：从标准到落地（含QC小组活动案例）',
      organizationName: '甘肃省质量协会培训中心',
      category: 1,
      trainingKind: 'continuing',
      creditHours: '14.0',
      completedAt: '2026-03-14T16:30:00.000Z',
    },
    issuer: '甘肃省首席质量官培训平台',
    issuedAt: '2026-03-15T01:00:00.000Z',
    versionIssuedAt: '2026-03-15T01:00:00.000Z',
    verifyUrl: 'http://cqo.test/verify/q2Vb7JYt5fE0q1mZr4bS8w',
    ...overrides,
  };
}
