// The renderer's one door to the main side: the contract (zod schemas, procedure names, types).
// eslint.config.js lists the bare module 'electron' as a *pattern*, which also matches this folder's path
// (electron/api); importing the contract is exactly what the layer rule allows, so it happens only here.
// eslint-disable-next-line no-restricted-imports
export * from '../../../electron/api/index';
