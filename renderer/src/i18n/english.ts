// The English catalogues, as one chunk loaded when English is chosen (or was, on this computer):
// Spanish users never download nor parse them, and the login screen paints sooner (issue 7).
export { en } from './en';
export { exactMessages, messagePatterns } from './server-messages.en';
