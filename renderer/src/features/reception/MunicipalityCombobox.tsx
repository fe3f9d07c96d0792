import type { ComponentProps } from 'react';
import { municipalityLabel } from '../../api/contract';
import { Combobox } from '../../components/Combobox';
import { searchMunicipalities } from './reference';

type Props = Omit<ComponentProps<typeof Combobox>, 'search' | 'labelOf'>;

const searchOptions = (text: string) => searchMunicipalities(text).map((m) => ({ value: m.code, label: m.name, detail: `${m.department} · ${m.code}` }));

/** The DIVIPOLA municipality picker (any part of the name, accents ignored, with the department), used by every form that asks for a place. */
export function MunicipalityCombobox(props: Props) {
  return <Combobox {...props} search={searchOptions} labelOf={municipalityLabel} />;
}
