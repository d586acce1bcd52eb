import { IdCollisionsPage } from '../staff/id-collisions';
import { Navigate, Route, Routes } from 'react-router';
import { ApprovalsPage } from './approvals';
import { MailPage } from './mail';
import { RuleSetsPage } from './rule-sets';
import { UsersPage } from './users';

export default function AdminRoutes() {
  return (
    <Routes>
      <Route path="approvals" element={<ApprovalsPage />} />
      <Route path="rule-sets" element={<RuleSetsPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="id-collisions" element={<IdCollisionsPage />} />
      <Route path="mail" element={<MailPage />} />
      <Route path="*" element={<Navigate to="approvals" replace />} />
    </Routes>
  );
}
