// Before a new registration is saved: the likely existing records, each with why it looks like the
// same person. Open one of them, or confirm this is another person (the server audits the confirmation).
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../api/contract';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { PatientSummaryLine } from './PatientSummaryLine';

type Candidates = OutputOf<'patients.checkDuplicates'>['candidates'];

export function DuplicateDialog({
  candidates,
  busy,
  onOpen,
  onConfirmNew,
  onClose,
}: {
  candidates: Candidates;
  busy: boolean;
  onOpen: (patientId: number) => void;
  onConfirmNew: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('duplicates.title', { count: candidates.length })} onClose={onClose} wide>
      <div className="dialog-body">
        <p>{t('duplicates.intro')}</p>
        <ul className="candidate-list">
          {candidates.map((candidate) => {
            const name = `${candidate.patient.givenNames} ${candidate.patient.familyNames}`;
            return (
              <li key={candidate.patient.id} className="candidate">
                <PatientSummaryLine patient={candidate.patient} />
                <p className="candidate-reasons">
                  <span className="muted">{t('duplicates.why')} </span>
                  {candidate.reasons.map((reason) => (
                    <span key={reason} className="badge badge-warning">
                      {t(`codes.duplicateReason.${reason}`)}
                    </span>
                  ))}
                </p>
                <Button aria-label={t('duplicates.openNamed', { name, record: candidate.patient.recordNumber })} onClick={() => onOpen(candidate.patient.id)}>
                  {t('duplicates.open')}
                </Button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('duplicates.back')}</Button>
        <Button variant="primary" busy={busy} busyLabel={t('common.saving')} onClick={onConfirmNew}>
          {t('duplicates.otherPerson')}
        </Button>
      </div>
    </Dialog>
  );
}
