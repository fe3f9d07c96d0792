import type { UserRow } from '../../db/schema';
import type { User } from '../api/users';
import type { Db } from './context';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    lockedUntil: row.locked_until,
  };
}

/** Ends every open session of a user (role change, deactivation, password reset). */
export async function endSessionsOf(db: Db, userId: number, at: string, reason: string, exceptSessionId?: number): Promise<number> {
  let query = db.updateTable('auth_sessions').set({ ended_at: at, end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
