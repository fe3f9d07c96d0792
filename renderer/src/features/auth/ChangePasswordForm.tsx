// One's own password: forced after an admin reset, or chosen from the user menu.
import '../../zod-config';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePasswordInput } from '../../api/contract';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { serverFailure } from '../../components/errors';
import { PasswordField } from '../../components/Field';

export function ChangePasswordForm({ forced, onDone }: { forced?: boolean; onDone: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  // The contract's schema plus the confirmation, which never leaves the form.
  const schema = changePasswordInput.extend({ confirm: z.string() }).refine((v) => v.confirm === v.newPassword, { path: ['confirm'], message: t('errors.passwordsDiffer') });
  type Values = z.input<typeof schema>;

  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    setDone(false);
    const result = await call('auth.changePassword', { currentPassword, newPassword });
    if (!result.ok) {
      setFailure(serverFailure(t, result.error, ['currentPassword', 'newPassword'], setError));
      return;
    }
    reset();
    setDone(true);
    await onDone();
  });

  return (
    <>
      <p className="lead">{forced ? t('changePassword.forcedIntro') : t('changePassword.intro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {done ? <Alert tone="success">{t('changePassword.done')}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <PasswordField
          label={forced ? t('changePassword.currentTemporary') : t('changePassword.current')}
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <PasswordField label={t('changePassword.new')} hint={t('changePassword.newHint')} autoComplete="new-password" error={errors.newPassword?.message} {...register('newPassword')} />
        <PasswordField label={t('changePassword.confirm')} autoComplete="new-password" error={errors.confirm?.message} {...register('confirm')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
            {t('changePassword.submit')}
          </Button>
          {forced ? (
            <Button variant="link" onClick={() => void logout()}>
              {t('changePassword.logoutInstead')}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
