// "Connect to the unit's server": URL → the certificate fingerprint to compare → pin it.
import '../../zod-config';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { hostUrlSchema } from '../../api/sign-in-contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText, serverFailure } from '../../components/errors';
import { TextField } from '../../components/Field';

const urlForm = z.strictObject({ url: hostUrlSchema });
type Values = z.input<typeof urlForm>;

export function RemoteSetup({ onBack, onDone }: { onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [probed, setProbed] = useState<{ url: string; fingerprint: string | null } | null>(null);
  const [connecting, setConnecting] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof urlForm>>({ resolver: zodResolver(urlForm), defaultValues: { url: '' } });

  const onProbe = handleSubmit(async ({ url }) => {
    setFailure(null);
    setProbed(null);
    const result = await call('device.probeHost', { url });
    if (result.ok) {
      setProbed({ url, fingerprint: result.value.fingerprint });
      return;
    }
    setFailure(serverFailure(t, result.error, ['url'], setError));
  });

  const connect = async (url: string, fingerprint: string) => {
    setConnecting(true);
    setFailure(null);
    const result = await call('device.connectHost', { url, fingerprint });
    setConnecting(false);
    if (result.ok) onDone();
    else setFailure(errorText(t, result.error));
  };

  return (
    <>
      <p className="lead">{t('device.remoteIntro')}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={onProbe} noValidate className="form">
        <TextField label={t('device.url')} hint={t('device.urlHint')} type="url" inputMode="url" autoComplete="url" spellCheck={false} error={errors.url?.message} {...register('url')} />
        <div className="form-actions">
          <Button onClick={onBack}>{t('device.back')}</Button>
          <Button type="submit" variant={probed ? 'secondary' : 'primary'} busy={isSubmitting} busyLabel={t('device.probing')}>
            {t('device.probe')}
          </Button>
        </div>
      </form>
      {probed ? (
        probed.fingerprint ? (
          <section className="fingerprint" aria-labelledby="fingerprint-title">
            <h2 id="fingerprint-title">{t('device.fingerprintTitle')}</h2>
            <p>{t('device.fingerprintCompare')}</p>
            <p className="recovery-key">
              <code>{probed.fingerprint}</code>
            </p>
            <Button variant="primary" busy={connecting} busyLabel={t('device.connecting')} onClick={() => void connect(probed.url, probed.fingerprint!)}>
              {t('device.fingerprintsMatch')}
            </Button>
          </section>
        ) : (
          <Alert tone="warning">{t('device.noFingerprint')}</Alert>
        )
      ) : null}
    </>
  );
}
