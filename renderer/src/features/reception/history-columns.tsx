// Columns of a patient's change history: when, who, which field, old → new.
import type { TFunction } from 'i18next';
import type { OutputOf } from '../../api/contract';
import type { Column } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { es } from '../../i18n/es';

export type HistoryEntry = OutputOf<'patients.history'>['entries'][number];

const FIELD_KEYS = Object.keys(es.history.fields) as (keyof typeof es.history.fields)[];

function fieldLabel(t: TFunction, field: string): string {
  const [base, ...rest] = field.split(' ');
  const known = FIELD_KEYS.find((k) => k === base);
  return known ? [t(`history.fields.${known}`), ...rest].join(' ') : field;
}

/** A stored value as text: phones and contacts are objects or JSON text, flags are 0/1. */
export function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'string') {
    if (value.startsWith('{') || value.startsWith('[')) {
      try {
        return valueText(t, JSON.parse(value));
      } catch {
        return value;
      }
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => valueText(t, v)).join('; ') || t('common.none');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

export function historyColumns(t: TFunction): Column<HistoryEntry>[] {
  return [
    { id: 'at', header: t('history.at'), className: 'cell-nowrap', cell: (e) => formatDateTime(e.at) },
    { id: 'who', header: t('history.who'), cell: (e) => e.userName ?? t('common.none') },
    { id: 'field', header: t('history.field'), cell: (e) => <span className="cell-strong">{fieldLabel(t, e.field)}</span> },
    { id: 'old', header: t('history.old'), className: 'cell-details', cell: (e) => valueText(t, e.oldValue) },
    { id: 'new', header: t('history.new'), className: 'cell-details', cell: (e) => valueText(t, e.newValue) },
  ];
}
