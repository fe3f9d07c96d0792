// Intake form, new and edit: every field of the contract in fieldsets, validated with the service's
// own schema; a new registration first asks patients.checkDuplicates. Nothing typed is lost when
// the server refuses: its reasons go next to their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_TYPES,
  ETHNICITIES,
  INSURANCE_REGIMES,
  LGBTIQ_ANSWERS,
  POPULATION_GROUPS,
  REFERRAL_SOURCES,
  SEXES,
  ZONES,
  CONSENT_TEXT_VERSION,
  type ApiError,
  type OutputOf,
  type Patient,
} from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { fallbackMessages } from '../../components/form-schema';
import { errorText, serverFailure } from '../../components/errors';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { DuplicateDialog } from './DuplicateDialog';
import { emptyPatientForm, formAge, intakeSchema, isFormPath, patientToForm, type IntakeOutput, type PatientFormValues } from './patient-form';
import { MunicipalityCombobox } from './MunicipalityCombobox';
import { nationalityOptions } from './reference';
import { serverText } from '../../i18n/server-messages';

type Candidates = OutputOf<'patients.checkDuplicates'>['candidates'];

export function PatientFormScreen({ patientId }: { patientId?: number }) {
  const { t } = useTranslation();
  const { value: loaded, error: loadError } = useProcedure('patients.get', patientId === undefined ? null : { patientId });
  const patient = loaded?.patient ?? null;

  if (patientId === undefined) return <PatientForm />;
  if (loadError) {
    return (
      <>
        <PageHeader title={t('intake.editTitle')} />
        <Alert tone="error">{errorText(t, loadError)}</Alert>
      </>
    );
  }
  if (!patient) return <p className="muted">{t('app.loading')}</p>;
  return <PatientForm patient={patient} />;
}

function PatientForm({ patient }: { patient?: Patient }) {
  const { t, i18n } = useTranslation();
  const go = useNavigate();
  const editing = patient !== undefined;
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<{ candidates: Candidates; values: IntakeOutput } | null>(null);
  const [saving, setSaving] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<PatientFormValues, unknown, IntakeOutput>({
    resolver: zodResolver(intakeSchema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: patient ? patientToForm(patient) : emptyPatientForm(),
  });
  const phones = useFieldArray({ control, name: 'phones' });
  const watched = useWatch({ control, name: ['birthUnknown', 'dateOfBirth', 'estimatedBirthYear', 'documentType', 'sex'] });
  const [birthUnknown, dateOfBirth, estimatedBirthYear, documentType, sex] = watched;
  const municipalityCode = useWatch({ control, name: 'municipalityCode' });
  const age = formAge({ birthUnknown, dateOfBirth, estimatedBirthYear });
  const minor = age !== null && age < 18;
  const nationalities = nationalityOptions(i18n.language);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const refused = (error: ApiError) => {
    // The one conflict of a registration is a document already on file: its message names that record.
    if (error.code === 'conflict' && !editing) {
      setError('documentNumber', { type: 'server', message: error.message }, { shouldFocus: true });
      return;
    }
    setFailure(serverFailure(t, error, isFormPath, setError, 'patient.'));
  };

  const save = async (values: IntakeOutput, confirmedNotDuplicateOf: number[]) => {
    setSaving(true);
    const result = editing
      ? await call('patients.update', { patientId: patient.id, patient: values })
      : await call('patients.register', { patient: values, confirmedNotDuplicateOf });
    setSaving(false);
    if (result.ok) {
      go({ page: 'patient', patientId: result.value.patient.id, notice: editing ? 'updated' : 'registered' });
      return;
    }
    setDuplicates(null);
    refused(result.error);
  };

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    if (editing) {
      await save(values, []);
      return;
    }
    const check = await call('patients.checkDuplicates', {
      patient: {
        givenNames: values.givenNames,
        familyNames: values.familyNames,
        dateOfBirth: values.dateOfBirth,
        estimatedBirthYear: values.estimatedBirthYear,
        documentType: values.documentType,
        documentNumber: values.documentNumber,
        phones: values.phones,
      },
    });
    if (!check.ok) {
      refused(check.error);
      return;
    }
    if (check.value.candidates.length > 0) {
      setDuplicates({ candidates: check.value.candidates, values });
      return;
    }
    await save(values, []);
  });

  const e = errors as FieldErrors<PatientFormValues>;
  const consentHint = (given: { version: string }) => t('intake.consentVersion', { version: given.version || CONSENT_TEXT_VERSION });

  return (
    <>
      <PageHeader
        title={editing ? t('intake.editTitle') : t('intake.newTitle')}
        intro={editing ? t('intake.editIntro', { name: `${patient.givenNames} ${patient.familyNames}`, record: patient.recordNumber }) : t('intake.newIntro')}
      />
      <form className="form intake-form" noValidate onSubmit={onSubmit} aria-label={editing ? t('intake.editTitle') : t('intake.newTitle')}>
        {failure ? (
          <div ref={failureRef} tabIndex={-1}>
            <Alert tone="error">{failure}</Alert>
          </div>
        ) : null}
        {Object.keys(errors).length > 0 && !failure ? <Alert tone="error">{t('intake.fixErrors')}</Alert> : null}

        <fieldset>
          <legend>{t('intake.identity')}</legend>
          <div className="form-grid">
            <TextField label={t('patient.givenNames')} autoComplete="off" error={e.givenNames?.message} {...register('givenNames')} />
            <TextField label={t('patient.familyNames')} hint={t('intake.familyNamesHint')} autoComplete="off" error={e.familyNames?.message} {...register('familyNames')} />
            <SelectField label={t('patient.sex')} error={e.sex?.message} {...register('sex')}>
              <option value="">{t('intake.choose')}</option>
              {SEXES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.sex.${code}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('patient.genderIdentity')} hint={t('intake.optional')} autoComplete="off" error={e.genderIdentity?.message} {...register('genderIdentity')} />
            {birthUnknown ? (
              <TextField
                label={t('patient.estimatedBirthYear')}
                hint={t('intake.estimatedYearHint')}
                inputMode="numeric"
                autoComplete="off"
                error={e.estimatedBirthYear?.message ?? e.dateOfBirth?.message}
                {...register('estimatedBirthYear')}
              />
            ) : (
              <TextField
                label={t('patient.dateOfBirth')}
                hint={t('intake.dateOfBirthHint')}
                inputMode="numeric"
                autoComplete="off"
                error={e.dateOfBirth?.message}
                {...register('dateOfBirth')}
              />
            )}
            <CheckboxField label={t('intake.birthUnknown')} {...register('birthUnknown')} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.document')}</legend>
          <div className="form-grid">
            <SelectField label={t('patient.documentType')} error={e.documentType?.message} {...register('documentType')}>
              <option value="">{t('intake.choose')}</option>
              {DOCUMENT_TYPES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.documentType.${code}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('patient.documentNumber')}
              hint={documentType === 'none' ? t('intake.noDocumentHint') : t('intake.documentNumberHint')}
              autoComplete="off"
              disabled={documentType === 'none'}
              error={e.documentNumber?.message}
              {...register('documentNumber')}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.migration')}</legend>
          <div className="form-grid">
            <SelectField label={t('patient.nationality')} error={e.nationality?.message} {...register('nationality')}>
              <option value="">{t('intake.choose')}</option>
              <optgroup label={t('intake.commonNationalities')}>
                {nationalities.common.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('intake.otherNationalities')}>
                {nationalities.others.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            </SelectField>
            <SelectField label={t('patient.populationGroup')} error={e.populationGroup?.message} {...register('populationGroup')}>
              <option value="">{t('intake.choose')}</option>
              {POPULATION_GROUPS.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.populationGroup.${code}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('patient.arrivalDate')}
              hint={t('intake.arrivalDateHint')}
              inputMode="numeric"
              autoComplete="off"
              error={e.arrivalDate?.message}
              {...register('arrivalDate')}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.contact')}</legend>
          <div className="phone-list">
            {phones.fields.map((field, index) => (
              <div key={field.id} className="phone-row" role="group" aria-label={t('intake.phoneN', { n: index + 1 })}>
                <TextField
                  type="tel"
                  label={t('intake.phoneN', { n: index + 1 })}
                  hint={index === 0 ? t('intake.phoneHint') : undefined}
                  autoComplete="off"
                  error={e.phones?.[index]?.number?.message}
                  {...register(`phones.${index}.number`)}
                />
                <CheckboxField label={t('patient.whatsapp')} {...register(`phones.${index}.whatsapp`)} />
                <Button variant="link" aria-label={t('intake.removePhoneN', { n: index + 1 })} onClick={() => phones.remove(index)}>
                  {t('intake.removePhone')}
                </Button>
              </div>
            ))}
            {e.phones?.message ? <p className="field-error">{serverText(e.phones.message)}</p> : null}
            {phones.fields.length < 5 ? (
              <div>
                <Button onClick={() => phones.append({ number: '', whatsapp: false })}>{t('intake.addPhone')}</Button>
              </div>
            ) : null}
          </div>
          <div className="form-grid">
            <MunicipalityPicker
              value={municipalityCode}
              error={e.municipalityCode?.message}
              onChange={(code) => setValue('municipalityCode', code, { shouldDirty: true, shouldValidate: Boolean(e.municipalityCode) })}
              registerRef={register('municipalityCode').ref}
            />
            <TextField label={t('patient.neighbourhood')} hint={t('intake.optional')} autoComplete="off" error={e.neighbourhood?.message} {...register('neighbourhood')} />
            <TextField label={t('patient.address')} hint={t('intake.optional')} autoComplete="off" error={e.address?.message} {...register('address')} />
            <SelectField label={t('patient.zone')} error={e.zone?.message} {...register('zone')}>
              <option value="">{t('intake.notRecorded')}</option>
              {ZONES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.zone.${code}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.insurance')}</legend>
          <div className="form-grid">
            <SelectField label={t('patient.insuranceRegime')} error={e.insuranceRegime?.message} {...register('insuranceRegime')}>
              <option value="">{t('intake.choose')}</option>
              {INSURANCE_REGIMES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.insuranceRegime.${code}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('patient.eps')} hint={t('intake.optional')} autoComplete="off" error={e.eps?.message} {...register('eps')} />
            <TextField label={t('patient.sisbenGroup')} hint={t('intake.sisbenHint')} autoComplete="off" error={e.sisbenGroup?.message} {...register('sisbenGroup')} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.conditions')}</legend>
          <div className="check-row">
            <CheckboxField label={t('patient.pregnant')} disabled={sex === 'M'} error={e.pregnant?.message} {...register('pregnant')} />
            <CheckboxField label={t('patient.disability')} error={e.disability?.message} {...register('disability')} />
            <CheckboxField label={t('patient.unaccompaniedMinor')} error={e.unaccompaniedMinor?.message} {...register('unaccompaniedMinor')} />
          </div>
          <div className="form-grid">
            <SelectField label={t('patient.ethnicity')} error={e.ethnicity?.message} {...register('ethnicity')}>
              {ETHNICITIES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.ethnicity.${code}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('patient.lgbtiq')} hint={t('intake.lgbtiqHint')} error={e.lgbtiq?.message} {...register('lgbtiq')}>
              {LGBTIQ_ANSWERS.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.lgbtiq.${code}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.referral')}</legend>
          <div className="form-grid">
            <SelectField label={t('patient.referralSource')} error={e.referralSource?.message} {...register('referralSource')}>
              <option value="">{t('intake.choose')}</option>
              {REFERRAL_SOURCES.map((code) => (
                <option key={code} value={code}>
                  {t(`codes.referralSource.${code}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('intake.emergencyContact')}</legend>
          <p className="field-hint">{t('intake.emergencyHint')}</p>
          <div className="form-grid form-grid-3">
            <TextField label={t('intake.contactName')} autoComplete="off" error={e.emergencyContact?.name?.message} {...register('emergencyContact.name')} />
            <TextField label={t('intake.contactRelationship')} autoComplete="off" error={e.emergencyContact?.relationship?.message} {...register('emergencyContact.relationship')} />
            <TextField type="tel" label={t('intake.contactPhone')} autoComplete="off" error={e.emergencyContact?.phone?.message} {...register('emergencyContact.phone')} />
          </div>
        </fieldset>

        {minor ? (
          <fieldset aria-describedby="guardian-note">
            <legend>{t('intake.guardian')}</legend>
            <p id="guardian-note" className={e.guardian?.message ? 'field-error' : 'field-hint'}>
              {serverText(e.guardian?.message) ?? t('intake.guardianHint', { age })}
            </p>
            <div className="form-grid form-grid-3">
              <TextField label={t('intake.contactName')} autoComplete="off" error={e.guardian?.name?.message} {...register('guardian.name')} />
              <TextField label={t('intake.contactRelationship')} autoComplete="off" error={e.guardian?.relationship?.message} {...register('guardian.relationship')} />
              <TextField type="tel" label={t('intake.contactPhone')} autoComplete="off" error={e.guardian?.phone?.message} {...register('guardian.phone')} />
              <SelectField label={t('patient.documentType')} error={e.guardian?.documentType?.message} {...register('guardian.documentType')}>
                {DOCUMENT_TYPES.map((code) => (
                  <option key={code} value={code}>
                    {t(`codes.documentType.${code}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('patient.documentNumber')} autoComplete="off" error={e.guardian?.documentNumber?.message} {...register('guardian.documentNumber')} />
            </div>
          </fieldset>
        ) : null}

        <fieldset>
          <legend>{t('intake.consents')}</legend>
          <p className="consent-text">{t('intake.consentCareText')}</p>
          <CheckboxField
            label={t('intake.consentCare')}
            hint={consentHint(patient?.consentToCare ?? { version: CONSENT_TEXT_VERSION })}
            error={e.consentToCare?.given?.message}
            {...register('consentToCare.given', { onChange: () => setValue('consentToCare.version', CONSENT_TEXT_VERSION) })}
          />
          <p className="consent-text">{t('intake.consentDataText')}</p>
          <CheckboxField
            label={t('intake.consentData')}
            hint={consentHint(patient?.consentToDataProcessing ?? { version: CONSENT_TEXT_VERSION })}
            error={e.consentToDataProcessing?.given?.message}
            {...register('consentToDataProcessing.given', { onChange: () => setValue('consentToDataProcessing.version', CONSENT_TEXT_VERSION) })}
          />
        </fieldset>

        <div className="form-actions form-actions-end">
          <Button onClick={() => (editing ? go({ page: 'patient', patientId: patient.id }) : go({ page: 'reception' }))}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={isSubmitting || saving} busyLabel={t('common.saving')}>
            {editing ? t('intake.saveChanges') : t('intake.register')}
          </Button>
        </div>
      </form>

      {duplicates ? (
        <DuplicateDialog
          candidates={duplicates.candidates}
          busy={saving}
          onOpen={(id) => go({ page: 'patient', patientId: id })}
          onConfirmNew={() => void save(duplicates.values, duplicates.candidates.map((c) => c.patient.id))}
          onClose={() => setDuplicates(null)}
        />
      ) : null}
    </>
  );
}

function MunicipalityPicker({
  value,
  error,
  onChange,
  registerRef,
}: {
  value: string;
  error?: string;
  onChange: (code: string) => void;
  registerRef: (element: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <MunicipalityCombobox
      ref={registerRef}
      label={t('patient.municipality')}
      hint={t('intake.municipalityHint')}
      value={value}
      onChange={onChange}
      error={error}
      noMatches={t('intake.noMunicipality')}
    />
  );
}
