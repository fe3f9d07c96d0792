// Columns of the audit log table.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/contract';
import type { Column } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { es } from '../../i18n/es';

type CoreAction = keyof typeof es.audit.actions;
type MoreAction = keyof typeof es.auditMore.actions;
const CORE_ACTIONS = Object.keys(es.audit.actions) as CoreAction[];
const MORE_ACTIONS = Object.keys(es.auditMore.actions) as MoreAction[];
const KNOWN_ACTIONS: readonly (CoreAction | MoreAction)[] = [...CORE_ACTIONS, ...MORE_ACTIONS];

export function isKnownAction(action: string): action is CoreAction | MoreAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

export function auditActions(): readonly (CoreAction | MoreAction)[] {
  return KNOWN_ACTIONS;
}

/** The action's name in the user's language (the clinical and administration actions have their own catalogue). */
export function actionLabel(t: TFunction, action: CoreAction | MoreAction): string {
  return (CORE_ACTIONS as string[]).includes(action) ? t(`audit.actions.${action as CoreAction}`) : t(`auditMore.actions.${action as MoreAction}`);
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

const OUTCOME_BADGE = { success: 'badge-ok', failure: 'badge-warning', denied: 'badge-danger' } as const;

export function auditColumns(t: TFunction): Column<AuditEntry>[] {
  return [
    { id: 'id', header: t('audit.id'), cell: (entry) => entry.id, className: 'cell-num' },
    { id: 'at', header: t('audit.at'), cell: (entry) => formatDateTime(entry.at), className: 'cell-nowrap' },
    { id: 'actor', header: t('audit.actor'), cell: (entry) => entry.actorUsername ?? t('common.none') },
    {
      id: 'action',
      header: t('audit.action'),
      cell: (entry) => (
        <>
          <span>{isKnownAction(entry.action) ? actionLabel(t, entry.action) : entry.action}</span>
          <br />
          <code className="muted">{entry.action}</code>
        </>
      ),
    },
    { id: 'outcome', header: t('audit.outcome'), cell: (entry) => <span className={`badge ${OUTCOME_BADGE[entry.outcome]}`}>{t(`audit.outcomes.${entry.outcome}`)}</span> },
    { id: 'target', header: t('audit.target'), cell: (entry) => (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : t('common.none')) },
    { id: 'details', header: t('audit.details'), cell: (entry) => <span className="cell-details">{detailsText(entry.details) || t('common.none')}</span> },
    { id: 'origin', header: t('audit.origin'), cell: (entry) => entry.origin ?? t('common.none'), className: 'cell-nowrap' },
  ];
}
