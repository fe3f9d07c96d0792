// Admin → Unit: the unit's name, address and phone, printed on every appointment slip (unit.update).
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { appointmentsProcedures, type ApiError } from '../../api/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText, serverFailure } from '../../components/errors';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';

const unitInput = appointmentsProcedures['unit.update'].input;
type Values = z.input<typeof unitInput>;
const FIELDS = ['name', 'address', 'phone'] as const;

export function UnitScreen() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Values | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    void call('unit.info', {}).then((result) => {
      if (result.ok) setLoaded(result.value);
      else setLoadError(result.error);
    });
  }, []);

  return (
    <>
      <PageHeader title={t('unit.title')} intro={t('unit.intro')} />
      {loadError ? <Alert tone="error">{errorText(t, loadError)}</Alert> : null}
      {loaded ? <UnitForm initial={loaded} /> : loadError ? null : <p className="muted">{t('app.loading')}</p>}
    </>
  );
}

function UnitForm({ initial }: { initial: Values }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof unitInput>>({ resolver: zodResolver(unitInput), defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    const result = await call('unit.update', values);
    if (result.ok) setSaved(true);
    else setFailure(serverFailure(t, result.error, FIELDS, setError));
  });

  return (
    <form className="form card card-narrow" noValidate onSubmit={onSubmit} aria-label={t('unit.title')}>
      {saved ? <Alert tone="success">{t('unit.saved')}</Alert> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <TextField label={t('unit.name')} autoComplete="organization" error={errors.name?.message} {...register('name')} />
      <TextField label={t('unit.address')} autoComplete="street-address" error={errors.address?.message} {...register('address')} />
      <TextField label={t('unit.phone')} type="tel" autoComplete="tel" error={errors.phone?.message} {...register('phone')} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
