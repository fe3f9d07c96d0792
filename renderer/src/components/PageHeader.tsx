import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's h1; it takes focus when the page opens so keyboard and screen-reader users land on it
 * (unless the page focuses something more useful itself: focusHeading={false}).
 */
export function PageHeader({ title, intro, actions, focusHeading = true }: { title: string; intro?: ReactNode; actions?: ReactNode; focusHeading?: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Before paint, as the search box does: no keystroke lands on the previous focus.
  useLayoutEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {intro ? <div className="lead">{intro}</div> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
