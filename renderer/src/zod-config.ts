// The renderer's CSP forbids eval: zod must not probe for it (`new Function`), or every page load
// reports a blocked script-src violation. Imported first by main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
