import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { ClaimStatus, ExternalClaim } from '../../api/claims-types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager } from '../../ui/kit';
import { ClaimsTable } from '../trainee/claims';

/**
 * The work queue of external hour claims: the enterprise admin endorses or rejects submitted
 * claims of its confirmed employees; the city regulator approves (possibly fewer hours, with a
 * reason) or rejects endorsed claims of its region. The server checks scope and state.
 */
export function ClaimsQueuePage({ role }: { role: 'enterprise' | 'regulator' }) {
  const { t, label } = useI18n();
  const waiting: ClaimStatus = role === 'enterprise' ? 'submitted' : 'endorsed';
  const [status, setStatus] = useState<ClaimStatus | ''>(waiting);
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<ExternalClaim>();
  const list = useLoad(
    () => ok(typedApi.GET('/external-claims', { params: { query: { status: status || undefined, page, pageSize: 20 } } })),
    [status, page],
  );
  const done = () => (setDeciding(undefined), list.reload());
  return (
    <>
      <PageTitle title={t(role === 'enterprise' ? 'claims.queueEnterprise' : 'claims.queueRegulator')}>
        <div className="field field-inline">
          <label htmlFor="cq-status">{t('common.status')}</label>
          <select id="cq-status" value={status} onChange={(e) => (setStatus(e.target.value as ClaimStatus | ''), setPage(1))}>
            <option value="">{t('common.all')}</option>
            {(['submitted', 'endorsed', 'approved', 'rejected'] as const).map((s) => (
              <option key={s} value={s}>
                {label('claimStatus.', s)}
              </option>
            ))}
          </select>
        </div>
      </PageTitle>
      {deciding && <Decision role={role} claim={deciding} onDone={done} onCancel={() => setDeciding(undefined)} />}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('claims.queueEmpty')}</Empty>
      ) : (
        <ClaimsTable
          claims={list.data.items}
          showTrainee
          actions={(c) =>
            c.status === waiting ? (
              <button type="button" className="btn btn-small" onClick={() => setDeciding(c)}>
                {t('claims.decide')}
              </button>
            ) : null
          }
        />
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}

function Decision({
  role,
  claim,
  onDone,
  onCancel,
}: {
  role: 'enterprise' | 'regulator';
  claim: ExternalClaim;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [approvedHours, setApprovedHours] = useState(claim.hours);
  const [reductionReason, setReductionReason] = useState('');
  const [reason, setReason] = useState('');
  const act = useAction();
  const fe = (field: string) => act.error?.fieldMessage(field);
  const accept = () =>
    act
      .run(() =>
        role === 'enterprise'
          ? ok(typedApi.POST('/external-claims/{id}/endorse', { params: { path: { id: claim.id } } }))
          : ok(
              typedApi.POST('/external-claims/{id}/approve', {
                params: { path: { id: claim.id } },
                body: { approvedHours, ...(reductionReason ? { reductionReason } : {}) },
              }),
            ),
      )
      .then((r) => r && onDone());
  const reject = () =>
    act
      .run(() => ok(typedApi.POST('/external-claims/{id}/reject', { params: { path: { id: claim.id } }, body: { reason } })))
      .then((r) => r && onDone());
  return (
    <section className="card" aria-labelledby="decide-title">
      <h2 id="decide-title">
        {claim.traineeName} · {claim.title}
      </h2>
      <p className="small muted">
        {claim.organiser} · {claim.startedOn} – {claim.endedOn} · {t('claims.claimed', { n: claim.hours })}
      </p>
      <ul className="small">
        {claim.evidence.map((e) => (
          <li key={e.id}>
            <a
              href={`/external-claims/${claim.id}/evidence/${e.id}`}
              onClick={(ev) => (
                ev.preventDefault(),
                void import('../../api/client').then((m) => m.download(`/external-claims/${claim.id}/evidence/${e.id}`, e.fileName))
              )}
            >
              {e.fileName}
            </a>
          </li>
        ))}
      </ul>
      <div className="form-grid">
        {role === 'regulator' && (
          <>
            <Field label={t('claims.approvedHoursField')} error={fe('approvedHours')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="decimal"
                  value={approvedHours}
                  onChange={(e) => setApprovedHours(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('claims.reductionReason')} hint={t('claims.reductionHint')} error={fe('reductionReason')} wide>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  value={reductionReason}
                  maxLength={500}
                  onChange={(e) => setReductionReason(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        <Field label={t('claims.rejectReason')} error={fe('reason')} wide>
          {(id, d) => <input id={id} aria-describedby={d} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <FormError error={act.error} shownFields={['approvedHours', 'reductionReason', 'reason']} />
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={act.busy} onClick={accept}>
          {t(role === 'enterprise' ? 'claims.endorse' : 'claims.approve')}
        </button>
        <button type="button" className="btn" disabled={act.busy} onClick={reject}>
          {t('claims.reject')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
