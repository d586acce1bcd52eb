// Shapes of the registry endpoints (appointments, eligibility, yearly reports, regulators' dashboards and lookups).
// Those the API declares come from its OpenAPI document (schema.d.ts); the rest are still written by hand.
import type { components } from './schema';

type Schemas = components['schemas'];

export type EligibilityCondition = Schemas['EligibilityConditionDto'];

export type EligibilityResult = Schemas['EligibilityResultDto'];

export type EligibilityAnswer = Schemas['EligibilityAnswerDto'];

export type PositionLevel = 'general_manager' | 'deputy_general_manager' | 'equivalent_senior' | 'below_deputy';

export type Appointment = Schemas['AppointmentDto'];

export type YearlyReport = Schemas['EnterpriseReportDto'];

export type RequirementStatus = Schemas['RequirementStatusDto'];

export type YearStatus = Schemas['YearStatusDto'];

export type CqoStatus = Schemas['CqoStatusDto'];

/** A target group's figures on one date; an empty group is no_target_enterprises (无目标企业), never met. */
export type TargetCount = Schemas['TargetCountDto'];

export type TargetFigures = Schemas['TargetFiguresDto'];

export type ComplianceFigures = Schemas['ComplianceFiguresDto'];

export type RegionFigures = Schemas['RegionFiguresDto'];

export type RegionDashboard = Schemas['RegionDashboardDto'];

export type EnterpriseRow = Schemas['EnterpriseRowDto'];

export type ShortfallRow = Schemas['ShortfallRowDto'];

// ---------------------------------------------------------------- issue 14: master data, reports, terms, verified facts

export type AwardStanding = Schemas['EnterpriseDto']['chinaQualityAward'];

/** An enterprise's target facts as the official lists (master data) give them. */
export type EnterpriseMasterData = Schemas['EnterpriseDto'];

export type EnterpriseImport = Schemas['EnterpriseImportDto'];

export type ImportErrorRow = Schemas['ImportErrorRowDto'];

export type MasterVersion = Schemas['MasterVersionDto'];

export type Correction = Schemas['CorrectionViewDto'];

export type NonFiler = Schemas['NonFilerDto'];

export type CityReportVersion = Schemas['CityReportVersionDto'];

export type CityReport = Schemas['CityReportDto'];

export type FactState = Schemas['TraineeFactDto']['state'];

export type TraineeFact = Schemas['TraineeFactDto'];
