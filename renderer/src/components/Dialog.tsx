// A modal dialog on the native <dialog> element: focus is kept inside, Escape closes it.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Alert } from './Alert';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface DialogProps {
  title: string;
  onClose: () => void;
  /** The body and the buttons (in a .dialog-actions block), often inside a form. */
  children: ReactNode;
  /** A wider frame, for lists and side-by-side content. */
  wide?: boolean;
}

export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** Asks before an action that changes what someone can do (deactivating an account). */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="dialog-body">
        {body}
        {error}
      </div>
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} busyLabel={t('common.saving')} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}

/** A dialog around a form: the fields, a general error above them, Cancel and the submit button. */
export function FormDialog({
  title,
  intro,
  failure,
  submitLabel,
  busy,
  onSubmit,
  onClose,
  children,
  wide,
}: {
  title: string;
  wide?: boolean;
  intro?: ReactNode;
  failure: string | null;
  submitLabel: string;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="dialog-body">
          {intro}
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          {children}
        </div>
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel={t('common.saving')}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
