import { Navigate, Route, Routes } from 'react-router';
import { useSession } from '../../session';
import { lazyPage } from '../../ui/lazy-page';

// One chunk per page (the role's menu is already its own chunk, loaded after log-in).
const AttemptPage = lazyPage(() => import('./attempt'), 'AttemptPage');
const CatalogPage = lazyPage(() => import('./catalog'), 'CatalogPage');
const CertificatesPage = lazyPage(() => import('./certificates'), 'CertificatesPage');
const ClaimsPage = lazyPage(() => import('./claims'), 'ClaimsPage');
const CoursePage = lazyPage(() => import('./course'), 'CoursePage');
const EnrollmentPage = lazyPage(() => import('./enrollment'), 'EnrollmentPage');
const ExamPage = lazyPage(() => import('./exam'), 'ExamPage');
const NotificationSettingsPage = lazyPage(() => import('../shared/notification-settings'), 'NotificationSettingsPage');
const MyFactsPage = lazyPage(() => import('./facts'), 'MyFactsPage');
const HoursPage = lazyPage(() => import('./hours'), 'HoursPage');
const LearningPage = lazyPage(() => import('./learning'), 'LearningPage');
const NotificationsPage = lazyPage(() => import('./notifications'), 'NotificationsPage');
const ProfilePage = lazyPage(() => import('../account/profile'), 'ProfilePage');
const StudyPage = lazyPage(() => import('./study'), 'StudyPage');

/** The trainee's pages (notifications and the catalog are open to every signed-in role). */
export default function TraineeRoutes() {
  const { me } = useSession();
  const trainee = me?.role === 'trainee';
  return (
    <Routes>
      <Route path="catalog" element={<CatalogPage />} />
      <Route path="courses/:versionId" element={<CoursePage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="notification-settings" element={<NotificationSettingsPage />} />
      {trainee && (
        <>
          <Route path="learning" element={<LearningPage />} />
          <Route path="learning/:enrollmentId" element={<EnrollmentPage />} />
          <Route path="learning/:enrollmentId/lessons/:lessonId" element={<StudyPage />} />
          <Route path="exams/:paperId" element={<ExamPage />} />
          <Route path="attempts/:attemptId" element={<AttemptPage />} />
          <Route path="hours" element={<HoursPage />} />
          <Route path="certificates" element={<CertificatesPage />} />
          <Route path="claims" element={<ClaimsPage />} />
          <Route path="facts" element={<MyFactsPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </>
      )}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
