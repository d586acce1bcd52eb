import { Navigate, Route, Routes } from 'react-router';
import { CourseFormPage } from './course-form';
import { OrgCoursesPage } from './courses';
import { PaperPage } from './paper';
import { PapersPage } from './papers';
import { QuestionsPage } from './questions';
import { VersionPage } from './version';

export default function OrgRoutes() {
  return (
    <Routes>
      <Route path="courses" element={<OrgCoursesPage />} />
      <Route path="courses/new" element={<CourseFormPage />} />
      <Route path="versions/:versionId" element={<VersionPage />} />
      <Route path="versions/:versionId/edit" element={<CourseFormPage />} />
      <Route path="questions" element={<QuestionsPage />} />
      <Route path="papers" element={<PapersPage />} />
      <Route path="papers/:paperId" element={<PaperPage />} />
      <Route path="*" element={<Navigate to="courses" replace />} />
    </Routes>
  );
}
