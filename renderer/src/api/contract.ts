// The renderer's one door to the main side: the contract (zod schemas, procedure names, types).
export * from '../../../electron/api/index';
