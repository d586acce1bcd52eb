import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { CourseStatus } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, Table, hours, toneOf } from '../../ui/kit';

const STATUSES = ['', 'draft', 'submitted', 'returned', 'approved', 'published', 'archived'];

/** The organization's courses (latest version of each, or every version in a status). */
export function OrgCoursesPage() {
  const { t, label, date } = useI18n();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/courses', { params: { query: { status: (status || undefined) as CourseStatus | undefined, page, pageSize: 20 } } }),
      ),
    [status, page],
  );
  return (
    <>
      <PageTitle title={t('org.courses')}>
        <Link className="btn btn-primary" to="/org/courses/new">
          {t('org.newCourse')}
        </Link>
      </PageTitle>
      <div className="tabs" role="group" aria-label={t('common.status')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`tab${s === status ? ' active' : ''}`}
            aria-pressed={s === status}
            onClick={() => (setStatus(s), setPage(1))}
          >
            {s ? label('courseStatus.', s) : t('common.all')}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('org.noCourses')}</Empty>
      ) : (
        <Table
          head={[t('org.courseTitle'), t('org.version'), t('common.status'), t('course.creditHours'), t('course.seats'), t('org.updated')]}
        >
          {list.data.items.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/org/versions/${c.id}`}>{c.title}</Link>
              </td>
              <td>v{c.version}</td>
              <td>
                <Badge tone={toneOf(c.status)}>{label('courseStatus.', c.status)}</Badge>
              </td>
              <td className="num">{hours(c.creditHours)}</td>
              <td className="num">{c.capacity === null ? `${c.seatsTaken} / ∞` : `${c.seatsTaken} / ${c.capacity}`}</td>
              <td>{date(c.updatedAt)}</td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
