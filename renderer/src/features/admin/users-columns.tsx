// Columns of the staff accounts table.
import type { TFunction } from 'i18next';
import type { User } from '../../api/contract';
import { Button } from '../../components/Button';
import type { Column } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';

export type UserAction = 'role' | 'active' | 'reset';

export function userColumns(t: TFunction, selfId: number, onAction: (action: UserAction, user: User) => void): Column<User>[] {
  return [
    {
      id: 'name',
      header: t('users.name'),
      cell: (user) => (
        <>
          <span className="cell-strong">{user.displayName}</span>
          {user.id === selfId ? <span className="muted"> {t('users.you')}</span> : null}
          {user.mustChangePassword ? <span className="badge badge-warning">{t('users.mustChange')}</span> : null}
        </>
      ),
    },
    { id: 'username', header: t('users.username'), cell: (user) => <code>{user.username}</code> },
    { id: 'role', header: t('users.role'), cell: (user) => t(`roleNames.${user.role}`) },
    {
      id: 'active',
      header: t('users.active'),
      cell: (user) => (user.active ? <span className="badge badge-ok">{t('users.activeYes')}</span> : <span className="badge badge-muted">{t('users.activeNo')}</span>),
    },
    { id: 'lastLogin', header: t('users.lastLogin'), cell: (user) => formatDateTime(user.lastLoginAt) ?? t('common.never') },
    {
      id: 'locked',
      header: t('users.locked'),
      cell: (user) =>
        user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? (
          <span className="badge badge-danger">{t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</span>
        ) : (
          t('common.no')
        ),
    },
    {
      id: 'actions',
      header: t('users.actions'),
      className: 'cell-actions',
      cell: (user) => (
        <div className="row-actions">
          <Button aria-label={`${t('users.changeRole')}: ${user.displayName}`} onClick={() => onAction('role', user)}>
            {t('users.changeRole')}
          </Button>
          <Button aria-label={`${t('users.resetPassword')}: ${user.displayName}`} onClick={() => onAction('reset', user)}>
            {t('users.resetPassword')}
          </Button>
          <Button
            variant={user.active ? 'danger' : 'secondary'}
            aria-label={`${user.active ? t('users.deactivate') : t('users.reactivate')}: ${user.displayName}`}
            onClick={() => onAction('active', user)}
          >
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        </div>
      ),
    },
  ];
}
