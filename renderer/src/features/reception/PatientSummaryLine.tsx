// One patient in a list: record number, names, document, age or date of birth, nationality, phone.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../api/contract';
import { formatDay } from '../../components/format';
import { countryName } from './reference';

export function documentText(t: (key: 'codes.documentType.none') => string, type: string, number: string | null): string {
  return type === 'none' ? t('codes.documentType.none') : `${type} ${number ?? ''}`.trim();
}

export function birthText(
  t: TFunction,
  p: { dateOfBirth: string | null; estimatedBirthYear: number | null; age: number | null },
): string {
  if (p.dateOfBirth) return t('patient.ageAndBirth', { age: p.age, date: formatDay(p.dateOfBirth) });
  if (p.estimatedBirthYear) return t('patient.ageEstimated', { age: p.age, year: p.estimatedBirthYear });
  return t('common.none');
}

export function PatientSummaryLine({ patient, as: Tag = 'div' }: { patient: PatientSummary; as?: 'div' | 'span' }) {
  const { t, i18n } = useTranslation();
  return (
    <Tag className="patient-line">
      <span className="patient-line-main">
        <span className="record-number">{patient.recordNumber}</span>
        <span className="patient-name">
          {patient.givenNames} {patient.familyNames}
        </span>
      </span>
      <span className="patient-line-facts">
        <span>{documentText(t, patient.documentType, patient.documentNumber)}</span>
        <span>{birthText(t, patient)}</span>
        <span>{countryName(patient.nationality, i18n.language)}</span>
        <span>{patient.phone ?? t('patient.noPhone')}</span>
      </span>
    </Tag>
  );
}
