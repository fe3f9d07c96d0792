// Admin → Exports → R4V 5W settings: the organisation names, implementation set-up, subsector and the
// unit's municipality, and for each source (sessions by format, community activities by kind) the RMRP
// indicator, its type and the activity it is reported as. Prefilled from the host's defaults.
import { Fragment, useEffect, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INDICATOR_TYPES, R4V_SOURCES, r4vConfigSchema, type ApiError, type OutputOf, type R4vConfig, type R4vSource } from '../../../api/contract';
import { call } from '../../../api/client';
import { useNavigate } from '../../../app/navigation';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { errorText, serverFailure } from '../../../components/errors';
import { SelectField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/PageHeader';
import { MunicipalityCombobox } from '../../reception/MunicipalityCombobox';
import '../admin.css';
import { serverText } from '../../../i18n/server-messages';

const SET_UPS = ['Direct Implementation', 'Implemented through partner'] as const;
type IndicatorType = (typeof INDICATOR_TYPES)[number];

interface MappingRow {
  source: R4vSource;
  include: boolean;
  indicator: string;
  indicatorType: IndicatorType | '';
  activityName: string;
  activityDescription: string;
  rmrpActivity: string;
}

export interface R4vFormValues {
  appealingOrganisation: string;
  implementingPartner: string;
  implementationSetUp: string;
  subsector: string;
  unitMunicipalityCode: string;
  mappings: MappingRow[];
}

type RowField = 'indicator' | 'indicatorType' | 'activityName' | 'activityDescription' | 'rmrpActivity';

type Loaded = OutputOf<'exports.r4vConfig'>;

function toForm({ config, defaults }: Loaded): R4vFormValues {
  const base = config ?? defaults;
  return {
    appealingOrganisation: base.appealingOrganisation ?? '',
    implementingPartner: base.implementingPartner ?? '',
    implementationSetUp: base.implementationSetUp ?? '',
    subsector: base.subsector ?? '',
    unitMunicipalityCode: base.unitMunicipalityCode ?? '',
    mappings: R4V_SOURCES.map((source) => {
      const m = base.mappings?.find((x) => x.source === source);
      return {
        source,
        include: Boolean(m),
        indicator: m?.indicator ?? '',
        indicatorType: m?.indicatorType ?? '',
        activityName: m?.activityName ?? '',
        activityDescription: m?.activityDescription ?? '',
        rmrpActivity: m?.rmrpActivity ?? '',
      };
    }),
  };
}

/** The config the form describes, and for each mapping sent, the form row it came from. */
function toConfig(values: R4vFormValues): { config: unknown; rows: number[] } {
  const rows: number[] = [];
  const mappings = values.mappings.flatMap((m, i) => {
    if (!m.include) return [];
    rows.push(i);
    return [{ source: m.source, indicator: m.indicator, indicatorType: m.indicatorType || undefined, activityName: m.activityName, activityDescription: m.activityDescription, rmrpActivity: m.rmrpActivity }];
  });
  return {
    config: {
      appealingOrganisation: values.appealingOrganisation,
      implementingPartner: values.implementingPartner,
      implementationSetUp: values.implementationSetUp || undefined,
      subsector: values.subsector,
      unitMunicipalityCode: values.unitMunicipalityCode,
      mappings,
    },
    rows,
  };
}

/** "mappings.2.indicator" of the config → the form's "mappings.<row>.indicator". */
function formPath(path: readonly PropertyKey[], rows: number[]): string | null {
  if (path[0] === 'mappings' && typeof path[1] === 'number') {
    const row = rows[path[1]];
    return row === undefined ? 'mappings' : `mappings.${row}.${String(path[2] ?? 'indicator')}`;
  }
  if (path[0] === 'mappings') return 'mappings';
  return typeof path[0] === 'string' ? path[0] : null;
}

export function R4vSettingsScreen() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void call('exports.r4vConfig', {}).then((result) => {
      if (result.ok) setLoaded(result.value);
      else setError(result.error);
    });
  }, []);
  return (
    <>
      <PageHeader title={t('r4v.title')} intro={t('r4v.intro')} />
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {loaded ? <R4vForm loaded={loaded} /> : error ? null : <p className="muted">{t('app.loading')}</p>}
    </>
  );
}

/** The source's own name ("Individual", "Autocuidado"), shown under its group's heading row. */
function sourceName(t: TFunction, source: R4vSource): string {
  const [area, code] = source.split(':') as ['sessions' | 'activities', string];
  return area === 'sessions' ? t(`clinicalCodes.format.${code as 'individual'}`) : t(`clinicalCodes.activityKind.${code as 'other'}`);
}

function sourceLabel(t: TFunction, source: R4vSource): string {
  const [area, code] = source.split(':') as ['sessions' | 'activities', string];
  return area === 'sessions'
    ? t('r4v.sourceSessions', { name: t(`clinicalCodes.format.${code as 'individual'}`) })
    : t('r4v.sourceActivities', { name: t(`clinicalCodes.activityKind.${code as 'other'}`) });
}

function R4vForm({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<R4vFormValues>({ defaultValues: toForm(loaded) });
  const mappings = watch('mappings');

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    clearErrors();
    const { config, rows } = toConfig(values);
    const parsed = r4vConfigSchema.safeParse(config);
    if (!parsed.success) {
      let first = true;
      let general: string | null = null;
      for (const issue of parsed.error.issues) {
        const path = formPath(issue.path, rows);
        if (!path || path === 'mappings') {
          general = serverText(issue.message);
          continue;
        }
        setError(path as FieldPath<R4vFormValues>, { type: 'validate', message: issue.message }, { shouldFocus: first });
        first = false;
      }
      setFailure(general ?? t('r4v.fixErrors'));
      return;
    }
    const result = await call('exports.setR4vConfig', { config: parsed.data as R4vConfig });
    if (result.ok) setSaved(true);
    else setFailure(serverFailure(t, result.error, (path) => path.startsWith('config.'), setError, 'config.'));
  });

  return (
    <form className="form r4v-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('r4v.title')}>
      {loaded.config === null ? <Alert tone="info">{t('r4v.notYet')}</Alert> : null}
      {saved ? (
        <Alert tone="success">
          {t('r4v.saved')}{' '}
          <Button variant="link" onClick={() => go({ page: 'exports' })}>
            {t('r4v.backToExports')}
          </Button>
        </Alert>
      ) : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <fieldset className="card">
        <legend>{t('r4v.organisation')}</legend>
        <div className="form-grid">
          <TextField label={t('r4v.appealingOrganisation')} hint={t('r4v.appealingHint')} error={errors.appealingOrganisation?.message} {...register('appealingOrganisation')} />
          <TextField label={t('r4v.implementingPartner')} hint={t('r4v.implementingHint')} error={errors.implementingPartner?.message} {...register('implementingPartner')} />
          <SelectField label={t('r4v.implementationSetUp')} error={errors.implementationSetUp?.message} {...register('implementationSetUp')}>
            <option value="">{t('r4v.choose')}</option>
            {SET_UPS.map((s) => (
              <option key={s} value={s}>
                {t(`r4v.setUps.${s === 'Direct Implementation' ? 'direct' : 'partner'}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('r4v.subsector')} hint={t('r4v.subsectorHint')} error={errors.subsector?.message} {...register('subsector')} />
          <Controller
            control={control}
            name="unitMunicipalityCode"
            render={({ field, fieldState }) => (
              <MunicipalityCombobox
                ref={field.ref}
                name={field.name}
                label={t('r4v.municipality')}
                hint={t('r4v.municipalityHint')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
                noMatches={t('r4v.noMunicipality')}
              />
            )}
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('r4v.mappings')}</legend>
        <p className="field-hint">{t('r4v.mappingsIntro')}</p>
        <div className="table-wrap">
          <table className="data-table r4v-table">
            <caption className="visually-hidden">{t('r4v.mappings')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('r4v.source')}</th>
                <th scope="col">{t('r4v.include')}</th>
                <th scope="col">{t('r4v.indicator')}</th>
                <th scope="col">{t('r4v.indicatorType')}</th>
                <th scope="col">{t('r4v.activityName')}</th>
                <th scope="col">{t('r4v.rmrpActivity')}</th>
                <th scope="col">{t('r4v.activityDescription')}</th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((row, i) => {
                const label = sourceLabel(t, row.source);
                const rowErrors = errors.mappings?.[i];
                const off = !row.include;
                const cellError = (field: RowField) => serverText(rowErrors?.[field]?.message);
                const errorId = (field: string) => `r4v-${i}-${field}-error`;
                const input = (field: Exclude<RowField, 'indicatorType'>) => (
                  <>
                    <input
                      type="text"
                      aria-label={`${t(`r4v.${field}`)} · ${label}`}
                      disabled={off}
                      aria-invalid={cellError(field) ? true : undefined}
                      aria-describedby={cellError(field) ? errorId(field) : undefined}
                      {...register(`mappings.${i}.${field}`)}
                    />
                    {cellError(field) ? (
                      <p id={errorId(field)} className="field-error">
                        {cellError(field)}
                      </p>
                    ) : null}
                  </>
                );
                const area = row.source.split(':')[0] as 'sessions' | 'activities';
                const firstOfArea = i === 0 || mappings[i - 1]!.source.split(':')[0] !== area;
                return (
                  <Fragment key={row.source}>
                    {firstOfArea ? (
                      <tr className="r4v-group">
                        <th scope="colgroup" colSpan={7}>
                          {t(`r4v.areas.${area}`)}
                        </th>
                      </tr>
                    ) : null}
                    <tr className={off ? 'row-inactive' : undefined}>
                      <th scope="row">{sourceName(t, row.source)}</th>
                      <td>
                        <input type="checkbox" aria-label={`${t('r4v.include')} · ${label}`} {...register(`mappings.${i}.include`)} />
                      </td>
                      <td className="r4v-wide">{input('indicator')}</td>
                      <td>
                        <select
                          aria-label={`${t('r4v.indicatorType')} · ${label}`}
                          disabled={off}
                          aria-invalid={cellError('indicatorType') ? true : undefined}
                          aria-describedby={cellError('indicatorType') ? errorId('indicatorType') : undefined}
                          {...register(`mappings.${i}.indicatorType`)}
                        >
                          <option value="">{t('r4v.choose')}</option>
                          {INDICATOR_TYPES.map((type) => (
                            <option key={type} value={type}>
                              {type}
                            </option>
                          ))}
                        </select>
                        {cellError('indicatorType') ? (
                          <p id={errorId('indicatorType')} className="field-error">
                            {cellError('indicatorType')}
                          </p>
                        ) : null}
                      </td>
                      <td className="r4v-wide">{input('activityName')}</td>
                      <td>{input('rmrpActivity')}</td>
                      <td>{input('activityDescription')}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="field-hint">{t('r4v.typesHint')}</p>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
          {t('r4v.save')}
        </Button>
        <Button onClick={() => go({ page: 'exports' })}>{t('r4v.backToExports')}</Button>
      </div>
    </form>
  );
}
