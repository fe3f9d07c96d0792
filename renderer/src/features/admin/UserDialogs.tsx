// Change a role; reset a password to a temporary one the person must change at the next login.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { resetPasswordInput, ROLES, updateUserInput, type User } from '../../api/contract';
import { call } from '../../api/client';
import { FormDialog } from '../../components/Dialog';
import { serverFailure } from '../../components/errors';
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
    setFailure(serverFailure(t, result.error, ['role'], setError));
  });

  return (
    <FormDialog title={t('users.changeRoleOf', { name: user.displayName })} failure={failure} submitLabel={t('common.save')} busy={isSubmitting} onSubmit={onSubmit} onClose={onClose}>
      <SelectField label={t('users.newRole')} hint={t('users.roleChangeNote')} error={errors.role?.message} {...register('role')}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roleNames.${role}`)}
          </option>
        ))}
      </SelectField>
    </FormDialog>
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
    setFailure(serverFailure(t, result.error, ['newPassword'], setError));
  });

  return (
    <FormDialog title={t('users.resetTitle', { name: user.displayName })} intro={<p>{t('users.resetBody')}</p>} failure={failure} submitLabel={t('users.resetPassword')} busy={isSubmitting} onSubmit={onSubmit} onClose={onClose}>
      <PasswordField label={t('users.temporaryPassword')} autoComplete="new-password" error={errors.newPassword?.message} {...register('newPassword')} />
    </FormDialog>
  );
}
