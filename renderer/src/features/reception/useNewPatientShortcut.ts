// Alt+N opens the intake form for a new patient from the reception screens.
import { useEffect } from 'react';
import { useNavigate } from '../../app/navigation';

export function useNewPatientShortcut(): void {
  const go = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
        event.preventDefault();
        go({ page: 'patientNew' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}
