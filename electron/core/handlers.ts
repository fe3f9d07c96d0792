// One handler per procedure of the contract, merged from each area (Actual Budget's handler map).
import type { OutputOf, ParsedInputOf, ProcedureName } from '../api/index';
import * as audit from './audit';
import * as auth from './auth';
import type { Actor, ServiceContext } from './context';
import * as users from './users';
import * as patients from './patients';
import { searchOnPool } from './search-lane';
import * as appointments from './appointments';
import * as clinicians from './clinicians';
import * as sessions from './sessions';
import * as activities from './activities';
import * as stats from './stats';
import * as exportsService from './exports';
import { backupsOf } from './backup-service';
import { seedDemo } from './demo';

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
  'users.sessions': (ctx, { actor, input }) => users.listActiveSessions(ctx, signedIn(actor), input),
  'users.endSessions': (ctx, { actor, input, origin }) => users.endSessions(ctx, signedIn(actor), input, origin),
  'audit.list': (ctx, { input }) => audit.listAudit(ctx, input),
  'audit.verify': (ctx, { actor, origin }) => audit.verifyAudit(ctx, actor, origin),
  'patients.register': (ctx, { actor, input, origin }) => patients.registerPatient(ctx, signedIn(actor), input, origin),
  'patients.update': (ctx, { actor, input, origin }) => patients.updatePatient(ctx, signedIn(actor), input, origin),
  'patients.get': (ctx, { actor, input, origin }) => patients.getPatient(ctx, signedIn(actor), input.patientId, origin),
  'patients.history': (ctx, { actor, input, origin }) => patients.patientHistory(ctx, signedIn(actor), input.patientId, origin),
  'patients.search': (ctx, { input }) => searchOnPool(ctx, input),
  'patients.checkDuplicates': (ctx, { input }) => patients.checkDuplicates(ctx, input),
  'patients.merge': (ctx, { actor, input, origin }) => patients.mergePatients(ctx, signedIn(actor), input, origin),
  'appointments.book': (ctx, { actor, input, origin }) => appointments.bookAppointment(ctx, signedIn(actor), input, origin),
  'appointments.reschedule': (ctx, { actor, input, origin }) => appointments.rescheduleAppointment(ctx, signedIn(actor), input, origin),
  'appointments.cancel': (ctx, { actor, input, origin }) => appointments.cancelAppointment(ctx, signedIn(actor), input, origin),
  'appointments.checkIn': (ctx, { actor, input, origin }) => appointments.checkIn(ctx, signedIn(actor), input.appointmentId, origin),
  'appointments.markNoShow': (ctx, { actor, input, origin }) => appointments.markNoShow(ctx, signedIn(actor), input.appointmentId, origin),
  'appointments.get': (ctx, { input }) => appointments.getAppointment(ctx, input.appointmentId),
  'appointments.list': (ctx, { input }) => appointments.listAppointments(ctx, input),
  'appointments.waitingList': (ctx, { actor, input }) => appointments.waitingList(ctx, signedIn(actor), input),
  'clinicians.list': (ctx) => clinicians.listClinicians(ctx),
  'clinicians.setSchedule': (ctx, { actor, input, origin }) => clinicians.setSchedule(ctx, signedIn(actor), input, origin),
  'unit.info': (ctx) => clinicians.unitInfo(ctx),
  'unit.update': (ctx, { actor, input, origin }) => clinicians.updateUnitInfo(ctx, signedIn(actor), input, origin),
  'sessions.create': (ctx, { actor, input, origin }) => sessions.createSession(ctx, signedIn(actor), input, origin),
  'sessions.update': (ctx, { actor, input, origin }) => sessions.updateSession(ctx, signedIn(actor), input, origin),
  'sessions.sign': (ctx, { actor, input, origin }) => sessions.signSession(ctx, signedIn(actor), input.sessionId, origin),
  'sessions.amend': (ctx, { actor, input, origin }) => sessions.amendSession(ctx, signedIn(actor), input, origin),
  'sessions.get': (ctx, { actor, input, origin }) => sessions.getSession(ctx, signedIn(actor), input.sessionId, origin),
  'sessions.listForPatient': (ctx, { actor, input, origin }) => sessions.listForPatient(ctx, signedIn(actor), input.patientId, origin),
  'sessions.listDrafts': (ctx, { actor }) => sessions.listDrafts(ctx, signedIn(actor)),
  'sessions.listVisits': (ctx, { input }) => sessions.listVisits(ctx, input.patientId),
  'referrals.updateStatus': (ctx, { actor, input, origin }) => sessions.updateReferralStatus(ctx, signedIn(actor), input, origin),
  'instruments.catalog': async () => sessions.instrumentCatalog(),
  'instruments.history': (ctx, { actor, input, origin }) => sessions.instrumentHistory(ctx, signedIn(actor), input.patientId, origin),
  'alerts.list': (ctx, { actor, input, origin }) => sessions.listAlerts(ctx, signedIn(actor), input, origin),
  'alerts.acknowledge': (ctx, { actor, input, origin }) => sessions.acknowledgeAlert(ctx, signedIn(actor), input, origin),
  'activities.record': (ctx, { actor, input, origin }) => activities.recordActivity(ctx, signedIn(actor), input, origin),
  'activities.update': (ctx, { actor, input, origin }) => activities.updateActivity(ctx, signedIn(actor), input, origin),
  'activities.get': (ctx, { input }) => activities.getActivity(ctx, input.activityId),
  'activities.list': (ctx, { input }) => activities.listActivities(ctx, input),
  'stats.dashboard': (ctx, { input }) => stats.dashboard(ctx, input),
  'stats.monthlyReport': (ctx, { input }) => stats.monthlyReport(ctx, input),
  'exports.create': (ctx, { actor, input, origin }) => exportsService.createExport(ctx, signedIn(actor), input, origin),
  'exports.status': async (ctx, { input }) => exportsService.exportStatus(ctx, input.jobId),
  'exports.list': async (ctx) => exportsService.listExports(ctx),
  'exports.download': (ctx, { actor, input, origin }) => exportsService.downloadExport(ctx, signedIn(actor), input.jobId, origin),
  'exports.r4vConfig': (ctx) => exportsService.r4vConfig(ctx),
  'exports.setR4vConfig': (ctx, { actor, input, origin }) => exportsService.setR4vConfig(ctx, signedIn(actor), input.config, origin),
  'backups.create': (ctx, { actor, origin }) => backupsOf(ctx).create(ctx, { kind: 'manual', actor: signedIn(actor), origin }),
  'backups.list': async (ctx) => backupsOf(ctx).list(),
  'backups.status': (ctx) => backupsOf(ctx).status(ctx),
  'demo.seed': (ctx, { actor, input, origin }) => seedDemo(ctx, signedIn(actor), input, origin),
};
