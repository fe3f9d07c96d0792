// The signed-in person's menu: change password, language, sign out.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { LanguageSelect } from '../components/LanguageSelect';
import { useSession } from './session';

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const { auth, logout } = useSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const { displayName, role } = auth.user;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="user-menu-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="user-menu-name">{displayName}</span>
        <span className="user-menu-role">{t(`roleNames.${role}`)}</span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open} role="group" aria-label={t('shell.userMenu', { name: displayName })}>
        <p className="user-menu-who">{t('shell.signedInAs', { name: auth.user.username, role: t(`roleNames.${role}`) })}</p>
        <Button
          variant="secondary"
          className="btn-block"
          onClick={() => {
            setOpen(false);
            onChangePassword();
          }}
        >
          {t('shell.changePassword')}
        </Button>
        <LanguageSelect />
        <Button variant="primary" className="btn-block" onClick={() => void logout()}>
          {t('shell.logout')}
        </Button>
      </div>
    </div>
  );
}
