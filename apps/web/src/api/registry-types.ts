// Shapes of the registry endpoints (appointments, eligibility, yearly reports, regulators' dashboards and lookups).
// All come from the API's OpenAPI document (schema.d.ts).
import type { components } from './schema';

type Schemas = components['schemas'];

export type EligibilityResult = Schemas['EligibilityResultDto'];

export type EligibilityAnswer = Schemas['EligibilityAnswerDto'];

export type PositionLevel = Schemas['AppointmentDto']['positionLevel'];

export type Appointment = Schemas['AppointmentDto'];

export type YearlyReport = Schemas['EnterpriseReportDto'];

export type CqoStatus = Schemas['CqoStatusDto'];

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
