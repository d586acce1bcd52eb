import type { FormEvent } from 'react';
import { useState } from 'react';
import { choice, ok, typedApi } from '../../api/client';
import type { Role } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table } from '../../ui/kit';

const ROLES: Role[] = ['trainee', 'org_admin', 'enterprise_admin', 'regulator', 'platform_admin'];
const SCOPE_FIELD: Partial<Record<Role, 'organizationId' | 'enterpriseId' | 'regionId'>> = {
  org_admin: 'organizationId',
  enterprise_admin: 'enterpriseId',
  regulator: 'regionId',
};

/** Accounts: list by role, create a staff account with its scope, disable or enable. */
export function UsersPage() {
  const { t, label, dateTime } = useI18n();
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => ok(typedApi.GET('/users', { params: { query: { role: choice<Role>(role), page, pageSize: 20 } } })),
    [role, page],
  );
  const toggle = useAction();
  const [form, setForm] = useState({ username: '', password: '', displayName: '', role: 'org_admin' as Role, scopeId: '' });
  const create = useAction();
  const [created, setCreated] = useState<string>();
  const scopeField = SCOPE_FIELD[form.role];
  const scopes = useLoad(async (): Promise<{ id: string; name: string }[]> => {
    // The organizations list is not paged (it was read as a page, so the choice stayed empty).
    if (scopeField === 'organizationId') return await ok(typedApi.GET('/organizations'));
    if (scopeField === 'enterpriseId') return (await ok(typedApi.GET('/enterprises', { params: { query: { pageSize: 100 } } }))).items;
    if (scopeField === 'regionId') {
      const tree = await ok(typedApi.GET('/regions'));
      return tree.flatMap((p) => [{ id: p.id, name: p.name }, ...p.children.map((c) => ({ id: c.id, name: `${p.name} / ${c.name}` }))]);
    }
    return [];
  }, [scopeField]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const scope = scopeField && form.scopeId ? { [scopeField]: form.scopeId } : {};
    const body = { username: form.username, password: form.password, displayName: form.displayName, role: form.role, ...scope };
    const r = await create.run(() => ok(typedApi.POST('/users', { body })));
    if (r) {
      setCreated(r.username);
      setForm({ ...form, username: '', password: '', displayName: '' });
      list.reload();
    }
  };
  const fe = (f: string) => create.error?.fieldMessage(f);

  return (
    <>
      <PageTitle title={t('users.title')} />
      <form className="card form-grid" onSubmit={submit} noValidate>
        <h2 className="field-wide">{t('users.create')}</h2>
        <Field label={t('login.username')} error={fe('username')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
              autoComplete="off"
            />
          )}
        </Field>
        <Field label={t('users.displayName')} error={fe('displayName')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('users.initialPassword')} hint={t('users.passwordHint')} error={fe('password')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field label={t('users.role')} error={fe('role')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role, scopeId: '' })}
            >
              {ROLES.filter((r) => r !== 'trainee').map((r) => (
                <option key={r} value={r}>
                  {label('role.', r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {scopeField && (
          <Field label={t(`users.scope.${scopeField}`)} error={fe(scopeField)} wide>
            {(id, d) => (
              <select id={id} aria-describedby={d} value={form.scopeId} onChange={(e) => setForm({ ...form, scopeId: e.target.value })}>
                <option value="">—</option>
                {(scopes.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="field-wide">
          <FormError
            error={create.error}
            shownFields={['username', 'displayName', 'password', 'role', 'organizationId', 'enterpriseId', 'regionId']}
          />
          {created && (
            <p className="alert alert-ok" role="status">
              {t('users.created', { name: created })}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={create.busy}>
            {t('users.createSubmit')}
          </button>
        </div>
      </form>
      <div className="tabs" role="group" aria-label={t('users.role')}>
        {['', ...ROLES].map((r) => (
          <button
            key={r}
            type="button"
            className={`tab${r === role ? ' active' : ''}`}
            aria-pressed={r === role}
            onClick={() => (setRole(r), setPage(1))}
          >
            {r ? label('role.', r) : t('common.all')}
          </button>
        ))}
      </div>
      <FormError error={toggle.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty />
      ) : (
        <Table
          head={[
            t('login.username'),
            t('users.displayName'),
            t('users.role'),
            t('users.lastLogin'),
            t('common.status'),
            t('common.actions'),
          ]}
        >
          {list.data.items.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{label('role.', u.role)}</td>
              <td>{dateTime(u.lastLoginAt)}</td>
              <td>
                <Badge tone={u.status === 'active' ? 'ok' : 'bad'}>{u.status === 'active' ? t('users.active') : t('users.disabled')}</Badge>
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={toggle.busy}
                  onClick={async () =>
                    (await toggle.run(() =>
                      ok(
                        typedApi.PATCH('/users/{id}/status', {
                          params: { path: { id: u.id } },
                          body: { status: u.status === 'active' ? 'disabled' : 'active' },
                        }),
                      ),
                    )) !== undefined && list.reload()
                  }
                >
                  {u.status === 'active' ? t('users.disable') : t('users.enable')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
