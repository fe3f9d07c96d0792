// Create a staff account: react-hook-form over the contract's createUserInput schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createUserInput, ROLES, type User } from '../../api/contract';
import { call } from '../../api/client';
import { FormDialog } from '../../components/Dialog';
import { serverFailure } from '../../components/errors';
import { PasswordField, SelectField, TextField } from '../../components/Field';

type Values = z.input<typeof createUserInput>;
const FIELDS = ['username', 'displayName', 'role', 'password'] as const;

export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof createUserInput>>({
    resolver: zodResolver(createUserInput),
    defaultValues: { username: '', displayName: '', role: 'reception', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('users.create', values);
    if (result.ok) {
      onCreated(result.value.user);
      return;
    }
    // The dialog stays open with everything typed; the server's reasons go next to their fields.
    const { error } = result;
    if (error.code === 'conflict') {
      setError('username', { type: 'server', message: error.message }, { shouldFocus: true });
      return;
    }
    setFailure(serverFailure(t, error, FIELDS, setError));
  });

  return (
    <FormDialog title={t('users.createTitle')} failure={failure} submitLabel={t('users.create')} busy={isSubmitting} onSubmit={onSubmit} onClose={onClose}>
      <TextField label={t('users.displayName')} autoComplete="off" error={errors.displayName?.message} {...register('displayName')} />
      <TextField label={t('users.username')} autoComplete="off" autoCapitalize="none" spellCheck={false} error={errors.username?.message} {...register('username')} />
      <SelectField label={t('users.role')} error={errors.role?.message} {...register('role')}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roleNames.${role}`)}
          </option>
        ))}
      </SelectField>
      <PasswordField label={t('users.password')} hint={t('users.passwordHint')} autoComplete="new-password" error={errors.password?.message} {...register('password')} />
    </FormDialog>
  );
}
