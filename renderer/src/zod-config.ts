// The renderer's CSP forbids eval: zod must not probe for it (`new Function`), or every page load
// reports a blocked script-src violation. Imported first by every chunk that brings zod (the signed-in
// Shell, the password change, the login's check, the device set-up forms), before any schema parses.
import { z } from 'zod';

z.config({ jitless: true });
