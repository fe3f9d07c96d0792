// Idle lock: no key or pointer activity for the session's idle timeout ends the session here.
// While the user is active, an occasional auth.me keeps the server's session from expiring
// when the work at hand (a long form) makes no calls of its own.
import { useEffect, useRef } from 'react';
import { call, sinceLastCall } from '../api/client';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function useIdleLock(idleTimeoutSeconds: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (idleTimeoutSeconds === null) return;
    const idleMs = idleTimeoutSeconds * 1000;
    const keepAliveMs = Math.min(60_000, idleMs / 3);
    let lastActivity = Date.now();
    let fired = false;

    const onActivity = () => {
      lastActivity = Date.now();
      if (sinceLastCall() > keepAliveMs) void call('auth.me', {});
    };
    const check = () => {
      if (!fired && Date.now() - lastActivity >= idleMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    // A timestamp check, not one long timer: a throttled background window still locks on time.
    const timer = window.setInterval(check, 1000);
    document.addEventListener('visibilitychange', check);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [idleTimeoutSeconds]);
}
