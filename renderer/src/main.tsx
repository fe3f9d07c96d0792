import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n/index';
import './styles/app.css';
import { App } from './app/App';

// Spanish is in this chunk; English, when it was chosen on this computer, is fetched first.
void languageReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
