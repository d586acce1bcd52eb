import { Link, useNavigate, useParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, FormError, Loading, PageTitle, hours } from '../../ui/kit';
import { LessonList } from './lesson-list';

export function CoursePage() {
  const { versionId = '' } = useParams();
  const { t, label, date } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const course = useLoad(() => ok(typedApi.GET('/course-versions/{versionId}', { params: { path: { versionId } } })), [versionId]);
  const mine = useLoad(
    () =>
      me?.role === 'trainee'
        ? ok(typedApi.GET('/me/enrollments', { params: { query: { pageSize: 100 } } })).then(
            (p) => p.items.find((e) => e.courseVersionId === versionId && e.status !== 'withdrawn') ?? null,
          )
        : Promise.resolve(null),
    [versionId, me?.role],
  );
  const enrol = useAction();

  if (course.error) return <ErrorBox error={course.error} />;
  if (!course.data) return <Loading />;
  const c = course.data;
  const enrollment = mine.data;

  return (
    <>
      <PageTitle title={c.title} back="/catalog" />
      <div className="two-col">
        <section className="card">
          <div className="course-card-tags">
            <Badge tone="info">{label('category.', c.category)}</Badge>
            <Badge>{label('kind.', c.kind)}</Badge>
            <Badge>{label('mode.', c.deliveryMode)}</Badge>
          </div>
          <p className="pre">{c.description}</p>
          <h2>{t('course.lessons')}</h2>
          <LessonList lessons={c.lessons} />
        </section>
        <aside className="card side">
          <dl className="facts">
            <dt>{t('course.organization')}</dt>
            <dd>{c.organizationName}</dd>
            <dt>{t('course.creditHours')}</dt>
            <dd>
              {hours(c.creditHours)} {t('common.hoursUnit')}
            </dd>
            <dt>{t('course.topics')}</dt>
            <dd>{c.topics.map((tp) => tp.name).join('、')}</dd>
            <dt>{t('course.approvalNumber')}</dt>
            <dd>{c.approvalNumber ?? '—'}</dd>
            <dt>{t('course.enrollmentWindow')}</dt>
            <dd>
              {date(c.enrollmentOpensAt)} – {date(c.enrollmentClosesAt)}
            </dd>
            <dt>{t('course.seats')}</dt>
            <dd>{c.capacity === null ? t('course.unlimited') : t('course.seatsOf', { left: c.seatsLeft ?? 0, capacity: c.capacity })}</dd>
            <dt>{t('course.finalExam')}</dt>
            <dd>{c.finalExamPaperId ? t('common.yes') : t('common.no')}</dd>
          </dl>
          {me?.role === 'trainee' &&
            (mine.loading ? (
              <Loading />
            ) : enrollment ? (
              <Link className="btn btn-primary btn-block" to={`/learning/${enrollment.id}`}>
                {enrollment.status === 'completed' ? t('course.viewRecord') : t('course.continue')}
              </Link>
            ) : (
              <>
                <FormError error={enrol.error} />
                <button
                  type="button"
                  className="btn btn-primary btn-block"
                  disabled={enrol.busy || !c.enrollmentOpen}
                  onClick={async () => {
                    const created = await enrol.run(() => ok(typedApi.POST('/me/enrollments', { body: { courseVersionId: c.id } })));
                    if (created) navigate(`/learning/${created.id}`);
                  }}
                >
                  {c.enrollmentOpen ? t('course.enrol') : t('catalog.closed')}
                </button>
              </>
            ))}
          <ErrorBox error={mine.error} />
        </aside>
      </div>
    </>
  );
}
