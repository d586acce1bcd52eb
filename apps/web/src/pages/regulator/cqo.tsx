import { useState } from 'react';
import { useParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, ProgressBar, Table, hours, toneOf } from '../../ui/kit';
import { AppointmentCard } from '../enterprise/appointment-card';
import { TranscriptButton } from '../claims/transcript-button';
import { FactsPanel } from '../shared/facts-panel';
import { BackdateApproval } from './backdate-approval';

/** One person's status as a regulator sees it: appointment, appointment training, yearly hours, certificates, flags, and the ledger entries. */
export function CqoStatusPage() {
  const { traineeId = '' } = useParams();
  const { t, label, date } = useI18n();
  const status = useLoad(() => ok(typedApi.GET('/regulators/cqos/{traineeId}', { params: { path: { traineeId } } })), [traineeId]);
  const [page, setPage] = useState(1);
  const entries = useLoad(
    () =>
      ok(
        typedApi.GET('/trainees/{userId}/credit-hours/entries', { params: { path: { userId: traineeId }, query: { page, pageSize: 10 } } }),
      ),
    [traineeId, page],
  );
  if (status.error) return <ErrorBox error={status.error} />;
  const s = status.data;
  if (!s) return <Loading />;
  const at = s.appointmentTraining;
  return (
    <>
      <PageTitle title={s.fullName} back="/regulator/lookup">
        <TranscriptButton path={`/trainees/${traineeId}/credit-hours/transcript`} />
        {s.serving ? <Badge tone="ok">{t('lookup.servingYes')}</Badge> : <Badge>{t('lookup.servingNo')}</Badge>}
        {s.openFlags > 0 && <Badge tone="bad">{t('cqo.openFlags', { n: s.openFlags })}</Badge>}
      </PageTitle>
      <p className="muted">
        <span className="mono">{s.idNumberMasked}</span> · {s.enterpriseName ?? '—'}
      </p>
      <FactsPanel traineeId={traineeId} mode="verify" />
      <section className="card" data-testid="cqo-hours">
        <h2>{t('cqo.training')}</h2>
        <ProgressBar
          value={Number(at.hours)}
          max={Number(at.requiredHours)}
          state={at.done ? 'complete' : undefined}
          label={t('hours.barOnce', { accrued: hours(at.hours), required: hours(at.requiredHours), year: '' })}
        />
        <p className="small">
          {t('cqo.trainingCert')}：{at.certificateSerial ? <span className="mono">{at.certificateSerial}</span> : t('cqo.none')}
          {at.certificateStatus ? ` (${label('certStatus.', at.certificateStatus)})` : ''}
        </p>
        {s.years.map((y) => (
          <div key={y.year} className="year-block">
            <h3>
              {t('cqo.year', { year: y.year })} {y.complete && <Badge tone="ok">{t('state.complete')}</Badge>}
            </h3>
            {y.requirements.length === 0 ? (
              <p className="muted small">{t('cqo.noStatus')}</p>
            ) : (
              <div className="req-grid">
                {y.requirements.map((r) => (
                  <div key={r.requirement} className="req">
                    <div className="req-head">
                      <strong>{r.ruleName}</strong>
                      <Badge tone={toneOf(r.state)}>{label('state.', r.state)}</Badge>
                    </div>
                    <ProgressBar
                      value={Number(r.accrued)}
                      max={Number(r.required)}
                      state={r.state}
                      label={t('hours.barYear', { accrued: hours(r.accrued), required: hours(r.required), year: y.year })}
                    />
                  </div>
                ))}
              </div>
            )}
          </div>
        ))}
      </section>
      <section className="card">
        <h2>{t('cqo.entries')}</h2>
        <ErrorBox error={entries.error} />
        {!entries.data ? (
          <Loading />
        ) : entries.data.items.length === 0 ? (
          <Empty>{t('hours.noEntries')}</Empty>
        ) : (
          <Table head={[t('hours.date'), t('hours.year'), t('course.category'), t('course.kind'), t('hours.hours'), t('hours.source')]}>
            {entries.data.items.map((e) => (
              <tr key={e.id} className={e.reversedByEntryId ? 'struck' : undefined}>
                <td>{date(e.occurredAt)}</td>
                <td>{e.year}</td>
                <td>{label('category.', e.category)}</td>
                <td>{label('kind.', e.kind)}</td>
                <td className="num">{hours(e.hours)}</td>
                <td>{label('source.', e.source)}</td>
              </tr>
            ))}
          </Table>
        )}
        {entries.data && <Pager page={page} pageSize={entries.data.pageSize} total={entries.data.total} onPage={setPage} />}
      </section>
      {s.appointments.length > 0 && (
        <section className="card">
          <h2>{t('cqo.appointments')}</h2>
          {s.appointments.map((a) => (
            <AppointmentCard key={a.id} appointment={a} />
          ))}
        </section>
      )}
      <section className="card">
        <h2>{t('cqo.certificates')}</h2>
        {s.certificates.length === 0 ? (
          <Empty />
        ) : (
          <Table head={[t('cert.serial'), t('cert.title'), t('cert.issuedOn'), t('common.status')]}>
            {s.certificates.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.serial}</td>
                <td className="wrap">{c.title}</td>
                <td>{date(c.issuedAt)}</td>
                <td>
                  <Badge tone={toneOf(c.status)}>{label('certStatus.', c.status)}</Badge>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      {s.enterpriseId && <BackdateApproval traineeId={traineeId} enterpriseId={s.enterpriseId} />}
      {s.flags.length > 0 && (
        <section className="card">
          <h2>{t('cqo.flags')}</h2>
          <ul>
            {s.flags.map((f) => (
              <li key={f.id}>
                {f.flaggedOn} · {f.reason} {f.clearedAt ? <Badge>{t('cqo.cleared')}</Badge> : <Badge tone="bad">{t('cqo.open')}</Badge>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
