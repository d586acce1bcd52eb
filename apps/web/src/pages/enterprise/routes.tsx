import { IdCollisionsPage } from '../staff/id-collisions';
import { Navigate, Route, Routes } from 'react-router';
import { AppointmentsPage } from './appointments';
import { EnterpriseReportsPage } from './reports';
import { MasterDataPage } from './master-data';
import { StaffHoursPage } from './staff';
import { EmployeesPage } from './employees';
import { ClaimsQueuePage } from '../claims/claims-queue';
import { StaffFactsPage } from './staff-facts';

export default function EnterpriseRoutes() {
  return (
    <Routes>
      <Route path="appointments" element={<AppointmentsPage />} />
      <Route path="reports" element={<EnterpriseReportsPage />} />
      <Route path="staff" element={<StaffHoursPage />} />
      <Route path="employees" element={<EmployeesPage />} />
      <Route path="claims" element={<ClaimsQueuePage role="enterprise" />} />
      <Route path="staff/:traineeId/facts" element={<StaffFactsPage />} />
      <Route path="master-data" element={<MasterDataPage />} />
      <Route path="id-collisions" element={<IdCollisionsPage />} />
      <Route path="*" element={<Navigate to="appointments" replace />} />
    </Routes>
  );
}
