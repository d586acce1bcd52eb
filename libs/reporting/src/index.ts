/**
 * Reporting: what regulators and enterprises read across the other libs' data — the regional
 * dashboards and the appointment targets' figures, the regulators' CQO status lookup with its
 * access log, the yearly reports (the enterprise's to its city, the city's to the province) and
 * the streamed exports. It is the declared reader of the other libs' tables: it comes last in
 * the lib order, so it may import any lib and none imports it.
 */
export * from './entities/registry-access-log.entity';
export * from './entities/yearly-report.entity';
export * from './entities/appointment-target.entity';
export * from './entities/registry-report-rules.entity';
export * from './entities/registry-figures-epoch.entity';
export * from './entities/city-report-version.entity';
export * from './targets/target-criteria';
export * from './lookup/access-log.service';
export * from './lookup/cqo-status.service';
export * from './targets/target-figures.service';
export * from './dashboards/registry-lists';
export * from './dashboards/dashboards.service';
export * from './exports/copy-stream';
export * from './exports/xlsx-stream';
export * from './exports/registry-exports.service';
export * from './reports/enterprise-reports.service';
export * from './reports/city-report.renderer';
export * from './reports/city-reports.service';
export * from './reporting.module';
