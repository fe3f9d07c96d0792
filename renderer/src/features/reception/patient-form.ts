// The intake form's values (what the inputs hold: strings, booleans) and their conversion to the
// contract's patient fields. The form validates with formSchema(toPatientInput, patientFields):
// the same schema as the service, with error paths that are the form's own field names.
import type { z } from 'zod';
import { formSchema } from '../../components/form-schema';
import {
  ageOn,
  CONSENT_TEXT_VERSION,
  patientFields,
  type DocumentType,
  type Patient,
  type PatientFieldsInput,
} from '../../api/contract';

export interface PhoneValues {
  number: string;
  whatsapp: boolean;
}

export interface PatientFormValues {
  givenNames: string;
  familyNames: string;
  sex: string;
  genderIdentity: string;
  /** UI only: the date of birth is unknown, an estimated year is given instead. */
  birthUnknown: boolean;
  dateOfBirth: string;
  estimatedBirthYear: string;
  documentType: string;
  documentNumber: string;
  nationality: string;
  populationGroup: string;
  arrivalDate: string;
  phones: PhoneValues[];
  municipalityCode: string;
  neighbourhood: string;
  address: string;
  zone: string;
  insuranceRegime: string;
  eps: string;
  sisbenGroup: string;
  pregnant: boolean;
  disability: boolean;
  ethnicity: string;
  lgbtiq: string;
  unaccompaniedMinor: boolean;
  referralSource: string;
  emergencyContact: { name: string; relationship: string; phone: string };
  guardian: { name: string; relationship: string; phone: string; documentType: string; documentNumber: string };
  consentToCare: { given: boolean; version: string };
  consentToDataProcessing: { given: boolean; version: string };
}

/** The unit's own municipality (San José de Cúcuta) starts selected. */
export const UNIT_MUNICIPALITY = '54001';

export function emptyPatientForm(): PatientFormValues {
  return {
    givenNames: '',
    familyNames: '',
    sex: '',
    genderIdentity: '',
    birthUnknown: false,
    dateOfBirth: '',
    estimatedBirthYear: '',
    documentType: '',
    documentNumber: '',
    nationality: '',
    populationGroup: '',
    arrivalDate: '',
    phones: [{ number: '', whatsapp: false }],
    municipalityCode: UNIT_MUNICIPALITY,
    neighbourhood: '',
    address: '',
    zone: '',
    insuranceRegime: '',
    eps: '',
    sisbenGroup: '',
    pregnant: false,
    disability: false,
    ethnicity: 'none',
    lgbtiq: 'not_asked',
    unaccompaniedMinor: false,
    referralSource: '',
    emergencyContact: { name: '', relationship: '', phone: '' },
    guardian: { name: '', relationship: '', phone: '', documentType: 'none', documentNumber: '' },
    consentToCare: { given: false, version: CONSENT_TEXT_VERSION },
    consentToDataProcessing: { given: false, version: CONSENT_TEXT_VERSION },
  };
}

/** A saved record back into the form, for editing. */
export function patientToForm(p: Patient): PatientFormValues {
  return {
    givenNames: p.givenNames,
    familyNames: p.familyNames,
    sex: p.sex,
    genderIdentity: p.genderIdentity ?? '',
    birthUnknown: !p.dateOfBirth && p.estimatedBirthYear !== null,
    dateOfBirth: shownDay(p.dateOfBirth),
    estimatedBirthYear: p.estimatedBirthYear === null ? '' : String(p.estimatedBirthYear),
    documentType: p.documentType,
    documentNumber: p.documentNumber ?? '',
    nationality: p.nationality,
    populationGroup: p.populationGroup,
    arrivalDate: shownDay(p.arrivalDate),
    phones: p.phones.map((phone) => ({ number: phone.number, whatsapp: phone.whatsapp })),
    municipalityCode: p.municipalityCode,
    neighbourhood: p.neighbourhood ?? '',
    address: p.address ?? '',
    zone: p.zone ?? '',
    insuranceRegime: p.insuranceRegime,
    eps: p.eps ?? '',
    sisbenGroup: p.sisbenGroup ?? '',
    pregnant: p.pregnant,
    disability: p.disability,
    ethnicity: p.ethnicity,
    lgbtiq: p.lgbtiq,
    unaccompaniedMinor: p.unaccompaniedMinor,
    referralSource: p.referralSource,
    emergencyContact: {
      name: p.emergencyContact?.name ?? '',
      relationship: p.emergencyContact?.relationship ?? '',
      phone: p.emergencyContact?.phone ?? '',
    },
    guardian: {
      name: p.guardian?.name ?? '',
      relationship: p.guardian?.relationship ?? '',
      phone: p.guardian?.phone ?? '',
      documentType: p.guardian?.documentType ?? 'none',
      documentNumber: p.guardian?.documentNumber ?? '',
    },
    consentToCare: { given: p.consentToCare.given, version: p.consentToCare.version },
    consentToDataProcessing: { given: p.consentToDataProcessing.given, version: p.consentToDataProcessing.version },
  };
}

const blank = (s: string) => s.trim() === '';

/**
 * A date as reception types it: DD/MM/AAAA (also with dashes or dots, as said aloud in Colombia)
 * or AAAA-MM-DD, as "YYYY-MM-DD". Anything else is left as typed, for the schema to refuse.
 */
export function typedDay(text: string): string {
  const s = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return s;
}

/** "1996-07-14" → "14/07/1996", for the date-of-birth box. */
export function shownDay(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
const orNull = (s: string) => (blank(s) ? null : s);

/** Age in years from what the form holds (null while unknown), to show the guardian section under 18. */
export function formAge(values: Pick<PatientFormValues, 'birthUnknown' | 'dateOfBirth' | 'estimatedBirthYear'>): number | null {
  const year = Number(values.estimatedBirthYear);
  if (values.birthUnknown) return Number.isInteger(year) && year > 1900 ? ageOn(null, year) : null;
  const day = typedDay(values.dateOfBirth);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? ageOn(day, null) : null;
}

/** What the form holds, as the contract's input (blank optional fields → null; sections left empty → null). */
export function toPatientInput(values: PatientFormValues): PatientFieldsInput {
  // Blank phone rows at the end are dropped; a blank row between others stays, to be flagged in place.
  const phones = [...values.phones];
  while (phones.length && blank(phones[phones.length - 1]!.number)) phones.pop();
  const contact = values.emergencyContact;
  const guardian = values.guardian;
  const age = formAge(values);
  const guardianShown = age !== null && age < 18;
  const year = values.estimatedBirthYear.trim();
  return {
    givenNames: values.givenNames,
    familyNames: values.familyNames,
    sex: values.sex as PatientFieldsInput['sex'],
    genderIdentity: orNull(values.genderIdentity),
    dateOfBirth: values.birthUnknown ? null : orNull(typedDay(values.dateOfBirth)),
    estimatedBirthYear: values.birthUnknown && year ? (/^\d+$/.test(year) ? Number(year) : Number.NaN) : null,
    documentType: values.documentType as DocumentType,
    documentNumber: values.documentType === 'none' ? orNull(values.documentNumber) : values.documentNumber,
    // An unchosen select is absent, so the schema answers its own "Elija …" message.
    nationality: values.nationality || (undefined as unknown as string),
    populationGroup: values.populationGroup as PatientFieldsInput['populationGroup'],
    arrivalDate: orNull(typedDay(values.arrivalDate)),
    phones: phones.map((p) => ({ number: p.number, whatsapp: p.whatsapp })),
    municipalityCode: values.municipalityCode || (undefined as unknown as string),
    neighbourhood: orNull(values.neighbourhood),
    address: orNull(values.address),
    zone: (orNull(values.zone) as PatientFieldsInput['zone']) ?? null,
    insuranceRegime: values.insuranceRegime as PatientFieldsInput['insuranceRegime'],
    eps: orNull(values.eps),
    sisbenGroup: orNull(values.sisbenGroup),
    pregnant: values.pregnant,
    disability: values.disability,
    ethnicity: values.ethnicity as PatientFieldsInput['ethnicity'],
    lgbtiq: values.lgbtiq as PatientFieldsInput['lgbtiq'],
    unaccompaniedMinor: values.unaccompaniedMinor,
    referralSource: values.referralSource as PatientFieldsInput['referralSource'],
    emergencyContact:
      blank(contact.name) && blank(contact.relationship) && blank(contact.phone)
        ? null
        : { name: contact.name, relationship: contact.relationship, phone: orNull(contact.phone) },
    guardian:
      !guardianShown || (blank(guardian.name) && blank(guardian.relationship) && blank(guardian.phone) && blank(guardian.documentNumber))
        ? null
        : {
            name: guardian.name,
            relationship: guardian.relationship,
            phone: orNull(guardian.phone),
            documentType: guardian.documentType as DocumentType,
            documentNumber: orNull(guardian.documentNumber),
          },
    consentToCare: values.consentToCare,
    consentToDataProcessing: values.consentToDataProcessing,
  };
}

export const intakeSchema = formSchema(toPatientInput, patientFields);
export type IntakeOutput = z.output<typeof intakeSchema>;

/** Whether a server issue path (after "patient.") names something the form shows. */
export function isFormPath(path: string): boolean {
  return /^(givenNames|familyNames|sex|genderIdentity|dateOfBirth|estimatedBirthYear|documentType|documentNumber|nationality|populationGroup|arrivalDate|municipalityCode|neighbourhood|address|zone|insuranceRegime|eps|sisbenGroup|pregnant|disability|ethnicity|lgbtiq|unaccompaniedMinor|referralSource|guardian|phones\.\d+\.number|emergencyContact\.(name|relationship|phone)|guardian\.(name|relationship|phone|documentType|documentNumber)|consentToCare\.given|consentToDataProcessing\.given)$/.test(
    path,
  );
}
