// "This computer keeps the unit's database": passphrase twice and the first administrator; then the recovery key, once.
import '../../zod-config';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createLocalInput } from '../../api/sign-in-contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { serverFailure } from '../../components/errors';
import { PasswordField, TextField } from '../../components/Field';

export function LocalSetup({ onBack, onDone }: { onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [stored, setStored] = useState(false);

  const schema = createLocalInput
    .extend({ passphraseConfirm: z.string() })
    .refine((v) => v.passphrase === v.passphraseConfirm, { path: ['passphraseConfirm'], message: t('device.passphrasesDiffer') });
  type Values = z.input<typeof schema>;

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { passphrase: '', passphraseConfirm: '', adminUsername: '', adminDisplayName: '', adminPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ passphraseConfirm: _confirm, ...input }) => {
    setFailure(null);
    const result = await call('device.createLocal', input);
    if (result.ok) {
      setRecoveryKey(result.value.recoveryKey);
      return;
    }
    setFailure(serverFailure(t, result.error, ['passphrase', 'adminUsername', 'adminDisplayName', 'adminPassword'], setError));
  });

  if (recoveryKey) {
    return (
      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t('device.recoveryTitle')}</h2>
        <p>{t('device.recoveryIntro')}</p>
        <p className="recovery-key">
          <code>{recoveryKey}</code>
        </p>
        <div className="checkbox">
          <input id="recovery-stored" type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
          <label htmlFor="recovery-stored">{t('device.recoveryConfirm')}</label>
        </div>
        <Button variant="primary" disabled={!stored} onClick={onDone}>
          {t('device.recoveryContinue')}
        </Button>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p className="lead">{t('device.localIntro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <PasswordField label={t('device.passphrase')} hint={t('device.passphraseHint')} autoComplete="new-password" error={errors.passphrase?.message} {...register('passphrase')} />
      <PasswordField label={t('device.passphraseConfirm')} autoComplete="new-password" error={errors.passphraseConfirm?.message} {...register('passphraseConfirm')} />
      <fieldset>
        <legend>{t('device.adminSection')}</legend>
        <TextField label={t('device.adminName')} autoComplete="name" error={errors.adminDisplayName?.message} {...register('adminDisplayName')} />
        <TextField label={t('device.adminUsername')} autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.adminUsername?.message} {...register('adminUsername')} />
        <PasswordField label={t('device.adminPassword')} hint={t('changePassword.newHint')} autoComplete="new-password" error={errors.adminPassword?.message} {...register('adminPassword')} />
      </fieldset>
      <div className="form-actions">
        <Button onClick={onBack}>{t('device.back')}</Button>
        <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('device.creating')}>
          {t('device.create')}
        </Button>
      </div>
    </form>
  );
}
