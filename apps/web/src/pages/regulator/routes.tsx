import { IdCollisionsPage } from '../staff/id-collisions';
import { Navigate, Route, Routes } from 'react-router';
import { CityReportsPage } from './city-reports';
import { CqoStatusPage } from './cqo';
import { EnterpriseHistoryPage } from './enterprise-history';
import { EnterpriseListsPage } from './master-data';
import { DashboardPage } from './dashboard';
import { ExportsPage } from './exports';
import { LookupPage } from './lookup';
import { ReportsPage } from './reports';
import { ShortfallsPage } from './shortfalls';
import { ClaimsQueuePage } from '../claims/claims-queue';

export default function RegulatorRoutes() {
  return (
    <Routes>
      <Route path="dashboard" element={<DashboardPage />} />
      <Route path="lookup" element={<LookupPage />} />
      <Route path="cqos/:traineeId" element={<CqoStatusPage />} />
      <Route path="shortfalls" element={<ShortfallsPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="claims" element={<ClaimsQueuePage role="regulator" />} />
      <Route path="exports" element={<ExportsPage />} />
      <Route path="city-reports" element={<CityReportsPage />} />
      <Route path="master-data" element={<EnterpriseListsPage />} />
      <Route path="enterprises/:enterpriseId/history" element={<EnterpriseHistoryPage />} />
      <Route path="id-collisions" element={<IdCollisionsPage />} />
      <Route path="*" element={<Navigate to="dashboard" replace />} />
    </Routes>
  );
}
