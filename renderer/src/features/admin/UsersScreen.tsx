// Admin → Users: the staff accounts, create one, change a role, deactivate/reactivate, reset a password.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, User } from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/Dialog';
import { errorText } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { CreateUserDialog } from './CreateUserDialog';
import { ChangeRoleDialog, ResetPasswordDialog } from './UserDialogs';
import { userColumns, type UserAction } from './users-columns';

type Open = { kind: 'create' } | { kind: UserAction; user: User } | null;

export function UsersScreen() {
  const { t } = useTranslation();
  const { auth } = useSession();
  const [news, setNews] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const [version, setVersion] = useState(0);

  const { value: listed, error: loadError } = useProcedure('users.list', { includeInactive: true }, version);
  const users = listed?.users ?? null;

  const close = () => {
    setOpen(null);
    setActionError(null);
  };
  const finished = (message: string) => {
    close();
    setNews(message);
    setVersion((v) => v + 1);
  };

  const columns = useMemo(
    () =>
      userColumns(t, auth.user.id, (kind, user) => {
        setNews(null);
        setActionError(null);
        setOpen({ kind, user });
      }),
    [t, auth.user.id],
  );

  const toggleActive = async (user: User) => {
    setBusy(true);
    const result = await call('users.update', { userId: user.id, active: !user.active });
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    finished(user.active ? t('users.deactivated', { name: user.displayName }) : t('users.reactivated', { name: user.displayName }));
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          <Button
            variant="primary"
            onClick={() => {
              setNews(null);
              setOpen({ kind: 'create' });
            }}
          >
            {t('users.newUser')}
          </Button>
        }
      />
      {news ? <Alert tone="success">{news}</Alert> : null}
      {loadError ? <Alert tone="error">{errorText(t, loadError)}</Alert> : null}
      {users ? (
        <DataTable
          caption={t('users.tableCaption')}
          columns={columns}
          rows={users}
          rowKey={(user) => user.id}
          empty={t('users.empty')}
          rowClassName={(user) => (user.active ? undefined : 'row-inactive')}
        />
      ) : loadError ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}

      {open?.kind === 'create' ? (
        <CreateUserDialog onClose={close} onCreated={(user) => finished(t('users.created', { name: user.displayName, username: user.username }))} />
      ) : null}
      {open?.kind === 'role' ? (
        <ChangeRoleDialog
          user={open.user}
          onClose={close}
          onChanged={(user) => finished(t('users.roleChanged', { name: user.displayName, role: t(`roleNames.${user.role}`) }))}
        />
      ) : null}
      {open?.kind === 'reset' ? (
        <ResetPasswordDialog user={open.user} onClose={close} onReset={(user) => finished(t('users.resetDone', { name: user.displayName }))} />
      ) : null}
      {open?.kind === 'active' ? (
        <ConfirmDialog
          title={open.user.active ? t('users.deactivateTitle', { name: open.user.displayName }) : t('users.reactivateTitle', { name: open.user.displayName })}
          body={<p>{open.user.active ? t('users.deactivateBody') : t('users.reactivateBody')}</p>}
          confirmLabel={open.user.active ? t('users.deactivate') : t('users.reactivate')}
          danger={open.user.active}
          busy={busy}
          error={actionError ? <Alert tone="error">{errorText(t, actionError)}</Alert> : null}
          onConfirm={() => void toggleActive(open.user)}
          onClose={close}
        />
      ) : null}
    </>
  );
}
