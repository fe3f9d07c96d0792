// What the screens before sign-in take from the contract, from its own modules: importing the
// contract's index would bring every procedure's schemas (and the ICD-10 and DIVIPOLA tables they
// check against) into the first chunk, to be parsed and run before the login screen paints.
export { loginInput } from '../../../electron/api/auth';
export { createLocalInput, hostUrlSchema } from '../../../electron/api/device';
export { ERROR_CODES } from '../../../electron/api/envelope';
