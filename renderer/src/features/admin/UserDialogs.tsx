// Change a role; reset a password to a temporary one the person must change at the next login.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { resetPasswordInput, ROLES, updateUserInput, type User } from '../../api/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { applyServerIssues, errorText } from '../../components/errors';
import { PasswordField, SelectField } from '../../components/Field';

const roleInput = updateUserInput.pick({ userId: true, role: true }).required({ role: true });
type RoleValues = z.input<typeof roleInput>;

export function ChangeRoleDialog({ user, onClose, onChanged }: { user: User; onClose: () => void; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RoleValues, unknown, z.output<typeof roleInput>>({ resolver: zodResolver(roleInput), defaultValues: { userId: user.id, role: user.role } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('users.update', values);
    if (result.ok) {
      onChanged(result.value.user);
      return;
    }
    const rest = applyServerIssues(result.error, ['role'], setError);
    if (rest.length || !result.error.issues?.length) setFailure(errorText(t, result.error));
  });

  return (
    <Dialog title={t('users.changeRoleOf', { name: user.displayName })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="dialog-body">
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          <SelectField label={t('users.newRole')} hint={t('users.roleChangeNote')} error={errors.role?.message} {...register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roleNames.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

type ResetValues = z.input<typeof resetPasswordInput>;

export function ResetPasswordDialog({ user, onClose, onReset }: { user: User; onClose: () => void; onReset: (user: User) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetValues, unknown, z.output<typeof resetPasswordInput>>({ resolver: zodResolver(resetPasswordInput), defaultValues: { userId: user.id, newPassword: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('users.resetPassword', values);
    if (result.ok) {
      onReset(user);
      return;
    }
    const rest = applyServerIssues(result.error, ['newPassword'], setError);
    if (rest.length || !result.error.issues?.length) setFailure(errorText(t, result.error));
  });

  return (
    <Dialog title={t('users.resetTitle', { name: user.displayName })} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="dialog-body">
          <p>{t('users.resetBody')}</p>
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          <PasswordField label={t('users.temporaryPassword')} autoComplete="new-password" error={errors.newPassword?.message} {...register('newPassword')} />
        </div>
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
            {t('users.resetPassword')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
