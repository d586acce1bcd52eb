import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../../session';
import { AttemptPage } from './attempt';
import { CatalogPage } from './catalog';
import { CertificatesPage } from './certificates';
import { CoursePage } from './course';
import { EnrollmentPage } from './enrollment';
import { ExamPage } from './exam';
import { HoursPage } from './hours';
import { LearningPage } from './learning';
import { NotificationsPage } from './notifications';
import { StudyPage } from './study';

/** The trainee's pages (notifications and the catalog are open to every signed-in role). */
export default function TraineeRoutes() {
  const { me } = useSession();
  const trainee = me?.role === 'trainee';
  return (
    <Routes>
      <Route path="catalog" element={<CatalogPage />} />
      <Route path="courses/:versionId" element={<CoursePage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      {trainee && (
        <>
          <Route path="learning" element={<LearningPage />} />
          <Route path="learning/:enrollmentId" element={<EnrollmentPage />} />
          <Route path="learning/:enrollmentId/lessons/:lessonId" element={<StudyPage />} />
          <Route path="exams/:paperId" element={<ExamPage />} />
          <Route path="attempts/:attemptId" element={<AttemptPage />} />
          <Route path="hours" element={<HoursPage />} />
          <Route path="certificates" element={<CertificatesPage />} />
        </>
      )}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
