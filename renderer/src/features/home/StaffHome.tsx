// The cards of a work area's home: who is signed in, with which role, when the session ends; privacy.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/format';

/** Who is signed in and the privacy note: the cards every work area's home shows. */
export function SessionCards() {
  const { t } = useTranslation();
  const { auth } = useSession();
  const { user, session } = auth;
  const idle = session.idleTimeoutSeconds;
  const idleText = idle % 60 === 0 ? t('home.idleMinutes', { count: idle / 60 }) : t('home.idleSeconds', { count: idle });

  return (
    <>
      <div className="cards">
        <section className="card" aria-labelledby="home-session">
          <h2 id="home-session">{t('home.welcome', { name: user.displayName })}</h2>
          <dl className="facts">
            <div>
              <dt>{t('home.person')}</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div>
              <dt>{t('home.username')}</dt>
              <dd>{user.username}</dd>
            </div>
            <div>
              <dt>{t('home.role')}</dt>
              <dd>{t(`roleNames.${user.role}`)}</dd>
            </div>
            <div>
              <dt>{t('home.signedInAt')}</dt>
              <dd>{formatDateTime(user.lastLoginAt) ?? t('common.none')}</dd>
            </div>
            <div>
              <dt>{t('home.expiresAt')}</dt>
              <dd>{formatDateTime(session.expiresAt)}</dd>
            </div>
            <div>
              <dt>{t('home.idleTimeout')}</dt>
              <dd>{idleText}</dd>
            </div>
          </dl>
        </section>
        <section className="card card-note" aria-labelledby="home-privacy">
          <h2 id="home-privacy">{t('home.privacyTitle')}</h2>
          <p>{t('home.privacy')}</p>
        </section>
      </div>
    </>
  );
}
