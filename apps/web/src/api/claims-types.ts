/** External hour claims (外部学时认定), as the API answers them (libs/external-claims ExternalClaimView). */
export type ClaimStatus = 'submitted' | 'endorsed' | 'approved' | 'rejected';

export interface ExternalClaim {
  id: string;
  traineeId: string;
  traineeName: string;
  enterpriseId: string;
  enterpriseName: string;
  organiser: string;
  title: string;
  startedOn: string;
  endedOn: string;
  year: number;
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  hours: string;
  topicCodes: string[];
  status: ClaimStatus;
  endorsedAt: string | null;
  decidedAt: string | null;
  rejectedStage: 'enterprise' | 'regulator' | null;
  rejectionReason: string | null;
  approvedHours: string | null;
  reductionReason: string | null;
  creditEntryId: string | null;
  createdAt: string;
  evidence: { id: string; fileName: string; contentType: string; size: number }[];
}
