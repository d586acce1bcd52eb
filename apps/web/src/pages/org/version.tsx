import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle, Pager, Table, hours, toneOf } from '../../ui/kit';
import { CsvImport } from './csv-import';
import { PreviewableLessons } from './lesson-preview';

/** One course version for its organization: lifecycle actions, versions, roster and attendance. */
export function VersionPage() {
  const { versionId = '' } = useParams();
  const { t, label, date, dateTime } = useI18n();
  const navigate = useNavigate();
  const version = useLoad(() => ok(typedApi.GET('/course-versions/{versionId}', { params: { path: { versionId } } })), [versionId]);
  const courseId = version.data?.courseId;
  const versions = useLoad(
    () => (courseId ? ok(typedApi.GET('/courses/{courseId}/versions', { params: { path: { courseId } } })) : Promise.resolve([])),
    [courseId],
  );
  const [page, setPage] = useState(1);
  const roster = useLoad(
    () => ok(typedApi.GET('/course-versions/{versionId}/enrollments', { params: { path: { versionId }, query: { page, pageSize: 20 } } })),
    [versionId, page],
  );
  const act = useAction();
  const [done, setDone] = useState<'submit' | 'publish' | 'archive'>();
  const [tab, setTab] = useState<'overview' | 'roster' | 'attendance'>('overview');

  if (version.error) return <ErrorBox error={version.error} />;
  const v = version.data;
  if (!v) return <Loading />;
  // After each step the version and the version list both show the new status, with a confirmation.
  const action = async (path: 'submit' | 'publish' | 'archive') => {
    setDone(undefined);
    const r = await act.run(() => ok(typedApi.POST(`/course-versions/{versionId}/${path}`, { params: { path: { versionId: v.id } } })));
    if (r) {
      version.set(r);
      versions.reload();
      setDone(path);
    }
  };
  const live = v.lessons.filter((l) => l.type === 'live_session');

  return (
    <>
      <PageTitle title={v.title} back="/org/courses">
        <Badge tone={toneOf(v.status)}>
          v{v.version} · {label('courseStatus.', v.status)}
        </Badge>
      </PageTitle>
      <div className="row-actions spaced-bottom">
        {(v.status === 'draft' || v.status === 'returned') && (
          <>
            <Link className="btn" to={`/org/versions/${v.id}/edit`}>
              {t('org.edit')}
            </Link>
            <button type="button" className="btn btn-primary" disabled={act.busy} onClick={() => action('submit')}>
              {t('org.submit')}
            </button>
          </>
        )}
        {v.status === 'approved' && (
          <button type="button" className="btn btn-primary" disabled={act.busy} onClick={() => action('publish')}>
            {t('org.publish')}
          </button>
        )}
        {(v.status === 'published' || v.status === 'approved') && (
          <button type="button" className="btn btn-danger" disabled={act.busy} onClick={() => action('archive')}>
            {t('org.archive')}
          </button>
        )}
        {v.status !== 'draft' && v.status !== 'returned' && (
          <button type="button" className="btn" onClick={() => navigate(`/org/versions/${v.id}/edit`)}>
            {t('org.newVersion')}
          </button>
        )}
      </div>
      <FormError error={act.error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {t(`org.done.${done}`)}
        </p>
      )}
      {v.reviewNote && (
        <p className="alert alert-warn">
          {t('org.reviewNote')}：{v.reviewNote}
        </p>
      )}
      <div className="tabs" role="tablist">
        {(['overview', 'roster', 'attendance'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab${tab === k ? ' active' : ''}`}
            onClick={() => setTab(k)}
          >
            {t(`org.tab.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'overview' && (
        <div className="two-col">
          <section className="card">
            <p className="pre">{v.description}</p>
            <h2>{t('course.lessons')}</h2>
            <PreviewableLessons versionId={v.id} lessons={v.lessons} />
          </section>
          <aside className="card">
            <dl className="facts">
              <dt>{t('course.category')}</dt>
              <dd>{label('category.', v.category)}</dd>
              <dt>{t('course.kind')}</dt>
              <dd>{label('kind.', v.kind)}</dd>
              <dt>{t('course.creditHours')}</dt>
              <dd>{hours(v.creditHours)}</dd>
              <dt>{t('course.topics')}</dt>
              <dd>{v.topics.map((tp) => tp.name).join('、')}</dd>
              <dt>{t('course.approvalNumber')}</dt>
              <dd>{v.approvalNumber ?? '—'}</dd>
              <dt>{t('course.seats')}</dt>
              <dd>{v.capacity === null ? `${v.seatsTaken} / ${t('course.unlimited')}` : `${v.seatsTaken} / ${v.capacity}`}</dd>
              <dt>{t('org.completionShare')}</dt>
              <dd>{v.completionShare}</dd>
            </dl>
            <h2>{t('org.versions')}</h2>
            <ul className="plain">
              {(versions.data ?? []).map((x) => (
                <li key={x.id}>
                  {x.id === v.id ? <strong>v{x.version}</strong> : <Link to={`/org/versions/${x.id}`}>v{x.version}</Link>}{' '}
                  <Badge tone={toneOf(x.status)}>{label('courseStatus.', x.status)}</Badge>{' '}
                  <span className="muted small">{date(x.updatedAt)}</span>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
      {tab === 'roster' && (
        <section className="card">
          <ErrorBox error={roster.error} />
          {!roster.data ? (
            <Loading />
          ) : roster.data.items.length === 0 ? (
            <Empty>{t('org.noRoster')}</Empty>
          ) : (
            <Table
              head={[
                t('lookup.fullName'),
                t('lookup.idMasked'),
                t('dash.enterprise'),
                t('common.status'),
                t('org.progress'),
                t('org.enrolledAt'),
              ]}
            >
              {roster.data.items.map((r) => (
                <tr key={r.enrollmentId}>
                  <td>{r.fullName ?? r.username}</td>
                  <td className="mono">{r.idNumberMasked ?? '—'}</td>
                  <td>{r.enterpriseName ?? '—'}</td>
                  <td>
                    <Badge tone={toneOf(r.status)}>{label('enrollmentStatus.', r.status)}</Badge>
                  </td>
                  <td className="num">
                    {r.completedRequiredLessons} / {r.requiredLessons}
                    {r.finalExamPassedAt ? ` · ${t('exam.passed')}` : ''}
                  </td>
                  <td>{dateTime(r.enrolledAt)}</td>
                </tr>
              ))}
            </Table>
          )}
          {roster.data && <Pager page={page} pageSize={roster.data.pageSize} total={roster.data.total} onPage={setPage} />}
          {v.status === 'published' && (
            <CsvImport
              title={t('org.rosterImport')}
              hint={t('org.rosterHint')}
              example={'id_number,name\n620102198503121234,张伟'}
              send={(csv, mode) =>
                ok(
                  typedApi.POST('/course-versions/{versionId}/enrollments/roster', {
                    params: { path: { versionId: v.id } },
                    body: { csv, mode },
                  }),
                )
              }
              onApplied={roster.reload}
            />
          )}
        </section>
      )}
      {tab === 'attendance' && (
        <section className="card">
          {live.length === 0 ? (
            <Empty>{t('org.noLive')}</Empty>
          ) : (
            live.map((l) => (
              <CsvImport
                key={l.id}
                title={`${l.title} · ${dateTime(l.startsAt)}${l.venue ? ` · ${l.venue}` : ''}`}
                hint={t('org.attendanceHint')}
                example={'id_number,sign_in,sign_out\n620102198503121234,2026-05-20T09:00:00+08:00,2026-05-20T12:00:00+08:00'}
                send={(csv, mode) =>
                  ok(typedApi.POST('/lessons/{lessonId}/attendance/roster', { params: { path: { lessonId: l.id } }, body: { csv, mode } }))
                }
                onApplied={roster.reload}
              />
            ))
          )}
        </section>
      )}
    </>
  );
}
