/**
 * The first admin of an empty database (issue 15, "done when"): a new vendor starts BEC on an empty
 * database without the demo, sends the setup token with its first admin's e-mail and password, and
 * does everything else through the API as that admin. Once any user exists, setup is closed.
 *
 * The token is SETUP_TOKEN when set (several server processes share it); otherwise the server makes
 * one at start when the database has no user and prints it (server/main.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../audit/audit.repository.js';
import { hashPassword, sha256 } from '../auth/passwords.js';
import { AppError, conflict } from '../errors.js';
import * as repo from './users.repository.js';
import type { AdminUser } from './users.repository.js';

/** A setup token starts with this (an invitation's with `beci_`). */
export const SETUP_PREFIX = 'becs_';

export function newSetupToken(): string {
  return SETUP_PREFIX + randomBytes(24).toString('base64url');
}

/** True while the database has no user: the server then prints a setup token unless SETUP_TOKEN is set. */
export async function needsFirstAdmin(): Promise<boolean> {
  return !(await repo.anyUser());
}

/** Setup is open while the database has no user and a token is set. */
export async function setupStatus(token: string | undefined): Promise<{ open: boolean; reason: string | null }> {
  if (await repo.anyUser()) return { open: false, reason: 'users exist: sign in as an admin' };
  if (!token)
    return { open: false, reason: 'no setup token: set SETUP_TOKEN, or restart the server on the empty database to have one printed' };
  return { open: true, reason: null };
}

const same = (a: string, b: string) => timingSafeEqual(Buffer.from(sha256(a), 'hex'), Buffer.from(sha256(b), 'hex'));

/** Creates the first vendor admin, active with its password; audited as its own first act. */
export async function completeSetup(
  expectedToken: string | undefined,
  input: { token: string; email: string; name: string; password: string },
): Promise<AdminUser> {
  if (!expectedToken || !same(input.token, expectedToken))
    throw new AppError('SETUP_TOKEN_INVALID', 'this setup token is not the one the server was given or printed', 400, {
      errors: [{ field: 'token', message: 'does not match' }],
    });
  const passwordHash = await hashPassword(input.password);
  return repo.inTransaction(async (t) => {
    if (await repo.anyUser(t)) throw conflict('SETUP_DONE', 'setup is done: users exist, sign in as an admin');
    const created = await repo.createUser(
      { email: input.email, name: input.name, role: 'vendor_admin', distributorId: null, active: true },
      t,
    );
    if (!created) throw conflict('SETUP_DONE', 'setup is done: users exist, sign in as an admin');
    await repo.updateUser(created.id, { passwordHash }, t);
    await recordAudit(
      { userId: created.id, role: 'vendor_admin' },
      {
        action: 'setup.completed',
        entityType: 'user',
        entityId: created.id,
        distributorId: null,
        after: { email: created.email, name: created.name, role: 'vendor_admin' },
      },
      t,
    );
    return (await repo.findUser(created.id, t))!;
  });
}
