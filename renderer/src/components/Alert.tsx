import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

/** Errors are announced at once (role="alert"); other news politely (role="status"). */
export function Alert({ tone, title, children, id }: { tone: Tone; title?: string; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
