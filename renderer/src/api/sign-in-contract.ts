// What the screens before sign-in take from the contract, from its own modules: importing the
// contract's index would bring every procedure's schemas (and the ICD-10 and DIVIPOLA tables they
// check against) into their chunks. They are loaded after the login screen has painted.
export { loginInput } from '../../../electron/api/auth';
export { createLocalInput, hostUrlSchema } from '../../../electron/api/device';
