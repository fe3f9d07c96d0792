// One handler per procedure of the contract, merged from each area (Actual Budget's handler map).
import type { OutputOf, ParsedInputOf, ProcedureName } from '../api/index';
import * as audit from './audit';
import * as auth from './auth';
import type { Actor, ServiceContext } from './context';
import * as users from './users';

/** Procedures the core serves on every transport (device.* live in electron/main). */
export type ServedProcedure = Exclude<ProcedureName, `device.${string}`>;

export interface Call<K extends ProcedureName> {
  /** Null only for public procedures. */
  actor: Actor | null;
  input: ParsedInputOf<K>;
  origin: string | null;
}

export type Handler<K extends ProcedureName> = (ctx: ServiceContext, call: Call<K>) => Promise<OutputOf<K>>;
export type Handlers = { [K in ServedProcedure]: Handler<K> };

/** The dispatcher has already checked the session; this narrows the type. */
function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new Error('A signed-in actor is required');
  return actor;
}

export const handlers: Handlers = {
  'auth.login': (ctx, { input, origin }) => auth.login(ctx, input, origin),
  'auth.logout': (ctx, { actor, origin }) => auth.logout(ctx, signedIn(actor), origin),
  'auth.me': (ctx, { actor }) => auth.me(ctx, signedIn(actor)),
  'auth.changePassword': (ctx, { actor, input, origin }) => auth.changePassword(ctx, signedIn(actor), input, origin),
  'users.list': (ctx, { input }) => users.listUsers(ctx, input),
  'users.create': (ctx, { actor, input, origin }) => users.createUser(ctx, signedIn(actor), input, origin),
  'users.update': (ctx, { actor, input, origin }) => users.updateUser(ctx, signedIn(actor), input, origin),
  'users.resetPassword': (ctx, { actor, input, origin }) => users.resetPassword(ctx, signedIn(actor), input, origin),
  'audit.list': (ctx, { input }) => audit.listAudit(ctx, input),
  'audit.verify': (ctx, { actor, origin }) => audit.verifyAudit(ctx, actor, origin),
};
