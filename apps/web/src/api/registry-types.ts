// Shapes of the registry endpoints (appointments, eligibility, yearly reports, regulators' dashboards and lookups).
import type { Certificate, ComplianceState } from './types';

export interface EligibilityCondition {
  code: string;
  met: boolean;
  requirement: string;
  actual: string;
  message: string | null;
}

export interface EligibilityResult {
  eligible: boolean;
  checkedOn: string;
  conditions: EligibilityCondition[];
  failures: string[];
}

export interface EligibilityAnswer {
  candidate: { traineeId: string; fullName: string; idNumberMasked: string; enterpriseId: string | null; enterpriseName: string | null };
  result: EligibilityResult;
  /** What would refuse the appointment whatever the form says (already serving, flags, the last term's shortfall). */
  obstacles: { code: string; message: string }[];
}

export type PositionLevel = 'general_manager' | 'deputy_general_manager' | 'equivalent_senior' | 'below_deputy';

export interface Appointment {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  positionTitle: string;
  positionLevel: PositionLevel;
  positionLevelLabel: string;
  authorizationCertificateNo: string;
  appointedOn: string;
  termYears: number;
  termEndsOn: string;
  status: 'serving' | 'ended';
  eligible: boolean;
  eligibility: EligibilityResult;
  eligibilityExceptionReason: string | null;
  exceptionFlagged: boolean;
  endedOn: string | null;
  endReasonLabel: string | null;
  /** Where the term stands today (an expired term nobody renewed is expired_unrenewed). */
  termState?: 'serving' | 'future' | 'ended' | 'expired_unrenewed' | 'renewed';
  renewalOf?: string | null;
}

export interface YearlyReport {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionName: string;
  year: number;
  cqoInPlace: boolean;
  appraisalSystemEstablished: boolean;
  appraisalResult: string;
  appraisalResultLabel: string;
  majorQualityIncidents: number;
  summary: string;
  fileName: string;
  fileSize: number;
  status: 'filed' | 'acknowledged';
  filedAt: string;
  acknowledgedAt: string | null;
  acknowledgementNote: string | null;
  dueOn?: string;
  filedLate?: boolean;
  registryCqoInPlace?: boolean | null;
  cqoMismatch?: boolean;
}

export interface RequirementStatus {
  requirement: string;
  ruleName: string;
  category: number;
  kind: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
}

export interface YearStatus {
  year: number;
  requirements: RequirementStatus[];
  complete: boolean;
}

export interface CqoStatus {
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  serving: boolean;
  currentAppointment: Appointment | null;
  appointments: Appointment[];
  appointmentTraining: { done: boolean; hours: string; requiredHours: string; certificateSerial: string | null; certificateStatus: string | null };
  years: YearStatus[];
  certificates: Certificate[];
  flags: { id: string; reason: string; flaggedOn: string; clearedAt: string | null }[];
  openFlags: number;
  exceptionFlagged: boolean;
}

/** A target group's figures on one date; an empty group is no_target_enterprises (无目标企业), never met. */
export interface TargetCount {
  date: string;
  enterprises: number;
  appointed: number;
  exceptionAppointments: number;
  futureDated: number;
  rate: number | null;
  verdict: 'met' | 'not_met' | 'no_target_enterprises';
}

export interface TargetFigures extends TargetCount {
  code: string;
  name: string;
  deadline: string;
  targetRate: number;
  met: boolean;
  /** The figures on the deadline, once it has passed. */
  atDeadline: TargetCount | null;
}

export interface ComplianceFigures {
  year: number;
  servingCqos: number;
  complete: number;
  rate: number | null;
  byRequirement: { requirement: string; ruleName: string; counts: Record<string, number> }[];
}

export interface RegionFigures {
  regionId: string;
  regionName: string;
  enterprises: number;
  enterprisesWithCqo: number;
  appointmentRate: number | null;
  targets: TargetFigures[];
  servingCqos: number;
  exceptionAppointments: number;
  futureDatedAppointments: number;
  openFlags: number;
  compliance: ComplianceFigures[];
}

export interface RegionDashboard {
  year: number;
  asOf: string;
  /** When the worker last computed the figures (they are refreshed every few minutes). */
  figuresAsOf?: string | null;
  totals: RegionFigures;
  children: RegionFigures[];
}

export interface EnterpriseRow {
  enterpriseId: string;
  name: string;
  regionName: string;
  cqoTraineeId: string | null;
  cqoName: string | null;
  appointedOn: string | null;
  termEndsOn: string | null;
  exceptionFlagged: boolean;
  yearState: ComplianceState | 'missing' | null;
  shortfallHours: string | null;
}

export interface ShortfallRow {
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  enterpriseName: string;
  regionName: string;
  year: number;
  /** 在任 / 拟任 (a registered term not yet started) / 已离任. */
  appointmentState: 'serving' | 'nominated' | 'ended';
  requirement: string;
  ruleName: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
}

// ---------------------------------------------------------------- issue 14: master data, reports, terms, verified facts

export type AwardStanding = 'none' | 'nominated' | 'awarded';

/** An enterprise's target facts as the official lists (master data) give them. */
export interface EnterpriseMasterData {
  id: string;
  name: string;
  creditCode: string;
  regionId: string;
  regionName: string;
  stateOwned: boolean;
  aboveDesignatedSize: boolean;
  production: boolean;
  chinaQualityAward: AwardStanding;
  chinaQualityAwardYear: number | null;
  provincialQualityAward: AwardStanding;
  provincialQualityAwardYear: number | null;
  cityQualityAward: AwardStanding;
  cityQualityAwardYear: number | null;
}

export interface EnterpriseImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  effectiveOn: string;
  status: 'previewed' | 'applied' | 'discarded';
  totalRows: number;
  errorRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  createdAt: string;
  appliedAt: string | null;
}

export interface ImportErrorRow {
  row: number;
  column: string;
  message: string;
}

export interface MasterVersion extends Omit<EnterpriseMasterData, 'id' | 'creditCode' | 'regionName'> {
  id: string;
  effectiveOn: string;
  changedFields: string[];
  source: string;
  sourceFile: string | null;
  changedByName: string | null;
  recordedAt: string;
}

export interface Correction {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  changes: Partial<EnterpriseMasterData>;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface NonFiler {
  enterpriseId: string;
  name: string;
  creditCode: string;
  regionName: string;
  year: number;
  dueOn: string;
  overdue: boolean;
}

export interface CityReportVersion {
  id: string;
  version: number;
  status: 'submitted' | 'returned' | 'acknowledged' | 'superseded';
  narrative: string;
  summary: Record<string, string>;
  submittedByName: string | null;
  submittedAt: string;
  decidedAt: string | null;
  returnReason: string | null;
}

export interface CityReport {
  id: string;
  regionId: string;
  regionName: string;
  year: number;
  status: string;
  generatedAt: string | null;
  error: string | null;
  versions: CityReportVersion[];
}

export type FactState = 'self_declared' | 'enterprise_confirmed' | 'city_verified';

export interface TraineeFact {
  fact: 'education' | 'quality_work_years' | 'qualification' | 'title';
  label: string;
  value: string;
  state: FactState;
  stateLabel: string;
  evidence: {
    id: string;
    value: string;
    stale: boolean;
    fileName: string;
    fileContentType: string;
    fileSize: number;
    declaredAt: string;
    confirmedAt: string | null;
    verifiedAt: string | null;
  } | null;
}
