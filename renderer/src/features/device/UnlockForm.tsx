// Open this computer's database with the passphrase or, when it is lost, the recovery key.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../api/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { PasswordField } from '../../components/Field';

type Method = 'passphrase' | 'recoveryKey';

export function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('passphrase');
  const [secret, setSecret] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setFieldError(undefined);
    if (!secret) {
      setFieldError(t('common.required'));
      return;
    }
    const input: InputOf<'device.unlock'> = method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret };
    setBusy(true);
    const result = await call('device.unlock', input);
    setBusy(false);
    if (result.ok) onUnlocked();
    else setFailure(errorText(t, result.error));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form">
      <p className="lead">{t('device.unlockIntro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <fieldset className="radio-group">
        <legend>{t('device.unlockWith')}</legend>
        {(['passphrase', 'recoveryKey'] as const).map((value) => (
          <div key={value} className="radio">
            <input
              id={`unlock-${value}`}
              type="radio"
              name="unlock-method"
              value={value}
              checked={method === value}
              onChange={() => {
                setMethod(value);
                setSecret('');
              }}
            />
            <label htmlFor={`unlock-${value}`}>{value === 'passphrase' ? t('device.withPassphrase') : t('device.withRecovery')}</label>
          </div>
        ))}
      </fieldset>
      <PasswordField
        label={method === 'passphrase' ? t('device.passphrase') : t('device.recoveryKey')}
        autoComplete="off"
        value={secret}
        error={fieldError}
        onChange={(event) => setSecret(event.target.value)}
      />
      <Button type="submit" variant="primary" busy={busy} busyLabel={t('device.unlocking')}>
        {t('device.unlock')}
      </Button>
    </form>
  );
}
